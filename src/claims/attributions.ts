/**
 * Attribution: who says something, with which cue, through which channel, and what is said.
 * A cue lexicon (lexicon/attribution.ts) finds reporting verbs and phrases; the structure around
 * each cue (subject before the verb, inverted "said X", "according to X", post-posed ", X said.",
 * quotes before or after) gives the speaker and the content. Reads wink POS tags for noun phrases.
 */
import { z } from 'zod';
import type { Article } from '../core/article.js';
import { addMessage } from '../core/message.js';
import type { Stage } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import { overlaps, type Span } from '../core/span.js';
import { tokenize, type WinkToken } from '../nlp/wink.js';
import {
  ACCORDING_TO_NON_SOURCES,
  ADDRESSEE_VERBS,
  ANONYMITY_MARKERS,
  ANONYMOUS_HEADS,
  BASE_FORM_BLOCKERS,
  BE_FORMS,
  CHANNEL_PATTERNS,
  CUE_PRE_MODIFIERS,
  CUE_VERBS,
  NP_PREPOSITIONS,
  PARTICIPLE_BLOCKERS,
  SOURCE_AFTER_CUES,
  SPEAKER_PRONOUNS,
  TITLE_NOUNS,
} from './lexicon/attribution.js';
import type { AttributionMention, EntityMention } from './types.js';

declare module '../core/article.js' {
  interface LayerMap {
    attribution: AttributionMention;
  }
}

/** Longest quotation taken as one quote; longer runs are unbalanced marks. */
const MAX_QUOTE_CHARS = 2500;
/** Longest speaker phrase, in tokens. */
const MAX_SPEAKER_TOKENS = 14;
/** Longest appositive between a speaker and its cue, in tokens. */
const MAX_APPOSITIVE_TOKENS = 20;

export interface AttributionsOptions {
  /** Keep attributions whose speaker could not be found (cue and content only). */
  keepSpeakerless?: boolean;
}

const FORM_TO_LEMMA: ReadonlyMap<string, string> = new Map(
  Object.entries(CUE_VERBS).flatMap(([lemma, forms]) => [[lemma, lemma] as const, ...forms.map((f) => [f, lemma] as const)]),
);
const NOUNISH = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
const NP_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET']);
const OPEN_QUOTES = '“"«„';
const CLOSE_QUOTES = '”"»“';

interface Draft {
  speaker?: Span;
  cue: Span;
  cueLemma: string;
  via?: Span;
  content?: Span;
  direct: boolean;
  anonymous: boolean;
  /** Cue start of the attribution this one is cited by (chains are linked after sorting). */
  citedByCue?: number;
  /** Extra text checked for anonymity markers ("who spoke on condition of anonymity"). */
  modifier?: Span;
}

