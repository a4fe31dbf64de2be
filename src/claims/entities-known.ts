/**
 * Name lookups shared by the entity rules and the trained tagger: hand lists, the GeoNames gazetteer
 * and the name statistics derived from CoNLL-2003 train (switchable for ablation).
 */
import type { Chunk } from './entities-tokens.js';
import { CONLL_CAPITALISED_NON_NAMES, CONLL_FIRST_NAMES, CONLL_NAMES } from './lexicon/entities-conll.js';
import { CITIES, COUNTRIES_AND_REGIONS, GAZETTEER_COMMON_WORDS, MONTHS, NON_NAME_WORDS, OUTLETS, WEEKDAYS } from './lexicon/entities.js';
import { lookupPlace } from './lexicon/places.js';
import type { EntityType } from './types.js';

/** All-capital words up to this length read as acronyms, never as gazetteer places. */
export const MAX_ACRONYM_CHARS = 4;

export const ACRONYM = /^[A-Z][A-Z&]{1,6}$/;

/** The CoNLL names without a prototype, so that "constructor" or "toString" is no name (a plain object answers them with a function). */
const NAMES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, CONLL_NAMES);
const NO_NAMES: Readonly<Record<string, string>> = Object.create(null) as Record<string, string>;

// Read by the lookups below; switched off only for the duration of one synchronous tagging call.
export let conllNames: Readonly<Record<string, string>> = NAMES;
export let conllFirstNames: ReadonlySet<string> = CONLL_FIRST_NAMES;
export let conllNonNames: ReadonlySet<string> = CONLL_CAPITALISED_NON_NAMES;

/** Turns the CoNLL-train name statistics on (the default) or off (ablation, and the trained tagger's rule features). */
export function useConllLexicon(on: boolean): void {
  conllNames = on ? NAMES : NO_NAMES;
  conllFirstNames = on ? CONLL_FIRST_NAMES : new Set();
  conllNonNames = on ? CONLL_CAPITALISED_NON_NAMES : new Set();
}

export function isTimeWord(word: string): boolean {
  return MONTHS.has(word) || WEEKDAYS.has(word);
}

export function isKnownName(key: string): boolean {
  return isHandPlace(key) || OUTLETS.has(key) || key in conllNames;
}

// Keys arrive with a trailing period stripped ("u.s"), the lists keep it ("u.s.").
export function isHandPlace(key: string): boolean {
  return COUNTRIES_AND_REGIONS.has(key) || CITIES.has(key) || COUNTRIES_AND_REGIONS.has(`${key}.`);
}

// Short gazetteer keys ("us", "uk") must be written in capitals to count ("To Us" is no place).
export function isKnownPlace(key: string, surface = key.toUpperCase()): boolean {
  if (key.replace(/\./g, '').length <= 3 && surface !== surface.toUpperCase()) return false;
  return isHandPlace(key) || COUNTRIES_AND_REGIONS.has(key.replace(/^the /, ''));
}

/**
 * A GeoNames place big enough to count, written as a name: not a common English word, and not a
 * sentence opener or headline word unless the tagger reads it as a proper noun.
 */
export function isGazetteerPlace(chunk: Chunk, key: string, titleCase: boolean): boolean {
  if (key.length < 3 || GAZETTEER_COMMON_WORDS.has(key)) return false;
  const place = lookupPlace(key);
  if (!place) return false;
  const first = chunk.toks[0];
  if ((first.initial || titleCase) && chunk.toks.length === 1 && first.pos !== 'PROPN') return false;
  // Short capitals in running text are acronyms ("NIS", "DIU"), not the towns Niš or Diu; longer ones are datelines ("TAMPERE").
  return !(chunk.toks.length === 1 && ACRONYM.test(first.value) && first.value.length <= MAX_ACRONYM_CHARS);
}

// In capitals a dateline city ("TAMPERE") reads like any word: only names that are no common word count.
export function isAllCapsGazetteerPlace(key: string): boolean {
  return key.length >= 3 && !GAZETTEER_COMMON_WORDS.has(key) && !NON_NAME_WORDS.has(key) && lookupPlace(key) !== undefined;
}

export const CONLL_TO_TYPE: Record<string, EntityType | undefined> = { PER: 'person', ORG: 'organisation', LOC: 'place' };
