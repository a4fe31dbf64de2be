/**
 * Number parsing for quantities: digit strings in several separator conventions, written-out
 * numbers and noun lemmas. Pure functions, no I/O.
 */
import { IRREGULAR_LEMMAS, TENS_WORDS, UNIT_WORDS } from './lexicon/quantities.js';

/** Separator characters that group thousands besides ',' and '.': space, no-break space, narrow no-break space. */
export const SPACE_GROUP_CHARS = ' \u00A0\u202F';

/**
 * Parses a digit string written with any common thousands/decimal convention.
 * `decimalContext` is true when a scale word or percent follows, so "1.500 million" reads 1.5 million.
 * @example parseDigits('11,000') === 11000; parseDigits('11.000') === 11000; parseDigits('1,2', true) === 1.2
 */
export function parseDigits(raw: string, decimalContext = false): number | undefined {
  let s = raw;
  const hasSpaceGroups = /\d[ \u00A0\u202F]\d{3}/.test(s);
  if (hasSpaceGroups) s = s.replace(/[ \u00A0\u202F]/g, '');
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  let normalised: string;
  if (commas && dots) {
    // The separator that comes last is the decimal one ("1,234.5" / "1.234,5").
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    normalised = s.split(group).join('').replace(decimal, '.');
  } else if (commas || dots) {
    const sep = commas ? ',' : '.';
    const parts = s.split(sep);
    const grouped = parts.length > 2 || (parts[1].length === 3 && parts[0] !== '0');
    // A single ".ddd" before a scale word or percent is decimal ("1.500 million", "2.625 percent").
    const isThousands = grouped && !(parts.length === 2 && decimalContext && (sep === '.' || parts[1].length !== 3));
    normalised = isThousands ? parts.join('') : parts.join('.');
  } else {
    normalised = s;
  }
  if (!/^\d+(\.\d+)?$/.test(normalised)) return undefined;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : undefined;
}

/** Value of a single number word ("eleven" -> 11, "forty" -> 40), or undefined. */
export function numberWordValue(word: string): number | undefined {
  return NUMBER_WORDS.get(word.toLowerCase());
}

/** Maps, not object look-ups: "constructor" or "toString" must not read as numbers (and Map look-ups are faster here). */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([...Object.entries(UNIT_WORDS), ...Object.entries(TENS_WORDS)]);
const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['hundred', 100],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);

/**
 * Parses a run of written number words ("three thousand", "twenty-five", "one hundred and fifty").
 * Returns the value and how many words it used, or undefined when the run is not a number.
 * Hyphens must already be separate words ("-").
 */
export function parseNumberWords(words: readonly string[]): { value: number; used: number } | undefined {
  let total = 0;
  let current = 0;
  let used = 0;
  let sawNumber = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i].toLowerCase();
    const small = numberWordValue(w);
    if (small !== undefined) {
      current += small;
      sawNumber = true;
      used = i + 1;
    } else if (SCALE_WORDS.has(w) && sawNumber) {
      if (w === 'hundred') current = (current || 1) * 100;
      else {
        total += (current || 1) * SCALE_WORDS.get(w)!;
        current = 0;
      }
      used = i + 1;
    } else if ((w === '-' || w === 'and') && sawNumber && i + 1 < words.length && numberWordValue(words[i + 1]) !== undefined) {
      continue;
    } else break;
  }
  if (!sawNumber) return undefined;
  return { value: total + current, used };
}

/** Lowercased singular lemma of an English noun ("soldiers" -> "soldier", "people" -> "person"). */
export function lemmatiseNoun(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (w in IRREGULAR_LEMMAS) return IRREGULAR_LEMMAS[w];
  if (w.length <= 3) return w;
  if (/ies$/.test(w)) return w.slice(0, -3) + 'y';
  if (/(sses|shes|ches|xes|zzes)$/.test(w)) return w.slice(0, -2);
  if (/(ss|us|is)$/.test(w)) return w;
  if (/s$/.test(w)) return w.slice(0, -1);
  return w;
}

/** True when a word looks like a plural noun ("ships", "people"), used to find the counted head noun. */
export function looksPlural(word: string): boolean {
  const w = word.toLowerCase();
  if (w in IRREGULAR_LEMMAS) return true;
  return w.length > 2 && /s$/.test(w) && !/(ss|us|is|'s|’s)$/.test(w);
}