/** Finds quotations (marks included) in the text: curly pairs, straight pairs and guillemets. */
export function findQuotes(text: string): Span[] {
  const quotes: Span[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (open < 0) {
      if (OPEN_QUOTES.includes(ch) && isOpening(text, i)) open = i;
      continue;
    }
    if (i - open > MAX_QUOTE_CHARS) {
      // Too long for one quote: the opening mark was stray; rescan after it.
      i = open;
      open = -1;
      continue;
    }
    if (CLOSE_QUOTES.includes(ch) && isClosing(text, i)) {
      quotes.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  return quotes;
}

function isOpening(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '“' || ch === '«' || ch === '„') return true;
  const before = i === 0 ? ' ' : text[i - 1];
  const after = text[i + 1] ?? ' ';
  return /[\s([{\-—–:]/.test(before) && !/\s/.test(after);
}

function isClosing(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '”' || ch === '»') return true;
  if (ch === '“') return false;
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  return !/\s/.test(before) && /[\s.,;:!?)\]—–-]|$/.test(after);
}

/** Extracts attribution relations from one article's text and sentence layer. */
export function extractAttributions(article: Article, options: AttributionsOptions = {}): AttributionMention[] {
  const text = article.text;
  const sentences = article.layers.sentence ?? [{ start: 0, end: text.length }];
  const quotes = findQuotes(text);
  const tokens = tokenize(text);
  const entities = (article.layers as { entity?: EntityMention[] }).entity ?? [];
  const drafts: Draft[] = [];
  const inQuote = (pos: number) => quotes.some((q) => q.start < pos && pos < q.end);

  let sentenceIndex = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    while (sentenceIndex < sentences.length - 1 && sentences[sentenceIndex].end <= token.start) sentenceIndex++;
    const sentence = sentences[sentenceIndex];
    if (inQuote(token.start)) continue;
    const ctx: Ctx = { text, tokens, sentence, quotes, entities };
    const lower = token.normal;
    const phrase = SOURCE_AFTER_CUES.find((c) => matchesPhrase(tokens, i, c.phrase));
    if (phrase) {
      const draft = readSourceAfterCue(ctx, i, phrase.phrase, phrase.lemma, drafts);
      if (draft) drafts.push(draft);
      continue;
    }
    const lemma = FORM_TO_LEMMA.get(lower);
    if (!lemma || token.pos !== 'VERB') continue;
    const draft = readVerbCue(ctx, i, lemma, drafts);
    if (draft && (draft.speaker || options.keepSpeakerless)) drafts.push(draft);
  }

  for (const draft of drafts) attachChannel(text, draft, quotes);
  const sorted = drafts.sort((a, b) => a.cue.start - b.cue.start);
  const mentions: AttributionMention[] = sorted.map((d) => toMention(text, d));
  sorted.forEach((d, index) => {
    if (d.citedByCue === undefined) return;
    const outer = sorted.findIndex((o) => o.cue.start === d.citedByCue);
    if (outer >= 0) mentions[outer].citing = index;
  });
  return mentions;
}

interface Ctx {
  text: string;
  tokens: WinkToken[];
  sentence: Span;
  quotes: Span[];
  entities: EntityMention[];
}

function matchesPhrase(tokens: WinkToken[], i: number, phrase: string): boolean {
  const words = phrase.split(' ');
  return words.every((w, k) => tokens[i + k]?.normal === w);
}

