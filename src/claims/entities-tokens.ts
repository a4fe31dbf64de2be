/**
 * Tokens and sentence shapes for entity tagging: wink tokens with hyphenated pieces merged, their
 * keys, and whether a sentence reads as a headline, an all-capitals line or running prose.
 */
import type { Span } from '../core/span.js';
import { tokenizeShared, type WinkToken } from '../nlp/wink.js';

/** A headline-style sentence has at least this share of capitalised words… */
export const TITLE_CASE_MIN_SHARE = 0.6;

/** …and at least this many words. */
export const TITLE_CASE_MIN_WORDS = 4;

/** …and fewer than this many lowercase verbs or nouns of more than three letters… */
export const TITLE_CASE_MAX_LOWER_CONTENT_WORDS = 1;

/** …and fewer than this many figures (a results or standings line is no headline). */
export const TITLE_CASE_MAX_FIGURES = 2;

/** An all-capitals sentence (a shouted headline or dateline) has at least this share of capitalised-only words. */
export const ALL_CAPS_MIN_SHARE = 0.6;

export const CAPITALISED = /^\p{Lu}/u;

/** A token after merging hyphenated pieces ("Ulan-Ude", "Cheongung-II"). */
export interface Tok extends WinkToken {
  /** True for the first word token of its sentence or right after an opening quote. */
  initial: boolean;
}

/** The article's tokens, sentence by sentence, hyphenated pieces merged; one wink pass over the whole text. */
export function sentenceTokens(text: string, sentences: Span[]): Tok[][] {
  const tokens = tokenizeShared(text);
  const out: Tok[][] = [];
  let t = 0;
  for (const sentence of sentences) {
    while (t < tokens.length && tokens[t].start < sentence.start) t++;
    const from = t;
    while (t < tokens.length && tokens[t].end <= sentence.end) t++;
    out.push(mergeHyphens(text, tokens.slice(from, t)));
  }
  return out;
}

/** Joins "Ulan" "-" "Ude" into one token and marks sentence (or quotation) openers. */
export function mergeHyphens(text: string, tokens: WinkToken[]): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const prev = out[out.length - 1];
    const next = tokens[i + 1];
    if (tok.value === '-' && prev && next && prev.end === tok.start && tok.end === next.start && /\w$/.test(prev.value) && /^\w/.test(next.value)) {
      prev.end = next.end;
      prev.value = text.slice(prev.start, prev.end);
      prev.normal = prev.value.toLowerCase();
      i++;
      continue;
    }
    // A literal of the token's fields, in their order, is much cheaper than an object spread per token.
    out.push({ start: tok.start, end: tok.end, value: tok.value, pos: tok.pos, lemma: tok.lemma, normal: tok.normal, type: tok.type, initial: false });
  }
  let expectInitial = true;
  for (const tok of out) {
    if (startsWithLetterOrDigit(tok.value)) {
      tok.initial = expectInitial;
      expectInitial = false;
    } else if (tok.value.length === 1 && INITIAL_OPENERS.has(tok.value)) expectInitial = true;
  }
  return out;
}

/** One-character tokens after which a word opens a sentence or quotation. */
const INITIAL_OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', ':', '—', '–', '-']);

/** Whether the first code point is a letter or a digit: ASCII read by its code, the rest by the Unicode regex (this runs for every token). */
function startsWithLetterOrDigit(value: string): boolean {
  const c = value.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT_FIRST.test(value);
}
const LETTER_OR_DIGIT_FIRST = /^[\p{L}\d]/u;

export function lower(tok: Tok): string {
  return tok.value.toLowerCase().replace(/\.$/, '');
}

/** A sentence of running text: enough longer words, most of them lowercase. */
export function isProse(toks: Tok[]): boolean {
  const words = toks.filter((t) => /^\p{L}/u.test(t.value) && t.value.length > 3);
  return words.length >= TITLE_CASE_MIN_WORDS && words.filter((t) => CAPITALISED.test(t.value)).length / words.length < TITLE_CASE_MIN_SHARE;
}

/** Whether a sentence reads as a title-case headline (remembered per token array: the rules and the tagger both ask). */
export function isTitleCase(toks: Tok[]): boolean {
  let hit = titleCaseMemo.get(toks);
  if (hit === undefined) titleCaseMemo.set(toks, (hit = computeTitleCase(toks)));
  return hit;
}

/** Whether most words of a sentence are in capitals (remembered per token array). */
export function isAllCaps(toks: Tok[]): boolean {
  let hit = allCapsMemo.get(toks);
  if (hit === undefined) allCapsMemo.set(toks, (hit = computeAllCaps(toks)));
  return hit;
}

const titleCaseMemo = new WeakMap<Tok[], boolean>();
const allCapsMemo = new WeakMap<Tok[], boolean>();

function computeTitleCase(toks: Tok[]): boolean {
  // Short function words ("of", "to", "in") are capitalised in some headline styles and not in others.
  const words = toks.filter((t) => /^\p{L}/u.test(t.value) && t.value.length > 3);
  if (words.length < TITLE_CASE_MIN_WORDS) return false;
  const caps = words.filter((t) => CAPITALISED.test(t.value)).length;
  if (caps / words.length < TITLE_CASE_MIN_SHARE) return false;
  // A headline capitalises its content words; a lowercase verb or noun ("beat", "champions") means a name-heavy sentence, and so do several figures (a results line).
  const lowerContent = words.filter((t) => /^\p{Ll}/u.test(t.value) && (t.pos === 'VERB' || t.pos === 'NOUN')).length;
  const figures = toks.filter((t) => /^\d/.test(t.value)).length;
  return lowerContent < TITLE_CASE_MAX_LOWER_CONTENT_WORDS && figures < TITLE_CASE_MAX_FIGURES;
}

export function keyOf(toks: Tok[]): string {
  return toks
    .map((t) => t.value)
    .join(' ')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function isUpperCase(surface: string): boolean {
  return surface === surface.toUpperCase();
}

function computeAllCaps(toks: Tok[]): boolean {
  const words = toks.filter((t) => /\p{L}{2,}/u.test(t.value));
  if (words.length < 2) return false;
  return words.filter((t) => t.value === t.value.toUpperCase()).length / words.length >= ALL_CAPS_MIN_SHARE;
}

export interface Chunk {
  toks: Tok[];
  /** Index of the first token of the chunk in the sentence's token array. */
  at: number;
  titleStart?: number;
  titleEnd?: number;
  /** Chunk that owns this one through a possessive ("Ukraine" in "Ukraine's Defense Intelligence"). */
  possessor?: string;
}
