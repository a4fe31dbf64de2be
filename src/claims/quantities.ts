/**
 * Quantity extraction: numbers with their hedge ("almost", "up to"), range, scale and the thing
 * counted. Numbers, hedges and units are read by rules over a light tokenisation and the lexicon in
 * `lexicon/quantities.ts`; the counted noun by the tagged phrase structure (`quantity-heads.ts`).
 */
import { z } from 'zod';
import type { Article } from '../core/article.js';
import type { Stage } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import type { Span } from '../core/span.js';
import {
  APPROX_NOUNS,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  GLUED_ONLY_MULTIPLIERS,
  IRREGULAR_PAST_FORMS,
  LABEL_WORDS,
  MEASURE_UNITS,
  MONTH_WORDS,
  MULTIPLIERS,
  NOT_PLURAL_NOUNS,
  PHRASE_STOPS,
  POST_HEDGES,
  PRE_HEDGES,
  TIME_SUFFIXES,
  UNIT_PREFIXES,
  VAGUE_AMOUNTS,
} from './lexicon/quantities.js';
import { tokenizeShared } from '../nlp/wink.js';
import { lemmatiseNoun, looksPlural, numberWordValue, parseDigits, parseNumberWords } from './numbers.js';
import { findCountedHead, resolveElidedHeads } from './quantity-heads.js';
import type { Approximation, QuantityMention } from './types.js';

declare module '../core/article.js' {
  interface LayerMap {
    quantity: QuantityMention;
  }
}

/** Lowest and highest four-digit values read as years when nothing counted follows ("in 2022"). */
export const YEAR_MIN = 1800;
export const YEAR_MAX = 2100;
/** Largest value read as an age in an apposition ("Kopp, 44, of Vermont"). */
export const MAX_APPOSITION_AGE_YEARS = 120;
/** How many words after a number are searched for the counted noun. */
export const MAX_HEAD_NOUN_WORDS = 6;

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: 'num' | 'word' | 'punct';
}