/** "according to X", "citing X": the source follows the cue. */
function readSourceAfterCue(ctx: Ctx, i: number, phrase: string, lemma: string, drafts: Draft[]): Draft | undefined {
  const { tokens, sentence, text } = ctx;
  const n = phrase.split(' ').length;
  const cue: Span = { start: tokens[i].start, end: tokens[i + n - 1].end };
  const np = readRightNp(ctx, i + n);
  if (!np) return undefined;
  const head = text.slice(np.span.start, np.span.end).toLowerCase().replace(/^(the|an?)\s+/, '');
  if (lemma === 'according to' && ACCORDING_TO_NON_SOURCES.has(head.split(/\s+/)[0])) return undefined;
  const draft: Draft = { speaker: np.span, cue, cueLemma: lemma, direct: false, anonymous: false };
  const afterNp = np.next;
  if (lemma === 'cite') {
    // A chain: the outer report in the same sentence cites this source and shares its content.
    const outer = [...drafts].reverse().find((d) => d.cue.start >= sentence.start && d.cue.end <= cue.start);
    if (outer) {
      draft.citedByCue = outer.cue.start;
      draft.content = outer.content;
      draft.direct = outer.direct;
    } else {
      draft.content = contentAfter(ctx, afterNp) ?? contentBefore(ctx, cue.start);
    }
    return draft;
  }
  const leading = !/\S/.test(text.slice(sentence.start, cue.start).replace(/^[\s"“]*(?:but|and|however|yet|so|also)?[\s,]*/i, ''));
  draft.content = leading ? contentAfter(ctx, skipToComma(ctx, afterNp)) : contentBefore(ctx, cue.start);
  markDirect(ctx, draft);
  return draft;
}

/** A reporting verb: subject before it, or inverted speaker after it. */
function readVerbCue(ctx: Ctx, i: number, lemma: string, drafts: Draft[]): Draft | undefined {
  const { tokens, text, sentence } = ctx;
  const token = tokens[i];
  const lower = token.normal;
  const prev = tokens[i - 1];
  const prevLower = prev && prev.start >= sentence.start ? prev.normal : '';
  const isBase = lower === lemma;
  const isIng = lower.endsWith('ing');
  const isEd = /ed$|^(?:said|told|wrote)$/.test(lower);
  if (isBase && (BASE_FORM_BLOCKERS.has(prevLower) || /n't$|n’t$/.test(prev?.value ?? ''))) return undefined;
  const cue: Span = { start: token.start, end: token.end };

  // Passive: "was reported by X"; without an agent there is no speaker to name.
  if (isEd && (BE_FORMS.has(prevLower) || (prevLower === 'not' && BE_FORMS.has(tokens[i - 2]?.normal ?? '')))) {
    if (tokens[i + 1]?.normal !== 'by') return undefined;
    const np = readRightNp(ctx, i + 2);
    if (!np) return undefined;
    // The passive subject is the content: "this figure was not confirmed by the NIS".
    const clauseStart = Math.max(sentence.start, text.lastIndexOf(',', cue.start) + 1);
    let be = i - 1;
    while (be > 0 && (BE_FORMS.has(tokens[be - 1].normal) || tokens[be - 1].normal === 'not')) be--;
    const content = trimContent(text, clauseStart, tokens[be].start);
    return { speaker: np.span, cue, cueLemma: lemma, direct: false, anonymous: false, content };
  }
  if (isEd && PARTICIPLE_BLOCKERS.has(prevLower) && prevLower !== 'that') return undefined;

  // Participial continuation: "…, adding that …" inherits the speaker of the clause before.
  if (isIng && !BE_FORMS.has(prevLower)) {
    if (prev?.value !== ',') return undefined;
    const outer = [...drafts].reverse().find((d) => d.cue.start >= sentence.start && d.cue.end <= cue.start);
    if (!outer) return undefined;
    const draft: Draft = { speaker: outer.speaker, cue, cueLemma: lemma, direct: false, anonymous: outer.anonymous };
    draft.content = contentAfter(ctx, skipThat(ctx, i + 1));
    markDirect(ctx, draft);
    return draft;
  }

  const left = readLeftSpeaker(ctx, i);
  if (left) {
    if (isBase && !isPluralOrPronoun(left.headToken)) return undefined;
    const draft: Draft = { speaker: left.span, cue, cueLemma: lemma, direct: false, anonymous: false, modifier: left.modifier };
    if (left.via) draft.via = left.via;
    let next = i + 1;
    if (ADDRESSEE_VERBS.has(lemma)) {
      const addressee = readRightNp(ctx, next);
      if (addressee) {
        draft.via = addressee.span;
        next = addressee.next;
      }
    }
    next = skipCiting(ctx, next);
    draft.content = contentAfter(ctx, skipThat(ctx, next));
    if (!draft.content) draft.content = quoteRightAfter(ctx, tokens[next - 1]?.end ?? cue.end) ?? contentBefore(ctx, left.span.start);
    markDirect(ctx, draft);
    return draft;
  }
  // Inverted: "…,” said X." or "…, says X."
  if (isIng || isBase) return undefined;
  const right = readRightNp(ctx, i + 1);
  if (!right || !prev || !/^[,”"'’]+$/.test(prev.value)) return undefined;
  const draft: Draft = { speaker: right.span, cue, cueLemma: lemma, direct: false, anonymous: false };
  draft.content = contentBefore(ctx, cue.start);
  markDirect(ctx, draft);
  return draft;
}

function isPluralOrPronoun(token: WinkToken): boolean {
  if (token.pos === 'PRON') return token.normal !== 'he' && token.normal !== 'she' && token.normal !== 'it';
  return /s$/.test(token.normal) || /^(?:people|police|media|staff|military|government)$/.test(token.normal);
}

interface LeftSpeaker {
  span: Span;
  headToken: WinkToken;
  via?: Span;
  modifier?: Span;
}

/** Walks left from a verb cue over adverbs and auxiliaries, then over the subject noun phrase. */
function readLeftSpeaker(ctx: Ctx, cueIndex: number): LeftSpeaker | undefined {
  const { tokens, sentence, text } = ctx;
  let j = cueIndex - 1;
  const inSentence = (k: number) => k >= 0 && tokens[k].start >= sentence.start;
  while (inSentence(j) && (CUE_PRE_MODIFIERS.has(tokens[j].normal) || tokens[j].pos === 'ADV' || tokens[j].pos === 'AUX')) j--;
  if (!inSentence(j)) return undefined;
  let via: Span | undefined;
  let modifier: Span | undefined;
  // Relative clause on the subject: "a source … that spoke to Yonhap said", "officials who asked not to be named said".
  for (let k = j; inSentence(k) && j - k < 12; k--) {
    const t = tokens[k];
    if (t.pos === 'PUNCT') break;
    if ((t.normal === 'who' || t.normal === 'that') && t.pos === 'PRON' && k < j) {
      modifier = { start: t.start, end: tokens[j].end };
      const clause = text.slice(t.start, tokens[j].end);
      const m = /\b(?:spoke|talked)\s+(?:to|with)\s+(.+)$/.exec(clause);
      if (m) via = { start: t.start + m.index + m[0].length - m[1].length, end: tokens[j].end };
      j = k - 1;
      break;
    }
  }
  // A parenthetical right before the cue belongs to the subject: "the Defense Intelligence of Ukraine (DIU) has revealed".
  let parenEnd: number | undefined;
  if (inSentence(j) && tokens[j].value === ')') {
    const open = findOpenParen(tokens, j, sentence);
    if (open < 1) return undefined;
    parenEnd = tokens[j].end;
    j = open - 1;
  }
  // Appositive between commas: "Alan Cole, an economist at the foundation, said".
  if (inSentence(j) && tokens[j].value === ',' && !via && !modifier) {
    for (let k = j - 1; inSentence(k) && j - k < MAX_APPOSITIVE_TOKENS; k--) {
      if (tokens[k].value === ',') {
        const inner = tokens.slice(k + 1, j);
        const plain = inner.length > 0 && inner.every((t) => t.pos !== 'VERB' && t.pos !== 'AUX' && !/[“”"(]/.test(t.value));
        if (!plain || !inSentence(k - 1)) break;
        const named = readLeftSpeaker(ctx, k);
        return named && (named.headToken.pos === 'PROPN' || named.headToken.pos === 'NOUN') ? named : undefined;
      }
    }
    return undefined;
  }
  const first = tokens[j];
  if (!first || !inSentence(j)) return undefined;
  if (first.pos === 'PRON') {
    if (!SPEAKER_PRONOUNS.has(first.normal)) return undefined;
    return { span: { start: first.start, end: first.end }, headToken: first, via, modifier };
  }
  if (first.pos !== 'NOUN' && first.pos !== 'PROPN' && first.pos !== 'NUM') return undefined;
  let start = j;
  let sawProper = first.pos === 'PROPN';
  for (let k = j - 1; inSentence(k) && j - k < MAX_SPEAKER_TOKENS; k--) {
    const t = tokens[k];
    const nextTok = tokens[k + 1];
    if (t.value === ')') {
      const open = findOpenParen(tokens, k, sentence);
      if (open < 0) break;
      k = open;
      continue;
    }
    if (t.value === "'" || t.value === '’' || (t.pos === 'PART' && /^['’]s$/.test(t.value))) continue;
    if (t.pos === 'DET') {
      start = k;
      const before = tokens[k - 1];
      if (inSentence(k - 1) && NP_PREPOSITIONS.has(before.normal) && inSentence(k - 2) && NOUNISH.has(tokens[k - 2].pos)) {
        k -= 1;
        continue;
      }
      break;
    }
    if (NP_PREPOSITIONS.has(t.normal) && (t.pos === 'ADP' || t.pos === 'ADJ')) {
      if (inSentence(k - 1) && (NOUNISH.has(tokens[k - 1].pos) || tokens[k - 1].pos === 'ADJ')) continue;
      break;
    }
    if (t.normal === 'and' && inSentence(k - 1) && tokens[k - 1].pos === 'PROPN' && nextTok.pos === 'PROPN') continue;
    if (t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM' || (t.pos === 'PART' && /['’]s/.test(t.value))) {
      if (t.pos === 'PROPN') sawProper = true;
      start = k;
      continue;
    }
    if (t.pos === 'NOUN') {
      // A common noun before a name belongs to it only as a title ("intelligence chief Budanov").
      if (sawProper && nextTok.pos === 'PROPN' && !TITLE_NOUNS.has(t.normal) && !/^[A-Z]/.test(t.value)) break;
      start = k;
      continue;
    }
    break;
  }
  // Trim leading prepositions/conjunctions left by the walk.
  while (start < j && (NP_PREPOSITIONS.has(tokens[start].normal) || tokens[start].normal === 'and')) start++;
  let span: Span = { start: tokens[start].start, end: parenEnd ?? first.end };
  span = extendToEntities(ctx, span);
  if (!/\S/.test(text.slice(span.start, span.end))) return undefined;
  return { span, headToken: first, via, modifier };
}

function findOpenParen(tokens: WinkToken[], k: number, sentence: Span): number {
  for (let m = k - 1; m >= 0 && tokens[m].start >= sentence.start && k - m < 8; m--) if (tokens[m].value === '(') return m;
  return -1;
}

/** Reads a noun phrase to the right: "the Chief of the Defense Intelligence of Ukraine", "reporters". */
function readRightNp(ctx: Ctx, from: number): { span: Span; next: number } | undefined {
  const { tokens, sentence } = ctx;
  const inSentence = (k: number) => k < tokens.length && tokens[k].end <= sentence.end;
  let k = from;
  let last = -1;
  let hasHead = false;
  while (inSentence(k) && k - from < MAX_SPEAKER_TOKENS) {
    const t = tokens[k];
    if (t.pos === 'PRON' && k === from && SPEAKER_PRONOUNS.has(t.normal)) {
      return { span: { start: t.start, end: t.end }, next: k + 1 };
    }
    const generic = k === from || (k === from + 1 && tokens[from].pos === 'DET');
    if (generic && ANONYMOUS_HEADS.has(t.normal) && t.pos === 'VERB') {
      // wink tags "reports" after "according to" as a verb; it is the (generic) source here.
      hasHead = true;
      last = k;
      k++;
      continue;
    }
    if (NP_POS.has(t.pos) || (t.pos === 'PART' && /['’]s/.test(t.value)) || t.value === "'" || t.value === '’') {
      if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM') {
        hasHead = true;
        last = k;
      } else if (t.pos === 'ADJ' && last >= 0) last = k;
      k++;
      continue;
    }
    if (t.value === '(' && hasHead) {
      let m = k + 1;
      while (inSentence(m) && tokens[m].value !== ')' && m - k < 8) m++;
      if (inSentence(m) && tokens[m].value === ')') {
        last = m;
        k = m + 1;
        continue;
      }
      break;
    }
    if ((NP_PREPOSITIONS.has(t.normal) && t.normal !== 'to') || (t.normal === 'and' && tokens[k + 1]?.pos === 'PROPN')) {
      if (hasHead && inSentence(k + 1) && (NP_POS.has(tokens[k + 1].pos) || tokens[k + 1].normal === 'the')) {
        k++;
        continue;
      }
    }
    break;
  }
  if (!hasHead || last < 0) return undefined;
  const span = extendToEntities(ctx, { start: tokens[from].start, end: tokens[last].end });
  return { span, next: last + 1 };
}

function extendToEntities(ctx: Ctx, span: Span): Span {
  let { start, end } = span;
  for (const e of ctx.entities) {
    if (!overlaps(e, span) || e.start < ctx.sentence.start || e.end > ctx.sentence.end) continue;
    start = Math.min(start, e.start);
    end = Math.max(end, e.end);
  }
  return { start, end };
}

/** Skips ", citing X," after a cue so the content starts after it. */
function skipCiting(ctx: Ctx, k: number): number {
  const { tokens } = ctx;
  if (tokens[k]?.value === ',' && tokens[k + 1]?.normal === 'citing') {
    let m = k + 2;
    while (m < tokens.length && tokens[m].end <= ctx.sentence.end && tokens[m].value !== ',') m++;
    return m < tokens.length && tokens[m].value === ',' ? m + 1 : m;
  }
  return k;
}

function skipThat(ctx: Ctx, k: number): number {
  const { tokens } = ctx;
  // Time adverbials right after the cue ("said on Friday that").
  if (tokens[k]?.normal === 'on' && tokens[k + 1]?.pos === 'PROPN') k += 2;
  if (tokens[k]?.normal === 'that') k++;
  if (tokens[k]?.value === ':' || tokens[k]?.value === ',') k++;
  return k;
}

function skipToComma(ctx: Ctx, k: number): number {
  const { tokens } = ctx;
  let m = k;
  while (m < tokens.length && tokens[m].end <= ctx.sentence.end && tokens[m].value !== ',' && m - k < 12) m++;
  return tokens[m]?.value === ',' ? m + 1 : k;
}

/** Content from token k to the end of the sentence, or a quote starting there. */
function contentAfter(ctx: Ctx, k: number): Span | undefined {
  const { tokens, sentence, quotes, text } = ctx;
  const t = tokens[k];
  if (!t) return undefined;
  const quote = quotes.find((q) => q.start === t.start);
  // Quote-only content when the quote runs to the sentence end; otherwise the whole clause.
  if (quote && !/[\p{L}\p{N}]/u.test(text.slice(quote.end, Math.max(quote.end, sentence.end)))) return innerQuote(text, quote);
  if (t.start >= sentence.end) return undefined;
  return trimContent(text, t.start, sentence.end);
}

/** Content before a post-posed speaker: a quote that ends there, or the sentence up to the comma. */
function contentBefore(ctx: Ctx, end: number): Span | undefined {
  const { text, sentence, quotes } = ctx;
  const gap = /[\s,—–-]*$/.exec(text.slice(Math.max(0, end - 6), end));
  const stop = end - (gap?.[0].length ?? 0);
  const quote = quotes.find((q) => q.end >= stop - 1 && q.end <= end && q.start < stop);
  if (quote) return innerQuote(text, quote);
  if (stop <= sentence.start) return undefined;
  return trimContent(text, sentence.start, stop);
}

function quoteRightAfter(ctx: Ctx, end: number): Span | undefined {
  const rest = ctx.text.slice(end, end + 8);
  const m = /^[\s.:,]*/.exec(rest);
  const at = end + (m?.[0].length ?? 0);
  const quote = ctx.quotes.find((q) => q.start === at);
  return quote ? innerQuote(ctx.text, quote) : undefined;
}

function innerQuote(text: string, quote: Span): Span {
  return trimContent(text, quote.start + 1, quote.end - 1) ?? { start: quote.start + 1, end: quote.end - 1 };
}

function trimContent(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && /[\s,:;]/.test(text[s])) s++;
  while (e > s && /[\s.,:;!?"“”]/.test(text[e - 1])) e--;
  return e > s ? { start: s, end: e } : undefined;
}

/** Direct when the content is (nearly) all one quotation. */
function markDirect(ctx: Ctx, draft: Draft): void {
  const c = draft.content;
  if (!c) return;
  draft.direct = ctx.quotes.some((q) => q.start <= c.start && c.end <= q.end && c.end - c.start >= (q.end - q.start) * 0.8);
}

/** Picks the channel phrase nearest the cue in the same sentence, outside speaker and content. */
function attachChannel(text: string, draft: Draft, quotes: Span[]): void {
  if (draft.via) return;
  const region = { start: Math.max(0, draft.cue.start - 200), end: Math.min(text.length, draft.cue.end + 200) };
  const slice = text.slice(region.start, region.end);
  let best: { span: Span; distance: number } | undefined;
  for (const pattern of CHANNEL_PATTERNS) {
    pattern.lastIndex = 0;
    for (const m of slice.matchAll(pattern)) {
      const groups = m.groups ?? {};
      const part = groups.object ?? groups.whole ?? m[0];
      const offset = region.start + m.index + m[0].lastIndexOf(part);
      const span = { start: offset, end: offset + part.trimEnd().length };
      const whole = { start: region.start + m.index, end: region.start + m.index + m[0].length };
      if (quotes.some((q) => overlaps(q, whole))) continue;
      if (draft.speaker && overlaps(draft.speaker, whole) && !(draft.speaker.end <= whole.start)) continue;
      if (/[.!?]\s/.test(text.slice(Math.min(whole.end, draft.cue.start), Math.max(whole.start, draft.cue.end)))) continue;
      // A channel opening the content ("disclosed in a briefing that …") moves the content after it.
      if (draft.content && whole.start >= draft.cue.end && Math.abs(whole.start - draft.content.start) <= 1 && whole.end < draft.content.end) {
        const rest = /^[\s,]*(?:that\b)?[\s,]*/.exec(text.slice(whole.end))?.[0].length ?? 0;
        draft.content = { start: whole.end + rest, end: draft.content.end };
        draft.via = span;
        return;
      }
      if (draft.content && overlaps(draft.content, whole)) continue;
      const distance = Math.min(Math.abs(whole.start - draft.cue.end), Math.abs(draft.cue.start - whole.end));
      if (!best || distance < best.distance) best = { span, distance };
    }
  }
  if (best) draft.via = best.span;
}

function toMention(text: string, d: Draft): AttributionMention {
  const parts = [d.cue, d.speaker, d.content, d.via].filter((s): s is Span => !!s);
  const start = Math.min(...parts.map((s) => s.start));
  const end = Math.max(...parts.map((s) => s.end));
  const mention: AttributionMention = {
    start,
    end,
    anonymous: d.speaker ? isAnonymous(text, d.speaker, d.modifier) : true,
    cue: d.cue,
    cueLemma: d.cueLemma,
    direct: d.direct,
  };
  if (d.speaker) mention.speaker = d.speaker;
  if (d.via) mention.via = d.via;
  if (d.content) mention.content = d.content;
  return mention;
}

/** Unnamed when marked so ("anonymous", "unnamed") or when the phrase's head is a generic source noun. */
export function isAnonymous(text: string, speaker: Span, modifier?: Span): boolean {
  const phrase = text.slice(speaker.start, speaker.end);
  const extra = modifier ? text.slice(modifier.start, modifier.end) : '';
  if (ANONYMITY_MARKERS.some((re) => re.test(phrase) || re.test(extra))) return true;
  // The head is the last word before a preposition of affiliation ("sources in the ministry").
  const core = phrase.split(/\s+(?:in|at|from|of|for|with|within|inside|close to|familiar with)\s+/i)[0];
  const words = core.split(/\s+/);
  const head = words[words.length - 1].toLowerCase().replace(/[^\p{L}]/gu, '');
  return ANONYMOUS_HEADS.has(head);
}

/** Creates the attributions stage. */
export function createAttributionsStage(options: AttributionsOptions = {}): Stage {
  return {
    name: 'claims/attributions',
    requires: ['layers.sentence'],
    produces: ['layers.attribution'],
    run(article) {
      const mentions = extractAttributions(article, options);
      const unbalanced = countQuoteMarks(article.text) % 2;
      if (unbalanced) {
        addMessage(article, {
          ruleId: 'attributions:unbalanced-quotes',
          source: 'claims/attributions',
          severity: 'info',
          reason: 'the text has an odd number of quotation marks; quote boundaries may be off',
        });
      }
      return { ...article, layers: { ...article.layers, attribution: mentions } };
    },
  };
}

function countQuoteMarks(text: string): number {
  const straight = (text.match(/"/g) ?? []).length;
  const open = (text.match(/“/g) ?? []).length;
  const close = (text.match(/”/g) ?? []).length;
  return straight + Math.abs(open - close);
}

/** The attributions stage with default options. */
export const attributionsStage: Stage = createAttributionsStage();

const attributionsOptionsSchema = z.object({ keepSpeakerless: z.boolean().default(false) });

/** Registry factory for `claims/attributions`. */
export const attributionsFactory: StageFactory<typeof attributionsOptionsSchema> = {
  name: 'claims/attributions',
  options: attributionsOptionsSchema,
  create: (options) => createAttributionsStage(options),
};
