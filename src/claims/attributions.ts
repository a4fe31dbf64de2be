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
  COORDINATORS,
  RELATIVE_PRONOUNS,
  STATE_CUES,
  ANONYMITY_MARKERS,
  ANONYMOUS_HEADS,
  BASE_FORM_BLOCKERS,
  BE_FORMS,
  CHANNEL_PATTERNS,
  CLAUSE_FINAL_CUES,
  COLON_NON_SOURCES,
  CUE_PARTICLES,
  CUE_PRE_MODIFIERS,
  CUE_VERBS,
  EVIDENCE_CUES,
  EVIDENCE_HEADS,
  NAMING_CUES,
  NP_PREPOSITIONS,
  PARTICIPLE_BLOCKERS,
  PLURAL_HEADS,
  SOURCE_AFTER_CUES,
  SOURCE_IN_HEADS,
  SPEAKER_PRONOUNS,
  TIME_WORDS,
  TITLE_NOUNS,
  TO_CUE_LEADS,
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
/** Longest run of appositives between a speaker and its cue, in tokens. */
const MAX_APPOSITIVE_TOKENS = 32;
/** Most comma-separated appositives walked over ("Clinton, 35, the daughter of …, said"). */
const MAX_APPOSITIVE_CHUNKS = 3;
/** How far back a coordinated cue looks for the first verb's subject, in tokens. */
const MAX_COORDINATION_TOKENS = 40;
/** Verbs tried, nearest first, when looking for a coordinated cue's subject. */
const MAX_COORDINATED_VERBS = 3;
/** Most tokens between a lead verb and "to" in "took to Twitter to say". */
const MAX_TO_LEAD_GAP_TOKENS = 4;
/** How far apart two cues may be for one to sit in the other's content, in characters. */
const NESTING_WINDOW_CHARS = 1500;
/** Fewest words after a headline colon for it to be a statement ("Clinton: 1,769." is a tally). */
const MIN_COLON_CONTENT_WORDS = 3;
/** Longest speaker before a headline colon ("Lynch: …"), in tokens. */
const MAX_COLON_SPEAKER_TOKENS = 6;

export interface AttributionsOptions {
  /** Keep attributions whose speaker could not be found (cue and content only). */
  keepSpeakerless?: boolean;
}

const FORM_TO_LEMMA: ReadonlyMap<string, string> = new Map(
  Object.entries(CUE_VERBS).flatMap(([lemma, forms]) => [[lemma, lemma] as const, ...forms.map((f) => [f, lemma] as const)]),
);
const FIRST_SECOND_PERSON = new Set(['i', 'you', 'we']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
/** Tokens right before an -ing cue that make it a continuation of the clause before. */
/** Words that end a relative clause describing a source ("who asked not to be named because …"). */
const CLAUSE_BREAKS = new Set([',', 'because', 'since', 'as', '.', ';', '—', '–']);
const PARTICIPLE_OPENERS = new Set([',', '—', '–', 'by', 'while', 'and']);
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
  const tokens = retag(text, tokenize(text));
  const entities = (article.layers as { entity?: EntityMention[] }).entity ?? [];
  const drafts: Draft[] = [];

  let sentenceIndex = 0;
  let quoteIndex = 0;
  let colonSentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    while (sentenceIndex < sentences.length - 1 && sentences[sentenceIndex].end <= token.start) sentenceIndex++;
    const sentence = sentences[sentenceIndex];
    // Quotes are sorted and disjoint, so one forward pointer answers "inside a quote?" in linear time.
    while (quoteIndex < quotes.length && quotes[quoteIndex].end <= token.start) quoteIndex++;
    const quote = quotes[quoteIndex];
    if (quote && quote.start < token.start && token.start < quote.end) continue;
    if (colonSentence !== sentenceIndex) {
      colonSentence = sentenceIndex;
      const draft = readColonHeadline({ text, tokens, sentence, quotes, entities }, i);
      if (draft) drafts.push(draft);
    }
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
  const sorted = dropCuesInSpeakers(dropNestedStates(drafts.sort((a, b) => a.cue.start - b.cue.start)));
  clipAtSameSpeakerCue(text, sorted);
  const mentions: AttributionMention[] = sorted.map((d) => toMention(text, d));
  sorted.forEach((d, index) => {
    if (d.citedByCue === undefined) return;
    const outer = sorted.findIndex((o) => o.cue.start === d.citedByCue);
    if (outer >= 0) mentions[outer].citing = index;
  });
  return mentions;
}

/**
 * Fixes the tags the speaker walk relies on: hyphenated compounds ("Seventy-four", "self-described") become one
 * token, and capitalised words tagged VERB/ADJ/NOUN right before a name ("Ted Cruz") become PROPN.
 */
