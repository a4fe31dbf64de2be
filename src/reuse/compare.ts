/**
 * Pairwise reuse decision: aligns two profiled articles and names the relation (duplicate, copy,
 * partial, rewrite, translation, shared-source) with its score, passages and evidence, or none.
 */
import { SOURCE_CUE_PATTERN, WIRE_CREDIT_PATTERNS } from './lexicon.js';
import { diffLines, ownContentTokens, sharedShare, type LineDiff } from './line-diff.js';
import { alignPassages, type PassageAlignment } from './passages.js';
import { perProfile, type ReuseProfile } from './profile.js';
import { alignSentences, longestIncreasing, SENTENCE_MATCH_JACCARD, type SentencePair } from './sentence-align.js';
import { normaliseWord, tokenize } from './tokens.js';
import type { ReuseEvidence, ReuseKind } from './types.js';

/** Both sides' bodies matched verbatim at least this much, with no sentence added or cut on either side: the same text. */
export const DUPLICATE_MIN_COVERAGE = 0.95;
/** A side with at most this many tokens of its own (edits, added sentences) is contained in the other text. */
export const CONTAINED_MAX_OWN_TOKENS = 2;
/** A wire credit counts for the whole article only up to the first paragraph of at least this many words (the lead). */
export const WIRE_CREDIT_LEAD_MIN_WORDS = 12;
/** One side matched verbatim at least this much: a copy (with edits, cuts or junk). */
export const COPY_MIN_COVERAGE = 0.6;
/** Verbatim tokens shared, at least, for partial reuse (a quoted paragraph). */
export const PARTIAL_MIN_TOKENS = 25;
/** Aligned paraphrased sentences needed for a rewrite. */
export const REWRITE_MIN_SENTENCES = 3;
/** …as a share of the shorter text's sentences. */
export const REWRITE_MIN_SENTENCE_SHARE = 0.15;
/** Share of aligned sentences that must keep their order (facts in the same order). */
export const MIN_ORDER_SHARE = 0.6;
/** Share of facts shared times the share kept in order, for a rewrite by facts alone (same facts, same order). */
export const REWRITE_MIN_FACT_AGREEMENT = 0.45;
/** Shared facts needed for a rewrite by facts alone. */
export const REWRITE_MIN_FACTS_BY_ORDER = 6;
/** Share of each side's content sentences aligned in order (verbatim or paraphrased) for a rewrite by alignment. */
export const REWRITE_MIN_ALIGNED_SHARE = 0.6;
/** Looser sentence Jaccard for pairing paraphrased sentences inside a pair already judged a rewrite. */
export const PARAPHRASE_PASSAGE_JACCARD = 0.2;
/** Facts (numbers, names) two rewrites or relays of one source must share. */
export const MIN_SHARED_FACTS = 3;
/** Facts shared across languages for a translation, and as a share of the smaller fact list. */
export const TRANSLATION_MIN_FACTS = 4;
export const TRANSLATION_MIN_FACT_SHARE = 0.3;
/** Names (not numbers) a translation must share: figures alone ("10", "14", "2019") recur across unrelated pages. */
export const TRANSLATION_MIN_SHARED_NAMES = 2;
/** Name keys compared across languages by this many leading letters (inflection differs). */
const CROSS_LANGUAGE_KEY_CHARS = 5;
/** Two direct quotes are the same when their word sets overlap this much. */
const SAME_QUOTE_JACCARD = 0.6;
/** Articles with fewer content tokens are too short to link (one-liners, boilerplate-only pages). */
export const MIN_CONTENT_TOKENS = 12;

/** Undirected finding between `a` and `b`, before direction is decided. */
export interface PairFinding {
  kind: ReuseKind;
  score: number;
  alignment: PassageAlignment;
  sentencePairs: SentencePair[];
  sharedFacts: string[];
  sharedQuotes: number;
  sharedSources: string[];
  evidence: ReuseEvidence[];
  /** Sentence-level differences of each side against the other (verbatim kinds only). */
  diffA?: LineDiff;
  diffB?: LineDiff;
}

