/**
 * Unicode-aware word tokenisation for reuse detection: words for spaced scripts, single characters for
 * scripts written without spaces (Han, kana, Thai…), whose shingles then act as character n-grams.
 */
import { STOPWORDS, TRANSLITERATION } from './lexicon.js';

/** One token with its offsets into the text and a normalised form used for matching. */
export interface Token {
  start: number;
  end: number;
  /** Lowercased, NFKC-folded, diacritics stripped; numbers without group separators. */
  norm: string;
  kind: 'word' | 'number' | 'char';
  /** Written with an initial capital (a name candidate). */
  capital: boolean;
}

const NO_SPACE_SCRIPTS = 'Han|Hiragana|Katakana|Thai|Lao|Khmer|Myanmar|Tibetan';
const noSpaceClass = NO_SPACE_SCRIPTS.split('|').map((s) => `\\p{Script=${s}}`).join('');
// v flag for set subtraction; built at run time so the ES2022 target accepts it.
const TOKEN_PATTERN = new RegExp(
  `([${noSpaceClass}])|(\\p{N}+(?:[.,]\\p{N}+)*)|([[\\p{L}\\p{M}\\p{N}]--[${noSpaceClass}]]+(?:['’\\-][[\\p{L}\\p{M}]--[${noSpaceClass}]]+)*)`,
  'gv',
);
// Same token classes without the unspaced-script branch: faster, used when the text has no such characters.
const SPACED_TOKEN_PATTERN = /()(\p{N}+(?:[.,]\p{N}+)*)|([\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}]+)*)/gu;
const HAS_NO_SPACE_SCRIPT = new RegExp(`[${noSpaceClass}]`, 'u');
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const MARKS = /\p{M}+/gu;
const UPPER_START = /^\p{Lu}/u;

/** Splits text into tokens with UTF-16 offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = HAS_NO_SPACE_SCRIPT.test(text) ? TOKEN_PATTERN : SPACED_TOKEN_PATTERN;
  for (const m of text.matchAll(pattern)) {
    const start = m.index ?? 0;
    const raw = m[0];
    if (m[1]) tokens.push({ start, end: start + raw.length, norm: raw, kind: 'char', capital: false });
    else if (m[2]) tokens.push({ start, end: start + raw.length, norm: normaliseNumber(raw), kind: 'number', capital: false });
    else tokens.push({ start, end: start + raw.length, norm: normaliseWord(raw), kind: 'word', capital: UPPER_START.test(raw) });
  }
  return tokens;
}

/** Lowercases, folds compatibility forms and strips diacritics and apostrophes. */
export function normaliseWord(raw: string): string {
  return remembered(normalised, raw, normaliseUncached);
}

function normaliseUncached(raw: string): string {
  if (ASCII_ONLY.test(raw)) return raw.toLowerCase().replace(/'s$/, '').replace(/'/g, '');
  return raw.normalize('NFKD').replace(MARKS, '').normalize('NFKC').toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, '');
}

/** The key a content word is compared by across texts and scripts: transliterated, then stemmed. */
export function termKey(norm: string): string {
  return remembered(termKeys, norm, (w) => stem(transliterate(w)));
}

/**
 * Words seen per process: news repeats its vocabulary, so each word's forms are worked out once. Cleared when full
 * rather than evicted one by one (a bound on memory, not a recency order).
 */
const MAX_REMEMBERED_WORDS = 100_000;
const normalised = new Map<string, string>();
const termKeys = new Map<string, string>();

function remembered(cache: Map<string, string>, word: string, make: (word: string) => string): string {
  let value = cache.get(word);
  if (value === undefined) {
    if (cache.size >= MAX_REMEMBERED_WORDS) cache.clear();
    cache.set(word, (value = make(word)));
  }
  return value;
}

/** "11,000" and "11.000" -> "11000"; "2.5" stays "2.5" (a separator before exactly three digits is a group mark). */
export function normaliseNumber(raw: string): string {
  return raw.replace(/[.,](?=\d{3}(?!\d))/g, '').replace(',', '.');
}

/** True for words that carry no content (function words, one-letter Latin words). */
export function isStopword(norm: string): boolean {
  return STOPWORDS.has(norm) || (norm.length < 2 && /[a-z]/.test(norm));
}

/** Light suffix stripping so inflected forms meet ("soldiers" / "soldier", "trained" / "training"). */
export function stem(norm: string): string {
  if (norm.length <= 4 || !/^[a-z-]+$/.test(norm)) return norm;
  return norm
    .replace(/(?:ies)$/, 'y')
    .replace(/(?:ing|ed|es|ly|s)$/, '')
    .replace(/(?:ation|ment|ness)$/, '');
}

/** Maps Cyrillic and Greek letters to Latin so that names compare across scripts. */
export function transliterate(norm: string): string {
  let out = '';
  for (const ch of norm) out += TRANSLITERATION[ch] ?? ch;
  return out;
}

/** Dominant script of a text among its letters ('latin', 'cyrillic', 'han'…, or 'none'). */
export function dominantScript(text: string): string {
  const counts = new Map<string, number>();
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  for (const ch of sample) {
    const code = ch.charCodeAt(0);
    // ASCII fast path: letters are Latin, the rest is not a letter.
    const script = code < 0x80 ? ((code | 32) >= 97 && (code | 32) <= 122 ? 'latin' : undefined) : scriptOf(ch);
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best = 'none';
  let bestCount = 0;
  for (const [script, count] of counts) if (count > bestCount) [best, bestCount] = [script, count];
  return best;
}

const SCRIPT_TESTS: [string, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['han', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['thai', /\p{Script=Thai}/u],
];

function scriptOf(ch: string): string | undefined {
  if (!/\p{L}/u.test(ch)) return undefined;
  for (const [name, test] of SCRIPT_TESTS) if (test.test(ch)) return name;
  return 'other';
}