function retag(text: string, tokens: WinkToken[]): WinkToken[] {
  const out: WinkToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i];
    while (isHyphenJoin(t, tokens[i + 1], tokens[i + 2])) {
      const last = tokens[i + 2];
      const value = text.slice(t.start, last.end);
      t = { ...last, start: t.start, value, normal: value.toLowerCase(), lemma: value.toLowerCase(), pos: last.pos === 'VERB' ? 'ADJ' : last.pos };
      i += 2;
    }
    out.push(t);
  }
  for (let i = 0; i < out.length - 1; i++) {
    const t = out[i];
    const misTagged = t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'NOUN';
    if (misTagged && /^[A-Z][a-z]/.test(t.value) && out[i + 1].pos === 'PROPN' && !FORM_TO_LEMMA.has(t.normal)) out[i] = { ...t, pos: 'PROPN' };
    // "polls show", "the reports show": wink reads the verb as a noun after a plural.
    const lemma = FORM_TO_LEMMA.get(t.normal);
    if (t.pos === 'NOUN' && lemma && EVIDENCE_CUES.has(lemma) && i > 0 && EVIDENCE_HEADS.has(out[i - 1].normal)) out[i] = { ...t, pos: 'VERB' };
  }
  return out;
}

function isHyphenJoin(a: WinkToken, dash: WinkToken | undefined, b: WinkToken | undefined): boolean {
  return !!dash && !!b && dash.value === '-' && dash.start === a.end && b.start === dash.end && /\w$/.test(a.value) && /^\w/.test(b.value);
}