/** Compares two articles; returns the reuse relation between them or null when they are independent. */
export function compareProfiles(a: ReuseProfile, b: ReuseProfile, sentenceThreshold = SENTENCE_MATCH_JACCARD): PairFinding | null {
  if (a.contentTokens < MIN_CONTENT_TOKENS || b.contentTokens < MIN_CONTENT_TOKENS) return null;
  const sameLanguage = a.script === b.script && (!a.lang || !b.lang || a.lang === b.lang);
  if (!sameLanguage) return compareTranslation(a, b);
  const alignment = alignPassages(a, b);
  const evidence: ReuseEvidence[] = [];
  const sharedFacts = intersect(a.facts, b.facts);
  const { matchedTokens } = alignment;
  // Sentence-level view of both sides: credit lines and headlines do not count, added chrome and sentences do.
  const diffA = matchedTokens >= PARTIAL_MIN_TOKENS ? diffLines(a, b, alignment.coveredA) : undefined;
  const diffB = matchedTokens >= PARTIAL_MIN_TOKENS ? diffLines(b, a, alignment.coveredB) : undefined;
  const coverageA = diffA ? sharedShare(diffA) : alignment.coverageA;
  const coverageB = diffB ? sharedShare(diffB) : alignment.coverageB;
  const base = { alignment, sharedFacts, sharedQuotes: 0, sharedSources: [] as string[], sentencePairs: [] as SentencePair[], diffA, diffB };
  if (matchedTokens > 0) {
    evidence.push({
      type: 'verbatim',
      detail: `${matchedTokens} tokens in ${alignment.passages.length} passage(s); coverage ${pct(coverageA)} / ${pct(coverageB)}${diffA && diffB ? describeDiff(diffA, diffB) : ''}`,
    });
  }
  const addedA = diffA ? diffA.extraContent.length + diffA.junkUnits : 0;
  const addedB = diffB ? diffB.extraContent.length + diffB.junkUnits : 0;
  const sameText = coverageA >= DUPLICATE_MIN_COVERAGE && coverageB >= DUPLICATE_MIN_COVERAGE && addedA === 0 && addedB === 0;
  // A text with nothing of its own inside the other is a copy of that text, whoever it credits.
  const contained = !!diffA && !!diffB && (ownContentTokens(diffA) <= CONTAINED_MAX_OWN_TOKENS || ownContentTokens(diffB) <= CONTAINED_MAX_OWN_TOKENS);
  const wires = matchedTokens >= PARTIAL_MIN_TOKENS ? sharedWireCredits(a, b) : [];
  if (wires.length && !sameText && !contained) {
    // Both relay one agency's report, each with its own edits: each copies the wire, not the other.
    evidence.push({ type: 'shared-source', detail: `both credit ${wires.join(', ')}; each text has changes of its own` });
    return { ...base, sharedSources: wires, kind: 'shared-source', score: round(Math.max(coverageA, coverageB)), evidence };
  }
  if (wires.length) evidence.push({ type: 'shared-source', detail: `both credit ${wires.join(', ')}, but one text is the other's` });
  if (sameText) {
    return { ...base, kind: 'duplicate', score: round(Math.min(coverageA, coverageB)), evidence };
  }
  if (Math.max(coverageA, coverageB) >= COPY_MIN_COVERAGE) {
    return { ...base, kind: 'copy', score: round(Math.max(coverageA, coverageB)), evidence };
  }
  const sharedQuotes = countSharedQuotes(a, b);
  // Sentences already shared verbatim are reuse, not paraphrase: only the others speak for a rewrite.
  const verbatimA = alignment.passages.map((p) => p.a);
  const paraphrased = (pair: SentencePair) => coveredShare(a.sentences[pair.a], verbatimA) < 0.5;
  const looseAll = alignSentences(a.sentences, b.sentences, Math.min(PARAPHRASE_PASSAGE_JACCARD, sentenceThreshold));
  // Greedy one-to-one pairing takes the most similar first: the pairs at the strict threshold are the loose pairs above it.
  const strictPairs = looseAll.filter((p) => p.similarity >= sentenceThreshold && paraphrased(p));
  const contentSentences = Math.min(countContentSentences(a), countContentSentences(b));
  const inOrder = longestIncreasing(strictPairs.map((p) => p.b));
  // Facts inside a shared verbatim passage speak for that passage, not for a rewrite of the rest.
  const verbatimB = alignment.passages.map((p) => p.b);
  const factsA = matchedTokens > 0 ? factsOutside(a, verbatimA) : a.facts;
  const factsB = matchedTokens > 0 ? factsOutside(b, verbatimB) : b.facts;
  const rewriteFacts = matchedTokens > 0 ? intersect(factsA, factsB) : sharedFacts;
  const factOrder = factOrderShare(factsA, factsB, rewriteFacts);
  const factShare = rewriteFacts.length / Math.max(1, Math.min(factsA.length, factsB.length));
  const bySentences =
    strictPairs.length >= REWRITE_MIN_SENTENCES &&
    strictPairs.length >= REWRITE_MIN_SENTENCE_SHARE * contentSentences &&
    inOrder >= MIN_ORDER_SHARE * strictPairs.length &&
    rewriteFacts.length >= MIN_SHARED_FACTS;
  const loosePairs = keepInOrder(looseAll.filter(paraphrased));
  // Same sentences in the same order, some kept verbatim and some paraphrased: a rewrite, not a quoted passage.
  const alignedAll = keepInOrder(looseAll).length;
  const alignedShare = alignedAll / Math.max(1, Math.max(countContentSentences(a), countContentSentences(b)));
  const byAlignment =
    matchedTokens > 0 && loosePairs.length >= 2 && alignedAll >= REWRITE_MIN_SENTENCES && alignedShare >= REWRITE_MIN_ALIGNED_SHARE;
  const byFacts =
    rewriteFacts.length >= REWRITE_MIN_FACTS_BY_ORDER && factShare * factOrder >= REWRITE_MIN_FACT_AGREEMENT && loosePairs.length >= 2;
  // A verbatim passage is harder evidence than facts two reports of one event share anyway.
  const verbatimPartial = matchedTokens >= PARTIAL_MIN_TOKENS;
  if (bySentences || byAlignment || (byFacts && !verbatimPartial)) {
    evidence.push({
      type: 'aligned-sentences',
      detail: `${strictPairs.length} paraphrased sentence(s) at Jaccard ≥ ${sentenceThreshold}, ${loosePairs.length} loosely; ${pct(alignedShare)} of sentences aligned in order; facts ${pct(factShare)} shared, ${pct(factOrder)} in order`,
    });
    pushFactEvidence(evidence, rewriteFacts);
    const score = round(Math.min(1, Math.max(strictPairs.length / Math.max(1, contentSentences), factShare * factOrder)));
    return { ...base, sharedQuotes, sentencePairs: loosePairs, kind: 'rewrite', score, evidence };
  }
  if (matchedTokens >= PARTIAL_MIN_TOKENS) {
    const quotedOnly = alignment.passages.every((p) => insideAny(p.a, a.quotes) && insideAny(p.b, b.quotes));
    if (!quotedOnly) return { ...base, sharedQuotes, kind: 'partial', score: round(Math.max(coverageA, coverageB)), evidence };
  }
  const sentencePairs = strictPairs;
  const sharedSources = intersect(namedSources(a), namedSources(b));
  if ((sharedQuotes > 0 || sharedSources.length > 0) && sharedFacts.length >= MIN_SHARED_FACTS) {
    if (sharedQuotes) evidence.push({ type: 'shared-quote', detail: `${sharedQuotes} direct quote(s) in both` });
    if (sharedSources.length) evidence.push({ type: 'shared-source', detail: `both cite ${sharedSources.join(', ')}` });
    pushFactEvidence(evidence, sharedFacts);
    const factShare = sharedFacts.length / Math.max(1, Math.min(a.facts.length, b.facts.length));
    const score = round(Math.min(1, 0.3 * sharedQuotes + 0.3 * Math.min(1, sharedSources.length) + 0.4 * factShare));
    return { ...base, sharedQuotes, sharedSources, sentencePairs, kind: 'shared-source', score, evidence };
  }
  return null;
}

