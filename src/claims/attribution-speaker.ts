/**
 * Who speaks: noun-phrase walks left of a cue (subject, appositives, relative clauses, coordination) and right of
 * it (inverted speaker, "according to X"), over wink POS tags; and whether the speaker is anonymous.
 */
import { overlaps, type Span } from '../core/span.js';
import type { WinkToken } from '../nlp/wink.js';
import {
  COORDINATORS,
  RELATIVE_PRONOUNS,
  ANONYMITY_MARKERS,
  ANONYMOUS_HEADS,
  CUE_PRE_MODIFIERS,
  NP_PREPOSITIONS,
  PLURAL_HEADS,
  SPEAKER_PRONOUNS,
  TIME_WORDS,
  TITLE_NOUNS,
} from './lexicon/attribution.js';
import { type Draft, type Ctx, type LeftSpeaker, FORM_TO_LEMMA, tokenAt } from './attribution-draft.js';

/** Longest speaker phrase, in tokens. */
const MAX_SPEAKER_TOKENS = 14;

/** Longest run of appositives between a speaker and its cue, in tokens. */
export const MAX_APPOSITIVE_TOKENS = 32;

/** Most comma-separated appositives walked over ("Clinton, 35, the daughter of …, said"). */
const MAX_APPOSITIVE_CHUNKS = 3;

/** How far back a coordinated cue looks for the first verb's subject, in tokens. */
const MAX_COORDINATION_TOKENS = 40;

/** Verbs tried, nearest first, when looking for a coordinated cue's subject. */
const MAX_COORDINATED_VERBS = 3;

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me']);

const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

const NOUNISH = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);

const NP_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET']);

/** A capitalised word wink tagged otherwise ("Lynch/VERB"), not itself a cue form. */
export function isCapitalisedName(t: WinkToken): boolean {
  return /^[A-Z][a-z]/.test(t.value) && !FORM_TO_LEMMA.has(t.normal) && t.pos !== 'DET' && t.pos !== 'PRON' && t.pos !== 'ADP' && t.pos !== 'ADV';
}

/**
 * The subject of an earlier verb in a coordination: "Wilson praised the plan and said …". The report
 * earlier in the sentence wins; otherwise the nearest verb before the conjunction that has a subject.
 */
export function readCoordinatedSpeaker(ctx: Ctx, cueIndex: number, drafts: Draft[]): LeftSpeaker | undefined {
  const { tokens, sentence, quotes } = ctx;
  let c = cueIndex - 1;
  while (c >= 0 && tokens[c].start >= sentence.start && (tokens[c].pos === 'ADV' || CUE_PRE_MODIFIERS.has(tokens[c].normal))) c--;
  if (c < 1 || tokens[c].start < sentence.start || !COORDINATORS.has(tokens[c].normal)) return undefined;
  const outer = drafts.length ? drafts[drafts.length - 1] : undefined;
  if (outer?.speaker && outer.cue.start >= sentence.start && outer.cue.end <= tokens[c].start) {
    return { span: outer.speaker, headToken: tokens[c], modifier: outer.modifier };
  }
  return readClauseSubject(ctx, c);
}

/** The subject of the nearest finite verb before token `before` in the sentence (quotes skipped). */
export function readClauseSubject(ctx: Ctx, before: number): LeftSpeaker | undefined {
  const { tokens, sentence, quotes } = ctx;
  const c = before;
  let tried = 0;
  for (let k = c - 1; k >= 0 && tokens[k].start >= sentence.start && c - k < MAX_COORDINATION_TOKENS; k--) {
    const t = tokens[k];
    if (t.pos !== 'VERB' || t.normal.endsWith('ing') || tokens[k - 1]?.normal === 'to') continue;
    if (quotes.some((q) => q.start < t.start && t.start < q.end)) continue;
    const left = readLeftSpeaker(ctx, k);
    if (left) return left;
    if (++tried >= MAX_COORDINATED_VERBS) return undefined;
  }
  return undefined;
}