/** A headline or lead-in "Lynch: No outside influence on the probe": a short name, a colon, then what was said. */
function readColonHeadline(ctx: Ctx, i: number): Draft | undefined {
  const { tokens, sentence, text } = ctx;
  let k = i;
  while (k < tokens.length && tokens[k].end <= sentence.end && tokens[k].value !== ':') {
    const t = tokens[k];
    const nounish = t.pos === 'PROPN' || t.pos === 'NOUN' || isCapitalisedName(t) || t.value === '.' || (t.pos === 'PART' && /^['’]s$/.test(t.value));
    if (!nounish || k - i >= MAX_COLON_SPEAKER_TOKENS) return undefined;
    k++;
  }
  if (k === i || tokens[k]?.value !== ':') return undefined;
  const words = tokens.slice(i, k);
  const head = words[words.length - 1];
  if (words.some((w) => COLON_NON_SOURCES.has(w.normal))) return undefined;
  // A one-word all-caps label is a dateline ("WASHINGTON:"), not a speaker.
  if (words.length === 1 && /^[A-Z]{5,}$/.test(head.value)) return undefined;
  if (!words.some((w) => w.pos === 'PROPN' || (w.pos !== 'NOUN' && isCapitalisedName(w))) && !EVIDENCE_HEADS.has(head.normal)) return undefined;
  const content = contentAfter(ctx, k + 1);
  if (!content || (text.slice(content.start, content.end).match(/\p{L}+/gu) ?? []).length < MIN_COLON_CONTENT_WORDS) return undefined;
  const draft: Draft = {
    speaker: { start: words[0].start, end: head.end },
    cue: { start: tokens[k].start, end: tokens[k].end },
    cueLemma: ':',
    content,
    direct: false,
    anonymous: false,
  };
  markDirect(ctx, draft);
  return draft;
}

/**
 * Drops a belief or intention cue inside what another source reports ("she said they want …"): it is part
 * of that content, not a separate source. Drafts are sorted by cue; neighbours are checked within a window.
 */
function dropNestedStates(drafts: Draft[]): Draft[] {
  const inside = (d: Draft, o: Draft) => o !== d && !STATE_CUES.has(o.cueLemma) && !!o.content && o.content.start <= d.cue.start && d.cue.end <= o.content.end;
  return drafts.filter((d, index) => {
    if (!STATE_CUES.has(d.cueLemma)) return true;
    for (let k = index - 1; k >= 0 && d.cue.start - drafts[k].cue.start < NESTING_WINDOW_CHARS; k--) if (inside(d, drafts[k])) return false;
    for (let k = index + 1; k < drafts.length && drafts[k].cue.start - d.cue.start < NESTING_WINDOW_CHARS; k++) if (inside(d, drafts[k])) return false;
    return true;
  });
}

/** A capitalised word wink tagged otherwise ("Lynch/VERB"), not itself a cue form. */
function isCapitalisedName(t: WinkToken): boolean {
  return /^[A-Z][a-z]/.test(t.value) && !FORM_TO_LEMMA.has(t.normal) && t.pos !== 'DET' && t.pos !== 'PRON' && t.pos !== 'ADP' && t.pos !== 'ADV';
}

/** Ends a report's content before a second cue of the same speaker inside it ("praised the plan and said …"). */
function clipAtSameSpeakerCue(text: string, drafts: Draft[]): void {
  for (let k = 0; k < drafts.length - 1; k++) {
    const d = drafts[k];
    const next = drafts[k + 1];
    const c = d.content;
    if (!c || !d.speaker || !next.speaker || next.speaker.start !== d.speaker.start || next.speaker.end !== d.speaker.end) continue;
    if (next.cue.start <= c.start || next.cue.start >= c.end) continue;
    const cut = /(?:[\s,;]|\band\b|\bbut\b)*$/.exec(text.slice(c.start, next.cue.start));
    const end = next.cue.start - (cut?.[0].length ?? 0);
    const clipped = trimContent(text, c.start, end);
    if (clipped) d.content = clipped;
  }
}

/** Drops a cue that lies inside another report's speaker ("employees who asked not to be named"). */
function dropCuesInSpeakers(drafts: Draft[]): Draft[] {
  const inSpeaker = (d: Draft, o: Draft) => o !== d && !!o.speaker && o.speaker.start <= d.cue.start && d.cue.end <= o.speaker.end;
  return drafts.filter((d, index) => {
    for (let k = index - 1; k >= 0 && d.cue.start - drafts[k].cue.start < NESTING_WINDOW_CHARS; k--) if (inSpeaker(d, drafts[k])) return false;
    for (let k = index + 1; k < drafts.length && drafts[k].cue.start - d.cue.start < NESTING_WINDOW_CHARS; k++) if (inSpeaker(d, drafts[k])) return false;
    return true;
  });
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
  if (lemma === 'in' && !SOURCE_IN_HEADS.has(headOf(tokens, { span: np.span, headToken: tokens[np.next - 1] }).normal)) return undefined;
  const draft: Draft = { speaker: np.span, cue, cueLemma: lemma, direct: false, anonymous: false };
  let afterNp = np.next;
  // "according to the battalion's commander, Major Ruth Calloway": the name after the role is the speaker.
  const name = readTrailingName(ctx, afterNp);
  if (name && tokens.slice(i + n, np.next).some((t) => t.pos === 'NOUN')) {
    draft.speaker = name.span;
    afterNp = name.next;
  }
  // "according to two former employees who asked not to be named because …": the relative clause describes the source.
  if (tokens[afterNp]?.normal === 'who' && draft.speaker === np.span) {
    let m = afterNp + 1;
    while (m < tokens.length && tokens[m].end <= sentence.end && !CLAUSE_BREAKS.has(tokens[m].normal) && m - afterNp < MAX_APPOSITIVE_TOKENS) m++;
    draft.speaker = { start: np.span.start, end: tokens[m - 1].end };
    afterNp = m;
  }
  if (/^(?:reports|claims) /.test(phrase)) {
    // "reports from X that …": without the that-clause, "reports from the front" names a place, not a source.
    if (tokens[afterNp]?.normal !== 'that') return undefined;
    draft.content = contentAfter(ctx, afterNp + 1);
    return draft.content ? draft : undefined;
  }
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
  // "In a CNN poll released Monday, …" opens the sentence; "a lead in the polls" is a standing, not a source.
  if (lemma === 'in' && !leading) return undefined;
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
  if (CLAUSE_FINAL_CUES.has(lemma) && !/^[.,;:!?”"’]/.test(tokens[i + 1]?.value ?? '.')) return undefined;
  const prevLower = prev && prev.start >= sentence.start ? prev.normal : '';
  const isBase = lower === lemma;
  const isIng = lower.endsWith('ing');
  const isEd = /ed$|^(?:said|told|wrote)$/.test(lower);
  if (isBase && prevLower === 'to') return readToCue(ctx, i, lemma);
  if (isBase && (BASE_FORM_BLOCKERS.has(prevLower) || /n't$|n’t$/.test(prev?.value ?? ''))) return undefined;
  const cue: Span = { start: token.start, end: token.end };

  // Passive: "was reported by X"; without an agent there is no speaker to name. A reduced relative
  // ("a report published by the Times") is passive too.
  const reduced = isEd && tokens[i + 1]?.normal === 'by' && (prev?.pos === 'NOUN' || prev?.pos === 'PROPN');
  if (reduced || (isEd && (BE_FORMS.has(prevLower) || (prevLower === 'not' && BE_FORMS.has(tokens[i - 2]?.normal ?? ''))))) {
    if (tokens[i + 1]?.normal !== 'by') return undefined;
    const np = readRightNp(ctx, i + 2);
    if (!np) return undefined;
    // The passive subject is the content: "this figure was not confirmed by the NIS".
    const clauseStart = Math.max(sentence.start, text.lastIndexOf(',', cue.start) + 1);
    let be = i - 1;
    while (!reduced && be > 0 && (BE_FORMS.has(tokens[be - 1].normal) || tokens[be - 1].normal === 'not')) be--;
    const content = trimContent(text, clauseStart, reduced ? cue.start : tokens[be].start);
    return { speaker: np.span, cue, cueLemma: lemma, direct: false, anonymous: false, content };
  }
  if (isEd && PARTICIPLE_BLOCKERS.has(prevLower) && prevLower !== 'that') return undefined;
  // A participle between a number and a noun is attributive: "270 pledged delegates".
  if (isEd && prev?.pos === 'NUM' && tokens[i + 1]?.pos === 'NOUN') return undefined;

  // Participial continuation: "…, adding that …" inherits the speaker of the clause before.
  // Participial continuation: "…, adding that …", "— saying …", "by saying …" inherits the speaker of the
  // clause before: the report earlier in the sentence, else the subject of the nearest verb with one.
  if (isIng && !BE_FORMS.has(prevLower)) {
    if (!PARTICIPLE_OPENERS.has(prev?.value.toLowerCase() ?? '') || STATE_CUES.has(lemma) || EVIDENCE_CUES.has(lemma)) return undefined;
    const outer = [...drafts].reverse().find((d) => d.cue.start >= sentence.start && d.cue.end <= cue.start);
    const speaker = outer?.speaker ?? readClauseSubject(ctx, i - 1)?.span;
    if (!speaker) return undefined;
    const draft: Draft = { speaker, cue, cueLemma: lemma, direct: false, anonymous: outer?.anonymous ?? false };
    draft.content = contentAfter(ctx, skipThat(ctx, i + 1));
    markDirect(ctx, draft);
    return draft;
  }

  const left = readLeftSpeaker(ctx, i) ?? (isBase ? undefined : readCoordinatedSpeaker(ctx, i, drafts));
  if (left) {
    const head = headOf(tokens, left);
    if (isBase && !isPluralOrPronoun(head)) return undefined;
    if (EVIDENCE_CUES.has(lemma) && !EVIDENCE_HEADS.has(head.normal)) return undefined;
    // "I want", "you know" outside quotes are speech transcripts or asides, not reported states.
    if (STATE_CUES.has(lemma) && FIRST_SECOND_PERSON.has(left.headToken.normal)) return undefined;
    if (NAMING_CUES.has(lemma) && isReducedRelative(tokens, i, left)) return undefined;
    // "…,” she continued." is post-posed; "the search continued." is no report.
    if (CLAUSE_FINAL_CUES.has(lemma) && !/^[,”"’]+$/.test(tokens[tokenAt(tokens, left.span.start) - 1]?.value ?? '')) return undefined;
    const draft: Draft = { speaker: left.span, cue, cueLemma: lemma, direct: false, anonymous: false, modifier: left.modifier };
    if (left.via) draft.via = left.via;
    let next = i + 1;
    if (CUE_PARTICLES[lemma]?.includes(tokens[next]?.normal ?? '')) {
      draft.cue = { start: cue.start, end: tokens[next].end };
      next++;
    }
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
  // Inverted: "…,” said X." or "…, says X."; the speaker ends the clause ("said X on Friday", "said X, a …").
  if (isIng || isBase || EVIDENCE_CUES.has(lemma) || STATE_CUES.has(lemma)) return undefined;
  const right = readRightNp(ctx, i + 1);
  if (!right || !prev || !/^[,”"'’]+$/.test(prev.value)) return undefined;
  const after = tokens[right.next];
  if (after && after.start < sentence.end && after.pos !== 'PUNCT' && after.pos !== 'ADP' && after.normal !== 'who') return undefined;
  const draft: Draft = { speaker: right.span, cue, cueLemma: lemma, direct: false, anonymous: false };
  draft.content = contentBefore(ctx, cue.start);
  markDirect(ctx, draft);
  return draft;
}

/**
 * The subject of an earlier verb in a coordination: "Wilson praised the plan and said …". The report
 * earlier in the sentence wins; otherwise the nearest verb before the conjunction that has a subject.
 */
function readCoordinatedSpeaker(ctx: Ctx, cueIndex: number, drafts: Draft[]): LeftSpeaker | undefined {
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
function readClauseSubject(ctx: Ctx, before: number): LeftSpeaker | undefined {
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

/** "X went on to say …", "took to Twitter to say …": the lead verb's subject speaks; "plans to say" is no report. */
function readToCue(ctx: Ctx, i: number, lemma: string): Draft | undefined {
  const { tokens, sentence } = ctx;
  if (STATE_CUES.has(lemma) || EVIDENCE_CUES.has(lemma)) return undefined;
  // The lead verb sits right before "to", or before "on" ("went on to"), or before a short object ("took to Twitter to").
  let lead = -1;
  for (let k = i - 2; k >= Math.max(0, i - 2 - MAX_TO_LEAD_GAP_TOKENS) && tokens[k].start >= sentence.start; k--) {
    if (TO_CUE_LEADS.has(tokens[k].normal)) {
      lead = k;
      break;
    }
    if (tokens[k].pos === 'PUNCT' || tokens[k].pos === 'VERB') return undefined;
  }
  if (lead < 0) return undefined;
  const left = readLeftSpeaker(ctx, lead);
  if (!left) return undefined;
  const cue: Span = { start: tokens[i].start, end: tokens[i].end };
  const draft: Draft = { speaker: left.span, cue, cueLemma: lemma, direct: false, anonymous: false, modifier: left.modifier };
  draft.content = contentAfter(ctx, skipThat(ctx, i + 1)) ?? quoteRightAfter(ctx, cue.end);
  markDirect(ctx, draft);
  return draft;
}

/**
 * "a group called the Foundation", "a report published Wednesday": a naming or publishing participle right after
 * a common noun, followed by a name, a quote, a date or a preposition, modifies the noun ("called for" is a cue).
 */
function isReducedRelative(tokens: WinkToken[], i: number, left: LeftSpeaker): boolean {
  if (left.headToken.pos !== 'NOUN' || tokens[i - 1]?.end !== left.span.end || !/ed$/.test(tokens[i].normal)) return false;
  if (tokens[i + 1]?.normal === 'for' || tokens[i + 1]?.normal === 'on') return false;
  let n = i + 1;
  if (tokens[n]?.pos === 'DET') n++;
  const next = tokens[n];
  if (!next) return false;
  return next.pos === 'PROPN' || next.pos === 'NUM' || next.pos === 'ADP' || next.pos === 'ADV' || /^[“"‘']/.test(next.value);
}

/** The head noun of a speaker phrase: the last noun before its first preposition ("records from the cycle" → records). */
function headOf(tokens: WinkToken[], left: LeftSpeaker): WinkToken {
  const { start, end } = left.span;
  let head: WinkToken | undefined;
  for (let k = tokenAt(tokens, start); k >= 0 && k < tokens.length && tokens[k].end <= end; k++) {
    const t = tokens[k];
    if (t.pos === 'ADP' && head) break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON' || t.pos === 'NUM') head = t;
  }
  return head ?? left.headToken;
}

/** Index of the token starting at `offset` (binary search; tokens are sorted). */
function tokenAt(tokens: WinkToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return tokens[lo]?.start === offset ? lo : -1;
}

function isPluralOrPronoun(token: WinkToken): boolean {
  if (token.pos === 'PRON') return token.normal !== 'he' && token.normal !== 'she' && token.normal !== 'it';
  if (token.pos === 'NUM') return token.normal !== 'one' && token.normal !== '1';
  return /s$/.test(token.normal) || PLURAL_HEADS.has(token.normal);
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
  const adjHead = first.pos === 'ADJ' && inSentence(j - 1) && (tokens[j - 1].pos === 'DET' || tokens[j - 1].pos === 'ADJ');
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
    // A participle before the noun it describes: "registered voters".
    if (t.pos === 'VERB' && /ed$/.test(t.normal) && !FORM_TO_LEMMA.has(t.normal) && nextTok.pos === 'NOUN') {
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

/** A noun phrase, an age, a relative clause ("who heads …", "the company that runs …") or a participle ("speaking anonymously"). */
function isAppositive(inner: WinkToken[]): boolean {
  if (inner.length === 0 || inner.some((t) => /[“”"()]/.test(t.value))) return false;
  const verb = inner.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (verb < 0) return true;
  if (verb === 0 && inner[0].normal.endsWith('ing')) return true;
  return inner.slice(0, verb).some((t) => RELATIVE_PRONOUNS.has(t.normal));
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
function readTrailingName(ctx: Ctx, k: number): { span: Span; next: number } | undefined {
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

function isNpAhead(tokens: WinkToken[], k: number): boolean {
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
  version: 1,
  options: attributionsOptionsSchema,
  create: (options) => createAttributionsStage(options),
};