function compareTranslation(a: ReuseProfile, b: ReuseProfile): PairFinding | null {
  const keysA = a.facts.map(crossLanguageKey);
  const keysB = b.facts.map(crossLanguageKey);
  const shared = intersect(keysA, keysB);
  const share = shared.length / Math.max(1, Math.min(new Set(keysA).size, new Set(keysB).size));
  if (shared.length < TRANSLATION_MIN_FACTS || share < TRANSLATION_MIN_FACT_SHARE) return null;
  if (shared.filter((k) => !/^\d/.test(k)).length < TRANSLATION_MIN_SHARED_NAMES) return null;
  const sharedSet = new Set(shared);
  const order = longestIncreasing(keysA.filter((k) => sharedSet.has(k)).map((k) => keysB.indexOf(k)));
  if (order < MIN_ORDER_SHARE * shared.length) return null;
  // Sentences pair up across languages by the facts they share.
  const sentencePairs: SentencePair[] = [];
  const usedB = new Set<number>();
  a.sentences.forEach((sa, i) => {
    const fa = new Set(sa.facts.map(crossLanguageKey));
    if (fa.size < 2) return;
    let best = -1;
    let bestShared = 1;
    b.sentences.forEach((sb, j) => {
      if (usedB.has(j)) return;
      const n = new Set(sb.facts.map(crossLanguageKey).filter((k) => fa.has(k))).size;
      if (n > bestShared) [best, bestShared] = [j, n];
    });
    if (best >= 0) {
      usedB.add(best);
      sentencePairs.push({ a: i, b: best, similarity: bestShared / fa.size });
    }
  });
  const evidence: ReuseEvidence[] = [
    { type: 'aligned-sentences', detail: `${a.script}/${a.lang ?? '?'} vs ${b.script}/${b.lang ?? '?'}: ${sentencePairs.length} sentence(s) aligned by facts` },
  ];
  pushFactEvidence(evidence, shared);
  return {
    kind: 'translation',
    score: round(Math.min(1, share)),
    alignment: { passages: [], coverageA: 0, coverageB: 0, matchedTokens: 0 },
    sentencePairs,
    sharedFacts: shared,
    sharedQuotes: 0,
    sharedSources: [],
    evidence,
  };
}