/** The head noun of a speaker phrase: the last noun before its first preposition ("records from the cycle" → records). */
export function headOf(tokens: readonly WinkToken[], left: LeftSpeaker): WinkToken {
  const { start, end } = left.span;
  let head: WinkToken | undefined;
  for (let k = tokenAt(tokens, start); k >= 0 && k < tokens.length && tokens[k].end <= end; k++) {
    const t = tokens[k];
    if (t.pos === 'ADP' && head) break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON' || t.pos === 'NUM') head = t;
  }
  return head ?? left.headToken;
}

/** True for heads that take a base-form verb ("officials say", "they say"), not "he"/"she"/"it". */
export function isPluralOrPronoun(token: WinkToken): boolean {
  if (token.pos === 'PRON') return token.normal !== 'he' && token.normal !== 'she' && token.normal !== 'it';
  if (token.pos === 'NUM') return token.normal !== 'one' && token.normal !== '1';
  return /s$/.test(token.normal) || PLURAL_HEADS.has(token.normal);
}

/** Words that open a time phrase between a subject and its verb ("on Saturday", "last week", "this morning"). */
const TIME_OPENERS = new Set(['on', 'last', 'this', 'earlier', 'late', 'early']);

/** Walks left from a verb cue over adverbs and auxiliaries, then over the subject noun phrase. */
export function readLeftSpeaker(ctx: Ctx, cueIndex: number): LeftSpeaker | undefined {
  const { tokens, sentence, text } = ctx;
  let j = cueIndex - 1;
  const inSentence = (k: number) => k >= 0 && tokens[k].start >= sentence.start;
  while (inSentence(j) && (CUE_PRE_MODIFIERS.has(tokens[j].normal) || tokens[j].pos === 'ADV' || tokens[j].pos === 'AUX')) j--;
  // A time phrase between subject and verb is no subject: "Sanders on Saturday said", "the agency last week warned".
  let time = j;
  while (inSentence(time) && TIME_WORDS.has(tokens[time].normal)) time--;
  if (time < j && inSentence(time - 1) && TIME_OPENERS.has(tokens[time].normal)) {
    j = time - 1;
    while (inSentence(j) && (tokens[j].pos === 'ADV' || tokens[j].pos === 'AUX')) j--;
  }
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
  if (inSentence(j) && tokens[j].value === ',' && !via && !modifier) return readAppositiveSubject(ctx, j);
  // "A news report published Wednesday said": skip the participle and its time word to reach the noun.
  if (inSentence(j - 2) && TIME_WORDS.has(tokens[j].normal) && tokens[j - 1].pos === 'VERB' && /ed$/.test(tokens[j - 1].normal)) j -= 2;
  const first = tokens[j];
  if (!first || !inSentence(j)) return undefined;
  // Relative clause on the speaker: "Barkley, who said …", "voters who say …": the antecedent speaks.
  if (first.normal === 'who' && first.pos === 'PRON') {
    const at = tokens[j - 1]?.value === ',' ? j - 1 : j;
    if (!inSentence(at - 1)) return undefined;
    const antecedent = readLeftSpeaker(ctx, at);
    return antecedent && antecedent.headToken.pos !== 'PRON' ? antecedent : undefined;
  }
  if (first.pos === 'PRON') {
    if (!SPEAKER_PRONOUNS.has(first.normal)) return undefined;
    return { span: { start: first.start, end: first.end }, headToken: first, via, modifier };
  }
  // An adjective heads the phrase only after a determiner: "the self-described socialist said".
  // wink tags some titles as adjectives ("the intelligence chief/ADJ said"): a title word after a noun heads it too.
  const adjHead = first.pos === 'ADJ' && inSentence(j - 1) && (tokens[j - 1].pos === 'DET' || tokens[j - 1].pos === 'ADJ' || (tokens[j - 1].pos === 'NOUN' && TITLE_NOUNS.has(first.normal)));
  if (first.pos !== 'NOUN' && first.pos !== 'PROPN' && first.pos !== 'NUM' && !adjHead) return undefined;
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
    // A possessive opens the phrase as a determiner does: "sources close to her campaign".
    if (t.pos === 'DET' || (t.pos === 'PRON' && POSSESSIVES.has(t.normal))) {
      start = k;
      const before = tokens[k - 1];
      const preposition = inSentence(k - 1) && (NP_PREPOSITIONS.has(before.normal) || before.pos === 'ADP');
      const owner = inSentence(k - 2) ? tokens[k - 2] : undefined;
      // "sources in the ministry", "people briefed on the talks", "sources close to her campaign".
      const joined = !!owner && ((NP_PREPOSITIONS.has(before.normal) && (NOUNISH.has(owner.pos) || NP_PREPOSITIONS.has(owner.normal))) || isPostModifier(tokens, k - 2, sentence));
      if (preposition && joined) {
        k -= 1;
        continue;
      }
      break;
    }
    if (NP_PREPOSITIONS.has(t.normal) && (t.pos === 'ADP' || t.pos === 'ADJ')) {
      if (inSentence(k - 1) && (NOUNISH.has(tokens[k - 1].pos) || tokens[k - 1].pos === 'ADJ' || isPostModifier(tokens, k - 1, sentence))) continue;
      break;
    }
    // A participle after its noun, before a preposition: "exit polls taken in South Carolina", "a man arrested in Paris".
    if (isPostModifier(tokens, k, sentence)) continue;
    if (t.pos === 'ADP' && isPostModifier(tokens, k - 1, sentence)) continue;
    if (t.normal === 'and' && inSentence(k - 1) && tokens[k - 1].pos === 'PROPN' && nextTok.pos === 'PROPN') continue;
    // A participle before the noun it describes: "registered voters", "New Jersey's sitting governor".
    const finite = inSentence(k - 1) && NOUNISH.has(tokens[k - 1].pos);
    const determined = inSentence(k - 1) && (tokens[k - 1].pos === 'DET' || POSSESSIVES.has(tokens[k - 1].normal) || /^['’]s$/.test(tokens[k - 1].value));
    if (t.pos === 'VERB' && (/ed$/.test(t.normal) || (/ing$/.test(t.normal) && determined)) && !FORM_TO_LEMMA.has(t.normal) && nextTok.pos === 'NOUN' && !finite) {
      start = k;
      continue;
    }
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

/**
 * The subject before one or more appositives: "Alan Cole, an economist at …, said", "Clinton, 35, the daughter of …,
 * said", "X, who heads the office, said". A bare name in the appositive ("Its director, Darius Kolwen, said") is the speaker.
 */
function readAppositiveSubject(ctx: Ctx, close: number): LeftSpeaker | undefined {
  const { tokens, sentence } = ctx;
  const inSentence = (k: number) => k >= 0 && tokens[k].start >= sentence.start;
  let end = close;
  let chunks = 0;
  for (let k = close - 1; inSentence(k) && close - k < MAX_APPOSITIVE_TOKENS; k--) {
    if (tokens[k].value !== ',') continue;
    const inner = tokens.slice(k + 1, end);
    if (!isAppositive(inner) || !inSentence(k - 1)) return undefined;
    const named = readLeftSpeaker(ctx, k);
    if (named && (named.headToken.pos === 'PROPN' || named.headToken.pos === 'NOUN')) {
      const isName = chunks === 0 && inner.length >= 2 && inner.every((t) => t.pos === 'PROPN' || t.value === '.');
      if (isName && tokens.slice(tokenAt(tokens, named.span.start), k).some((t) => t.pos === 'NOUN')) {
        return { span: { start: inner[0].start, end: inner[inner.length - 1].end }, headToken: inner[inner.length - 1] };
      }
      return named;
    }
    if (++chunks >= MAX_APPOSITIVE_CHUNKS) return undefined;
    end = k;
  }
  return undefined;
}

/** A past participle between a noun and a preposition, modifying the noun ("polls taken in", "a survey conducted by"). */
function isPostModifier(tokens: readonly WinkToken[], k: number, sentence: Span): boolean {
  const t = tokens[k];
  const before = tokens[k - 1];
  if (!t || !before || before.start < sentence.start || t.pos !== 'VERB' || FORM_TO_LEMMA.has(t.normal)) return false;
  return /(?:ed|en)$/.test(t.normal) && (before.pos === 'NOUN' || before.pos === 'PROPN') && tokens[k + 1]?.pos === 'ADP';
}

/** A noun phrase, an age, a relative clause ("who heads …", "the company that runs …") or a participle ("speaking anonymously"). */
function isAppositive(inner: WinkToken[]): boolean {
  if (inner.length === 0 || inner.some((t) => /[“”"()]/.test(t.value))) return false;
  const verb = inner.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (verb < 0) return true;
  if (verb === 0 && inner[0].normal.endsWith('ing')) return true;
  return inner.slice(0, verb).some((t) => RELATIVE_PRONOUNS.has(t.normal));
}

function findOpenParen(tokens: readonly WinkToken[], k: number, sentence: Span): number {
  for (let m = k - 1; m >= 0 && tokens[m].start >= sentence.start && k - m < 8; m--) if (tokens[m].value === '(') return m;
  return -1;
}

/** Reads a noun phrase to the right: "the Chief of the Defense Intelligence of Ukraine", "reporters". */
export function readRightNp(ctx: Ctx, from: number): { span: Span; next: number } | undefined {
  const { tokens, sentence } = ctx;
  const inSentence = (k: number) => k < tokens.length && tokens[k].end <= sentence.end;
  let k = from;
  let last = -1;
  let hasHead = false;
  while (inSentence(k) && k - from < MAX_SPEAKER_TOKENS) {
    const t = tokens[k];
    if (t.pos === 'PRON' && k === from && (SPEAKER_PRONOUNS.has(t.normal) || OBJECT_PRONOUNS.has(t.normal))) {
      return { span: { start: t.start, end: t.end }, next: k + 1 };
    }
    // A possessive opens the phrase like a determiner: "according to his campaign's filings".
    if (t.pos === 'PRON' && k === from && POSSESSIVES.has(t.normal)) {
      k++;
      continue;
    }
    // Adverbs and participles tagged VERB inside a phrase: "the most recent data", "exit polling data".
    if ((t.pos === 'ADV' || (t.pos === 'VERB' && !FORM_TO_LEMMA.has(t.normal))) && !hasHead && isNpAhead(tokens, k + 1)) {
      k++;
      continue;
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
    // Joint names: "a CNN/ORC poll", "The New York Times/CBS News survey".
    if ((t.value === '/' || t.value === '&') && hasHead && inSentence(k + 1) && (tokens[k + 1].pos === 'PROPN' || /^\p{Lu}/u.test(tokens[k + 1].value))) {
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

/** ", Major Ruth Calloway" closing the clause: a bare name in apposition. */
export function readTrailingName(ctx: Ctx, k: number): { span: Span; next: number } | undefined {
  const { tokens, sentence } = ctx;
  if (tokens[k]?.value !== ',') return undefined;
  let m = k + 1;
  while (m < tokens.length && tokens[m].end <= sentence.end && (tokens[m].pos === 'PROPN' || tokens[m].value === '.')) m++;
  const names = tokens.slice(k + 1, m).filter((t) => t.pos === 'PROPN');
  const closes = m >= tokens.length || tokens[m].end > sentence.end || tokens[m].pos === 'PUNCT';
  if (names.length < 2 || !closes) return undefined;
  const lastName = tokens[m - 1].value === '.' ? m - 2 : m - 1;
  return { span: { start: tokens[k + 1].start, end: tokens[lastName].end }, next: m };
}

function isNpAhead(tokens: readonly WinkToken[], k: number): boolean {
  for (let m = k; m < k + 2 && m < tokens.length; m++) {
    const pos = tokens[m].pos;
    if (pos === 'NOUN' || pos === 'PROPN') return true;
    if (pos !== 'ADJ' && pos !== 'VERB') return false;
  }
  return false;
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