// Grouped digits (comma/dot, or space/no-break space), then plain digits with an optional decimal part.
const TOKEN_RE =
  /(\d{1,3}(?:[,.]\d{3}(?!\d))+(?:[.,]\d+)?|\d{1,3}(?:[ \u00A0\u202F]\d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)|([\p{L}][\p{L}\p{M}]*(?:['’][\p{L}]+)*)|(\S)/gu;

// Digit patterns that are never amounts: ISO and slashed dates, clock times, phone numbers.
const MASK_RES: readonly RegExp[] = [
  /\b\d{4}-\d{1,2}-\d{1,2}\b/g,
  /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g,
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/g,
  /\+\d[\d ().-]{7,}\d/g,
  /\(\d{2,4}\)\s?\d{3}[\s.-]?\d{4}\b/g,
  /\b\d{3}[-.]\d{3}[-.]\d{4}\b/g,
];

const CLOSING_QUOTES = new Set(['"', '”', '’', "'", '»']);
const RANGE_DASHES = new Set(['-', '–', '—']);
const FRACTION_WORDS = new Set(['half', 'halves', 'third', 'thirds', 'quarter', 'quarters', 'fifth', 'fifths', 'tenth', 'tenths']);

/** `TOKEN_RE` anchored at a position: what the scan below hands over to it. */
const TOKEN_AT = new RegExp(TOKEN_RE.source, 'uy');

/**
 * The tokens `TOKEN_RE` finds, scanned by hand where that is plain: runs of ASCII letters that end in ASCII other than an
 * apostrophe, single ASCII punctuation and ASCII whitespace; the regex, anchored, reads the rest (digits, other scripts,
 * marks, apostrophes, Unicode spaces). Its Unicode classes made it a tenth of the quantities stage.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let p = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 32 || (c >= 9 && c <= 13)) {
      p++;
      continue;
    }
    if (isAsciiLetter(c)) {
      let e = p + 1;
      while (e < n && isAsciiLetter(text.charCodeAt(e))) e++;
      const d = e < n ? text.charCodeAt(e) : 0;
      if (d < 128 && d !== 39) {
        const word = text.slice(p, e);
        tokens.push({ text: word, lower: word.toLowerCase(), start: p, end: e, kind: 'word' });
        p = e;
        continue;
      }
    } else if (c < 128 && !(c >= 48 && c <= 57)) {
      const mark = text[p];
      tokens.push({ text: mark, lower: mark, start: p, end: p + 1, kind: 'punct' });
      p++;
      continue;
    }
    TOKEN_AT.lastIndex = p;
    const m = TOKEN_AT.exec(text);
    // Only Unicode whitespace fails here (every other character is at least `\S`).
    if (!m) {
      p++;
      continue;
    }
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), start: p, end: p + m[0].length, kind: m[1] ? 'num' : m[2] ? 'word' : 'punct' });
    p += m[0].length;
  }
  return tokens;
}

function isAsciiLetter(c: number): boolean {
  const l = c | 32;
  return l >= 97 && l <= 122;
}

function maskedRanges(text: string): Span[] {
  const out: Span[] = [];
  for (const re of MASK_RES) for (const m of text.matchAll(re)) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

const byLengthDesc = <T extends readonly [string, ...unknown[]]>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => b[0].split(' ').length - a[0].split(' ').length);
const PRE_HEDGE_ROWS = byLengthDesc(PRE_HEDGES).map(([p, a]) => [p.split(' '), a] as const);
const VAGUE_ROWS = byLengthDesc(VAGUE_AMOUNTS).map(([p, v, lo, hi]) => [p.split(' '), v, lo, hi] as const);
const APPROX_NOUN_ROWS = byLengthDesc(APPROX_NOUNS).map(([p, v]) => [p.split(' '), v] as const);

/** Rows grouped by their first word, each group in table order: only those can match at a token, and `readCore` runs at every token. */
function byFirstWord<R extends readonly [readonly string[], ...unknown[]]>(rows: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const row of rows) {
    const group = out.get(row[0][0]);
    if (group) group.push(row);
    else out.set(row[0][0], [row]);
  }
  return out;
}
const VAGUE_BY_FIRST = byFirstWord(VAGUE_ROWS);
const APPROX_NOUN_BY_FIRST = byFirstWord(APPROX_NOUN_ROWS);
const NO_ROWS: never[] = [];

/** Number of tokens from `i` that spell `words`, or 0. Words are compared lowercased. */
function matchWords(tokens: Token[], i: number, words: readonly string[]): number {
  for (let k = 0; k < words.length; k++) if (tokens[i + k]?.lower !== words[k]) return 0;
  return words.length;
}

interface Core {
  first: number; // token index
  last: number; // token index (inclusive)
  value: number;
  scaled: boolean;
  approx?: Approximation;
  low?: number;
  high?: number;
  vague?: boolean;
}

/** True when the token before `i` starts a sentence, so a capital there says nothing about a name. */
function isSentenceInitial(text: string, tokens: Token[], i: number): boolean {
  const before = text.slice(Math.max(0, tokens[i].start - 3), tokens[i].start);
  return i === 0 || /(^|[.!?"“:\n]\s*)$/.test(before) || /\n/.test(before);
}

function glued(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && a.end === b.start;
}

/** Reasons a digit token is not an amount; undefined when it may be one. */
function digitExclusion(text: string, tokens: Token[], i: number, masks: Span[]): string | undefined {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const prev2 = tokens[i - 2];
  const next = tokens[i + 1];
  if (masks.some((m) => t.start < m.end && m.start < t.end)) return 'masked';
  if (prev && glued(prev, t) && prev.kind === 'word' && !(prev.lower in CURRENCY_SYMBOLS)) return 'code';
  if (prev && prev.text === '-' && glued(prev, t) && prev2?.kind === 'word' && glued(prev2, prev)) return 'code';
  if (prev && (prev.text === '#' || prev.text === '№' || prev.text === '/')) return 'label';
  if (next && next.text === '/' && tokens[i + 2]?.kind === 'num') return 'fraction';
  if (next && next.kind === 'word' && glued(t, next)) {
    const suffix = next.lower;
    if (!(suffix in MULTIPLIERS) && !(suffix in MEASURE_UNITS)) return 'ordinal-or-code';
  }
  const value = parseDigits(t.text) ?? NaN;
  const plain = /^\d+$/.test(t.text);
  const afterMonth = prev && (MONTH_WORDS.has(prev.lower) || (prev.text === '.' && prev2 && MONTH_WORDS.has(prev2.lower)));
  if (afterMonth && plain && (value <= 31 || t.text.length === 4)) return 'date';
  if (next && MONTH_WORDS.has(next.lower) && plain && value <= 31 && next.text !== 'may') return 'date';
  if (/^\s*(?:[ap]\.?\s?m\b\.?|gmt\b|utc\b|hrs\b|o['’]clock)/i.test(text.slice(t.end, t.end + 8))) return 'time';
  if (next && TIME_SUFFIXES.has(next.lower)) return 'time';
  if (plain && t.text.length === 4 && value >= YEAR_MIN && value <= YEAR_MAX) {
    const after = tokens[i + 1];
    const countsSomething = after?.kind === 'word' && !glued(t, after) && after.lower === after.text && looksPlural(after.text) && !NOT_PLURAL_NOUNS.has(after.lower);
    if (!countsSomething) return 'year';
  }
  if (prev?.kind === 'word' && LABEL_WORDS.has(prev.lower)) return 'label';
  if (prev?.kind === 'word' && /^\p{Lu}/u.test(prev.text) && plain && !isSentenceInitial(text, tokens, i - 1)) {
    const hedge = PRE_HEDGE_ROWS.some(([w]) => w[w.length - 1] === prev.lower);
    const nextCounts = next?.kind === 'word' && looksPlural(next.text);
    if (!hedge && !PHRASE_STOPS.has(prev.lower) && !nextCounts && !(prev.lower in CURRENCY_WORDS)) return 'name-number';
  }
  // "Kopp, 44, of Vermont": an age in apposition to a name.
  if (prev?.text === ',' && next?.text === ',' && plain && value <= MAX_APPOSITION_AGE_YEARS && prev2 && /^\p{Lu}/u.test(prev2.text)) return 'age-apposition';
  return undefined;
}

/** Reads a number core at token i (digits with scale word, written-out words, vague phrase). */
function readCore(text: string, tokens: Token[], i: number, masks: Span[]): Core | undefined {
  const t = tokens[i];
  for (const [words, value, low, high] of (t && VAGUE_BY_FIRST.get(t.lower)) || NO_ROWS) {
    const n = matchWords(tokens, i, words);
    if (!n) continue;
    const endsWithOf = words[words.length - 1] === 'of';
    return { first: i, last: i + n - 1 - (endsWithOf ? 1 : 0), value, low, high, scaled: true, approx: 'several', vague: true };
  }
  for (const [words, value] of (t && APPROX_NOUN_BY_FIRST.get(t.lower)) || NO_ROWS) {
    const n = matchWords(tokens, i, words);
    if (n) return { first: i, last: i + n - 1, value, scaled: true, approx: 'about' };
  }
  if (t.kind === 'word' && numberWordValue(t.lower) !== undefined) {
    const words: string[] = [];
    for (let k = i; k < Math.min(tokens.length, i + 12); k++) {
      if (tokens[k].kind === 'num') break;
      words.push(tokens[k].lower);
    }
    const parsed = parseNumberWords(words);
    if (!parsed) return undefined;
    const last = i + parsed.used - 1;
    // A lone "one" is mostly a pronoun ("one of the battalions"); fractions ("two-thirds") are left out.
    if (parsed.used === 1 && t.lower === 'one') return undefined;
    if (tokens[last + 1]?.text === '-' && FRACTION_WORDS.has(tokens[last + 2]?.lower ?? '')) return undefined;
    if (FRACTION_WORDS.has(tokens[last + 1]?.lower ?? '')) return undefined;
    return { first: i, last, value: parsed.value, scaled: parsed.used > 1 && parsed.value >= 100 };
  }
  if (t.kind !== 'num') return undefined;
  if (digitExclusion(text, tokens, i, masks)) return undefined;
  let last = i;
  let scale = 1;
  const next = tokens[i + 1];
  const isMoney = !!tokens[i - 1] && tokens[i - 1].lower in CURRENCY_SYMBOLS;
  if (next?.kind === 'word' && next.lower in MULTIPLIERS) {
    const gluedScale = glued(t, next);
    const singleLetter = GLUED_ONLY_MULTIPLIERS.has(next.lower);
    const metre = next.lower === 'm' && !isMoney;
    if ((gluedScale || !singleLetter) && !metre && !(next.lower === 'b' && !isMoney)) {
      scale = MULTIPLIERS[next.lower];
      last = i + 1;
    }
  }
  const percentNext = tokens[last + 1]?.text === '%' || /^\s*(?:percent|per cent|pct)\b/i.test(text.slice(tokens[last].end, tokens[last].end + 10));
  const base = parseDigits(t.text, scale !== 1 || percentNext);
  if (base === undefined) return undefined;
  return { first: i, last, value: base * scale, scaled: scale !== 1 };
}

/** Tries to read "X-Y", "X to Y", "between X and Y", "X or Y" after a core; returns the widened core. */
function readRange(text: string, tokens: Token[], core: Core, masks: Span[]): Core {
  const sep = tokens[core.last + 1];
  if (!sep || core.vague) return core;
  const opener = tokens[core.first - 1]?.lower;
  const isDash = RANGE_DASHES.has(sep.text);
  const ok = isDash || sep.lower === 'to' || (sep.lower === 'and' && opener === 'between') || sep.lower === 'or';
  if (!ok) return core;
  const second = readCore(text, tokens, core.last + 2, masks);
  if (!second || second.vague) return core;
  let low = core.value;
  const high = second.value;
  // "from 10 to 12 thousand": the scale of the second number applies to the first.
  if (!core.scaled && second.scaled) {
    const scale = MULTIPLIERS[tokens[second.last].lower] ?? 1;
    if (scale > 1 && low * scale <= high) low *= scale;
  }
  if (!(low < high)) return core;
  // The bounds carry the spread; `approx` stays for a hedge word ("about 3,000 to 5,000").
  return { ...core, last: second.last, low, high, value: (low + high) / 2, scaled: core.scaled || second.scaled };
}

function preHedge(tokens: Token[], first: number): { approx: Approximation; start: number } | undefined {
  for (const [words, approx] of PRE_HEDGE_ROWS) {
    const at = first - words.length;
    if (at >= 0 && matchWords(tokens, at, words)) return { approx, start: at };
  }
  return undefined;
}

function postHedge(tokens: Token[], last: number): { approx: Approximation; last: number } | undefined {
  for (const [phrase, approx] of POST_HEDGES) {
    const words = phrase.startsWith('-') ? ['-', phrase.slice(1)] : phrase.split(' ');
    if (matchWords(tokens, last + 1, words)) return { approx, last: last + words.length };
  }
  return undefined;
}

/** Finds the counted noun after token `after`: the last plural-looking word of the noun phrase. */
function findHead(tokens: Token[], after: number, allowOfThe: boolean): Token | undefined {
  let k = after + 1;
  while (tokens[k] && CLOSING_QUOTES.has(tokens[k].text)) k++;
  if (tokens[k]?.lower === 'of') {
    k++;
    if (allowOfThe && ['the', 'them', 'those', 'these', 'their', 'its'].includes(tokens[k]?.lower ?? '')) k++;
    else if (allowOfThe) return undefined;
  }
  const run: Token[] = [];
  for (; k < tokens.length && run.length < MAX_HEAD_NOUN_WORDS; k++) {
    const t = tokens[k];
    if (t.text === '-' && run.length === 0 && glued(tokens[k - 1], t)) continue;
    if (t.text === '-' && glued(tokens[k - 1], t) && glued(t, tokens[k + 1])) continue;
    if (t.kind !== 'word' || PHRASE_STOPS.has(t.lower) || MONTH_WORDS.has(t.lower)) break;
    run.push(t);
  }
  if (!run.length) return undefined;
  const plural = [...run].reverse().find((t) => looksPlural(t.text) && !NOT_PLURAL_NOUNS.has(t.lower));
  if (plural) {
    // Stop at the first plural that a non-noun follows ("soldiers deployed ...").
    const idx = run.indexOf(plural);
    const firstPlural = run.findIndex((t) => looksPlural(t.text) && !NOT_PLURAL_NOUNS.has(t.lower));
    if (firstPlural >= 0 && firstPlural < idx) {
      const between = run.slice(firstPlural + 1, idx);
      if (between.some((t) => /(ed|ly|ing)$/.test(t.lower))) return run[firstPlural];
    }
    return plural;
  }
  // A name among several words starts a new phrase, not a singular head ("the 5.2 million United paid").
  if (run.length > 1 && run.some((t) => /^\p{Lu}/u.test(t.text))) return undefined;
  const lastWord = run[Math.min(run.length, 3) - 1];
  if (run.length === 1 || lastWord.text === lastWord.lower) {
    const pick = run.length === 1 ? run[0] : lastWord;
    if (!/(ly|ed)$/.test(pick.lower) && pick.lower.length > 2 && !IRREGULAR_PAST_FORMS.has(pick.lower)) return pick;
  }
  return undefined;
}

/**
 * Finds every quantity in a text: value, range, hedge and the thing counted.
 * @example findQuantities('almost 11,000 North Korean soldiers')[0] // {value: 11000, approx: 'nearly', unit: 'soldier'}
 */
export function findQuantities(text: string): QuantityMention[] {
  const tokens = tokenize(text);
  // Read-only: the tagged tokens are shared with the other claims stages through the cache.
  const words = tokenizeShared(text);
  const masks = maskedRanges(text);
  const out: QuantityMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    let core = readCore(text, tokens, i, masks);
    if (!core) {
      i++;
      continue;
    }
    core = readRange(text, tokens, core, masks);
    let approx: Approximation = core.approx ?? 'exact';
    let startTok = core.first;
    let endTok = core.last;
    let unit: string | undefined;
    let unitSpan: Span | undefined;
    const currencyTok = tokens[startTok - 1];
    if (currencyTok && currencyTok.lower in CURRENCY_SYMBOLS && glued(currencyTok, tokens[startTok])) {
      unit = CURRENCY_SYMBOLS[currencyTok.lower];
      startTok--;
      if (tokens[startTok - 1]?.lower === 'us' && glued(tokens[startTok - 1], currencyTok)) startTok--;
    }
    if (core.low !== undefined && ['between', 'from'].includes(tokens[startTok - 1]?.lower ?? '') && !core.vague) startTok--;
    const hedge = preHedge(tokens, startTok);
    if (hedge && (approx === 'exact' || core.vague || core.approx === 'about')) {
      approx = core.vague ? 'several' : hedge.approx;
      startTok = hedge.start;
    }
    const post = postHedge(tokens, endTok);
    if (post && !core.vague) {
      approx = post.approx;
      endTok = post.last;
    }
    const after = tokens[endTok + 1];
    if (!unit && after && (after.text === '%' || /^(percent|pct)$/.test(after.lower))) {
      unit = 'percent';
      unitSpan = { start: after.start, end: after.end };
      endTok++;
    } else if (!unit && after?.lower === 'per' && tokens[endTok + 2]?.lower === 'cent') {
      unit = 'percent';
      unitSpan = { start: after.start, end: tokens[endTok + 2].end };
      endTok += 2;
    } else if (!unit && after?.kind === 'word' && after.lower in CURRENCY_WORDS && !glued(tokens[endTok], after)) {
      unit = CURRENCY_WORDS[after.lower];
      unitSpan = { start: after.start, end: after.end };
    } else if (!unit && after?.lower in UNIT_PREFIXES && tokens[endTok + 2]?.lower in MEASURE_UNITS) {
      const base = tokens[endTok + 2];
      unit = `${UNIT_PREFIXES[after.lower]} ${MEASURE_UNITS[base.lower]}`;
      unitSpan = { start: after.start, end: base.end };
    } else if (!unit && after?.kind === 'word' && after.lower in MEASURE_UNITS && (glued(tokens[endTok], after) || after.lower !== 'm')) {
      unit = MEASURE_UNITS[after.lower];
      unitSpan = { start: after.start, end: after.end };
    } else if (!unit && after?.text === '-' && tokens[endTok + 2]?.lower in MEASURE_UNITS && glued(after, tokens[endTok + 2])) {
      // "44-year-old", "10-day"
      unit = MEASURE_UNITS[tokens[endTok + 2].lower];
      unitSpan = { start: tokens[endTok + 2].start, end: tokens[endTok + 2].end };
    } else if (!unit) {
      // The tagged structure first; the word-shape reading only where the tags find no noun phrase at all.
      const tagged = findCountedHead(words, tokens[endTok].end, core.vague || core.scaled ? 'any' : 'determiner');
      const head = tagged === undefined ? findHead(tokens, endTok, !core.vague && !core.scaled) : undefined;
      if (tagged && tagged !== 'elided') {
        unit = tagged.lemma;
        unitSpan = { start: tagged.start, end: tagged.end };
      } else if (head) {
        unit = head.lower in MEASURE_UNITS ? MEASURE_UNITS[head.lower] : lemmatiseNoun(head.text);
        unitSpan = { start: head.start, end: head.end };
      }
    }
    const mention: QuantityMention = {
      start: tokens[startTok].start,
      end: tokens[endTok].end,
      value: core.value,
      approx,
      ...(core.low !== undefined ? { low: core.low, high: core.high } : {}),
      ...(unit ? { unit } : {}),
      ...(unitSpan ? { unitSpan } : {}),
    };
    // Hedge bounds also give a one-sided range: "up to 12,000" -> high 12,000.
    if (mention.low === undefined) {
      if (approx === 'up-to' || approx === 'at-most') mention.high = core.value;
      if (approx === 'at-least') mention.low = core.value;
    }
    out.push(mention);
    i = endTok + 1;
  }
  resolveElidedHeads(text, words, out, MEASURE_OR_MONEY);
  return out;
}

/** Units that measure rather than count; an elided count never takes one of these. */
const MEASURE_OR_MONEY: ReadonlySet<string> = new Set([...Object.values(MEASURE_UNITS), ...Object.values(CURRENCY_SYMBOLS), ...Object.values(CURRENCY_WORDS), 'percent']);

/** Options of the quantities stage (none yet; kept for config validation). */
export type QuantitiesOptions = Record<string, never>;

/** Stage `claims/quantities`: fills `layers.quantity` from the article text. */
export const quantitiesStage: Stage = {
  name: 'claims/quantities',
  requires: ['layers.sentence'],
  produces: ['layers.quantity'],
  run(article: Article): Article {
    article.layers.quantity = findQuantities(article.text);
    return article;
  },
};

/** Registry factory for `claims/quantities`. */
export const quantitiesFactory: StageFactory = {
  name: 'claims/quantities',
  version: 3,
  options: z.object({}),
  create: () => quantitiesStage,
};