/** Facts of the sentences that lie mostly outside the given verbatim ranges, in order of first appearance. */
function factsOutside(p: ReuseProfile, verbatim: readonly [number, number][]): string[] {
  const out = new Set<string>();
  for (const s of p.sentences) if (coveredShare(s, verbatim) < 0.5) for (const f of s.facts) out.add(f);
  return [...out];
}

/** Evidence suffix naming what each side has that the other lacks. */
function describeDiff(a: LineDiff, b: LineDiff): string {
  const side = (d: LineDiff) => {
    const parts: string[] = [];
    if (d.extraContent.length) parts.push(`${d.extraContent.length} sentence(s) of its own`);
    if (d.junkUnits) parts.push(`${d.junkUnits} chrome line(s)`);
    if (d.editedTokens) parts.push(`${d.editedTokens} edited word(s)`);
    return parts.join(', ') || 'nothing of its own';
  };
  return `; A has ${side(a)}; B has ${side(b)}`;
}

/** Share of the shared facts that appear in the same order in both texts. */
function factOrderShare(a: readonly string[], b: readonly string[], shared: readonly string[]): number {
  if (!shared.length) return 0;
  const set = new Set(shared);
  const posB = new Map(b.map((f, i) => [f, i] as [string, number]).reverse());
  return longestIncreasing(a.filter((f) => set.has(f)).map((f) => posB.get(f)!)) / shared.length;
}

/** The largest subset of sentence pairs whose order agrees on both sides. */
function keepInOrder(pairs: readonly SentencePair[]): SentencePair[] {
  const n = pairs.length;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) if (pairs[j].b < pairs[i].b && len[j] + 1 > len[i]) [len[i], prev[i]] = [len[j] + 1, j];
  }
  let end = -1;
  for (let i = 0; i < n; i++) if (end < 0 || len[i] > len[end]) end = i;
  const out: SentencePair[] = [];
  for (let i = end; i >= 0; i = prev[i]) out.push(pairs[i]);
  return out.reverse();
}

function crossLanguageKey(fact: string): string {
  return /^\d/.test(fact) ? fact : fact.slice(0, CROSS_LANGUAGE_KEY_CHARS);
}

/** Wire agencies credited by both articles, excluding either article's own outlet. */
function sharedWireCredits(a: ReuseProfile, b: ReuseProfile): string[] {
  const own = new Set([a.article.meta.site, b.article.meta.site].filter(Boolean).map((s) => s!.toLowerCase().replace(/^the /, '')));
  return intersect(wireCredits(a), wireCredits(b)).filter((w) => !own.has(w));
}

/**
 * Wire agencies an article credits for itself ("(Norpress) —", "By Norpress", ", Norpress reported." in the lead).
 * Only the opening counts: "X reported" further down attributes one fact, and a dateline quoted inside another
 * article's body is part of the quotation, not that article's credit.
 */
export function wireCredits(p: ReuseProfile): string[] {
  const out = new Set<string>();
  const text = p.article.text;
  const leadEnd = leadEndOffset(p);
  for (const re of WIRE_CREDIT_PATTERNS) {
    for (const m of text.matchAll(re)) if ((m.index ?? 0) < leadEnd) out.add(m[1].toLowerCase().replace(/^the /, ''));
  }
  return [...out];
}

/** End of the lead: the end of the first line with at least WIRE_CREDIT_LEAD_MIN_WORDS words (headline and byline lines come before it). */
function leadEndOffset(p: ReuseProfile): number {
  const text = p.article.text;
  let t = 0;
  let offset = 0;
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    let n = 0;
    while (t < p.tokens.length && p.tokens[t].start < end) (t++, n++);
    if (n >= WIRE_CREDIT_LEAD_MIN_WORDS) return end;
    offset = end + 1;
  }
  return text.length;
}

/** Named primary sources an article cites ("told The War Zone" -> "war zone"). */
export function namedSources(p: ReuseProfile): string[] {
  const out = new Set<string>();
  for (const m of p.article.text.matchAll(SOURCE_CUE_PATTERN)) {
    const key = tokenize(m[1]).map((t) => t.norm).filter((w) => w !== 'the').join(' ');
    if (key) out.add(key);
  }
  return [...out];
}

/** Each profile's quotes as word sets, read once per profile. */
const wordsOfQuotes = perProfile((p) => p.quotes.map((q) => new Set(tokenize(p.article.text.slice(q.start, q.end)).map((t) => normaliseWord(t.norm)))));

function countSharedQuotes(a: ReuseProfile, b: ReuseProfile): number {
  if (!a.quotes.length || !b.quotes.length) return 0;
  const qa = wordsOfQuotes(a);
  const qb = wordsOfQuotes(b);
  let n = 0;
  for (const x of qa) {
    for (const y of qb) {
      let inter = 0;
      for (const w of x) if (y.has(w)) inter++;
      if (inter / (x.size + y.size - inter) >= SAME_QUOTE_JACCARD) {
        n++;
        break;
      }
    }
  }
  return n;
}

function coveredShare(s: { start: number; end: number }, ranges: readonly [number, number][]): number {
  let inside = 0;
  for (const [start, end] of ranges) inside += Math.max(0, Math.min(end, s.end) - Math.max(start, s.start));
  return inside / Math.max(1, s.end - s.start);
}

function countContentSentences(p: ReuseProfile): number {
  return p.sentences.filter((s) => s.terms.length >= 3).length;
}

function insideAny(range: [number, number], spans: readonly { start: number; end: number }[]): boolean {
  return spans.some((s) => s.start <= range[0] && range[1] <= s.end);
}

function pushFactEvidence(evidence: ReuseEvidence[], facts: readonly string[]): void {
  const numbers = facts.filter((f) => /^\d/.test(f));
  const names = facts.filter((f) => !/^\d/.test(f));
  if (numbers.length) evidence.push({ type: 'shared-numbers', detail: numbers.slice(0, 8).join(', ') });
  if (names.length) evidence.push({ type: 'shared-names', detail: names.slice(0, 8).join(', ') });
}

/** Distinct values present in both lists, in the order of `a`. */
export function intersect(a: readonly string[], b: readonly string[]): string[] {
  const set = new Set(b);
  return [...new Set(a)].filter((x) => set.has(x));
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
