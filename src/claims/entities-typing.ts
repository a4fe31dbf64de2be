/**
 * Types one name chunk from its words and its context: outlets, equipment, units, titled persons,
 * places, organisations, teams beside scores, given names (numbered in order of precedence).
 */
import { INITIAL, MAX_LOOKUP_TOKENS, MAX_PERSON_NAME_TOKENS, MODEL_CODE, ORDINAL, lowercaseTitleBefore } from './entities-chunks.js';
import { ACRONYM, MAX_ACRONYM_CHARS, conllFirstNames, conllNames, isGazetteerPlace, isKnownPlace, isTimeWord } from './entities-known.js';
import { CAPITALISED, type Chunk, type Tok, keyOf, lower } from './entities-tokens.js';
import { COUNTRIES_AND_REGIONS, DEMONYMS, EQUIPMENT_CUE_NOUNS, EQUIPMENT_NAMES, FIRST_LEVEL_DIVISIONS, FIRST_NAMES, GAZETTEER_COMMON_WORDS, MATCH_VERBS, MONTHS, NAME_CONNECTORS, NEWSPAPER_TITLE_WORDS, NEWSPAPER_TITLE_WORDS_ALONE_ONLY, NON_EQUIPMENT_CODES, ORG_HEADS, OUTLETS, OUTLET_CUE_NOUNS, OUTLET_REPORT_VERBS, PLACE_CUE_NOUNS, PLACE_HEADS, UNIT_HEADS, UNIT_HEADS_STANDALONE } from './lexicon/entities.js';
import { lookupPlace } from './lexicon/places.js';
import type { EntityType } from './types.js';

/** Lowercase words looked at after a name for an equipment noun ("… medium-range missile system"). */
export const EQUIPMENT_CUE_WINDOW_TOKENS = 5;

/** A gazetteer place ending a two-to-four-word name makes it a club or institution only from this size ("Werder Bremen"); smaller ones are as often surnames ("Greg Norman"). */
export const CLUB_SUFFIX_PLACE_MIN_POPULATION = 150_000;

/** A gazetteer place opening a name makes it an institution only from this size ("Manchester United"); small towns share first names ("Martin", "Lindsay"). */
export const CLUB_PREFIX_PLACE_MIN_POPULATION = 150_000;

export const ROMAN_SUFFIX = /-(?:I{1,3}|IV|V|VI{1,3}|M\d?)$/;

/** "U.N.", "E.U.": dotted capitals (known places such as "U.S." are caught before). */
export const DOTTED_ACRONYM = /^(?:\p{Lu}\.){2,5}$/u;

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const LONE_NON_NAMES = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower', 'greater']);

export const DIVISIONS: ReadonlySet<string> = new Set(FIRST_LEVEL_DIVISIONS);

export const PLACE_PREPOSITIONS = new Set(['in', 'near', 'to', 'from', 'outside', 'into', 'across', 'toward', 'towards', 'around']);

export const SAY_VERBS = new Set(['said', 'says', 'told', 'added', 'wrote', 'stated', 'noted', 'claimed', 'announced', 'warned', 'disclosed']);

export interface Typed {
  type: EntityType;
  includeThe?: boolean;
  /** Typed by context only; the article may override it. */
  weak?: boolean;
  /** Kept only if the article resolves it (a surname seen in full elsewhere). */
  tentative?: boolean;
  /** Read as a sports team from its context (a score, a match verb). */
  team?: boolean;
}

export function typeChunk(toks: Tok[], chunk: Chunk, titleCase: boolean): Typed | undefined {
  const words = chunk.toks.map(lower);
  const key = keyOf(chunk.toks);
  const bare = key.replace(/\.$/, '');
  const last = words[words.length - 1];
  const before = toks[chunk.at - 1];
  const after = toks.slice(chunk.at + chunk.toks.length, chunk.at + chunk.toks.length + EQUIPMENT_CUE_WINDOW_TOKENS);
  const next = after[0]?.value.toLowerCase();
  const next2 = after[1] ? `${next} ${after[1].value.toLowerCase()}` : '';
  if (words.every((w) => isTimeWord(w) || /^\d/.test(w))) return undefined;
  if (words.length === 1 && LONE_NON_NAMES.has(words[0])) return undefined;

  // 1. Outlets by lexicon, "The" included when it belongs to the name ("The War Zone").
  if (before && before.value.toLowerCase() === 'the' && OUTLETS.has(`the ${bare}`)) return { type: 'outlet', includeThe: true };
  if (OUTLETS.has(bare)) return { type: 'outlet' };
  // Newspaper titles: "the Courier" alone, or a name ending in a title word ("Meridian Herald").
  if (NEWSPAPER_TITLE_WORDS.has(last) && chunk.titleStart === undefined && !titleCase) {
    if (words.length === 1 && before?.value.toLowerCase() === 'the') return { type: 'outlet' };
    if (words.length >= 2 && words.length <= 3 && !NEWSPAPER_TITLE_WORDS_ALONE_ONLY.has(last) && !FIRST_NAMES.has(words[0]) && !conllFirstNames.has(words[0])) return { type: 'outlet' };
  }
  // A wire credit in a dateline: "DUNMORE, March 18 (Norpress) —".
  if (before?.value === '(' && after[0]?.value === ')' && /^[—–-]+$/.test(after[1]?.value ?? '') && words.length <= 3) return { type: 'outlet' };
  if (OUTLET_CUE_NOUNS.has(next2) || (OUTLET_CUE_NOUNS.has(next ?? '') && ['news', 'newspaper', 'broadcaster', 'outlet', 'tabloid', 'daily'].includes(next ?? ''))) {
    return { type: 'outlet' };
  }
  // 2. Equipment: model codes, named systems, or a name followed by a weapon noun.
  if (NON_EQUIPMENT_CODES.has(bare)) return undefined;
  if (chunk.toks.length <= 3 && chunk.toks.some((t) => MODEL_CODE.test(t.value))) return { type: 'equipment' };
  if (EQUIPMENT_NAMES.has(bare) || EQUIPMENT_NAMES.has(bare.replace(ROMAN_SUFFIX, '').toLowerCase())) return { type: 'equipment' };
  if (chunk.toks.length <= 2 && (ROMAN_SUFFIX.test(chunk.toks[chunk.toks.length - 1].value) || /\d/.test(key))) {
    if (after.some((t) => EQUIPMENT_CUE_NOUNS.has(t.value.toLowerCase()))) return { type: 'equipment' };
  }
  // 3. Military units: ordinal + … + unit noun, or a name + standalone unit noun ("Pacific Fleet").
  if (UNIT_HEADS.has(last) && (ORDINAL.test(words[0]) || (words.length >= 2 && UNIT_HEADS_STANDALONE.has(last)))) return { type: 'military-unit' };
  // 4. Titles mark persons.
  const surface = chunk.toks.map((t) => t.value).join(' ');
  if (chunk.titleStart !== undefined && !isKnownPlace(bare, surface)) return { type: 'person' };
  // 5. Places by gazetteer or head word.
  if (isKnownPlace(bare, surface)) return isTeamContext(toks, chunk.at, chunk.toks.length, bare) ? { type: 'organisation', weak: true, team: true } : { type: 'place' };
  if (words.length >= 2 && PLACE_HEADS.has(last)) return { type: 'place' };
  // 6. Organisations by head word; a head alone opening a sentence is a common noun ("Police said …") unless the article names it elsewhere.
  if (words.length === 1 && ORG_HEADS.has(words[0]) && chunk.toks[0].initial) return { type: 'other', weak: true, tentative: true };
  if (words.some((w) => ORG_HEADS.has(w))) return { type: 'organisation' };
  // 7. CoNLL-2003 training statistics.
  const conll = bare.replace(/\./g, '').length <= 3 && surface !== surface.toUpperCase() ? undefined : conllNames[bare];
  if (conll === 'PER') return { type: 'person' };
  if (conll === 'ORG') return { type: 'organisation' };
  if (conll === 'LOC') return { type: 'place' };
  if (conll === 'MISC') return titleCase ? undefined : { type: 'other' };
  // 7b. World gazetteer (GeoNames): weak, so a surname or an organisation reading elsewhere wins.
  if (isGazetteerPlace(chunk, bare, titleCase)) return isTeamContext(toks, chunk.at, chunk.toks.length, bare) ? { type: 'organisation', weak: true, team: true } : { type: 'place', weak: true };
  // 7c. A name built on a place but not itself a known place is an institution or a club ("PSV Eindhoven", "U.S. Treasury").
  if (namesPlaceWithOther(chunk, words, titleCase, isTeamContext(toks, chunk.at, chunk.toks.length, bare))) return { type: 'organisation', weak: true };
  // 7d. An unknown one-word name beside a score or a match verb is a team ("Tranmere 2 Oldham 1", "Essex beat Kent").
  if (words.length === 1 && isTeamContext(toks, chunk.at, 1, bare)) return { type: 'organisation', weak: true };
  // 8. Given names.
  const alpha = chunk.toks.every((t) => /^\p{Lu}[\p{L}'’.-]*$/u.test(t.value));
  if (alpha && words.length >= 2 && words.length <= MAX_PERSON_NAME_TOKENS && (FIRST_NAMES.has(words[0]) || conllFirstNames.has(words[0]))) return { type: 'person' };
  if (alpha && words.length >= 2 && words.length <= MAX_PERSON_NAME_TOKENS && INITIAL.test(chunk.toks[0].value) && !INITIAL.test(chunk.toks.at(-1)!.value)) return { type: 'person' };
  if (lowercaseTitleBefore(toks, chunk.at) && alpha && words.length <= MAX_PERSON_NAME_TOKENS) return { type: 'person' };
  // 9. Structure around the name.
  const isAcronym = chunk.toks.length === 1 && (ACRONYM.test(chunk.toks[0].value) || DOTTED_ACRONYM.test(chunk.toks[0].value));
  if (next && OUTLET_REPORT_VERBS.has(next) && (isAcronym || words.length === 1)) return { type: 'outlet', weak: true };
  if (PLACE_CUE_NOUNS.has(next ?? '') && words.length <= 2 && !isAcronym) return { type: 'place', weak: true };
  // A wire dateline opens with the place in capitals ("DUNMORE, March 18 (Agency) —"); acronyms are shorter.
  // A short one counts when the gazetteer knows it ("BONN 1996-08-22", "LIMA, March 3").
  if (isAcronym && chunk.toks[0].initial && (chunk.toks[0].value.length > MAX_ACRONYM_CHARS || lookupPlace(bare)) && isDatelineTail(after)) return { type: 'place' };
  if (isAcronym) return { type: 'organisation', weak: true };
  if (alpha && words.length >= 2 && words.length <= 3 && next && SAY_VERBS.has(next)) return { type: 'person', weak: true };
  // A name with no given name in a match result or a table row is a team ("Bayer Leverkusen 2 Werder Bremen 1").
  if (words.length >= 2 && words.length <= 3 && isScoreOrTableRow(toks, chunk.at + chunk.toks.length)) return { type: 'organisation', weak: true };
  if (titleCase) return undefined;
  // Two or three plain capitalised words with no head word read as a personal name ("Pavel Orlov").
  if (alpha && words.length >= 2 && words.length <= 3 && (!chunk.toks[0].initial || chunk.toks[0].pos === 'PROPN') && chunk.toks.every((t, k) => t.value.length > 1 && t.pos === 'PROPN' && !DEMONYMS.has(words[k]))) {
    return { type: 'person', weak: true };
  }
  if (before && PLACE_PREPOSITIONS.has(before.value.toLowerCase()) && words.length <= 2 && alpha) return { type: 'place', weak: true };
  // A capitalised sentence opener with no other evidence is most likely a common word.
  if (words.length === 1 && chunk.toks[0].initial) return { type: 'other', weak: true, tentative: true };
  return { type: 'other', weak: true };
}

/** What follows the place of a dateline: ", March 18", ", 20 March", "1996-08-22", or "(Agency) —". */
export function isDatelineTail(after: Tok[]): boolean {
  const [a, b, c, d] = after.map((t) => t.value.toLowerCase());
  if (ISO_DATE.test(a ?? '')) return true;
  if (a === ',') return /^\d/.test(b ?? '') || MONTHS.has(b ?? '');
  return a === '(' && c === ')' && /^[—–-]+$/.test(d ?? '');
}

export function namesPlaceWithOther(chunk: Chunk, words: string[], titleCase: boolean, team: boolean): boolean {
  if (words.length < 2 || words.length > MAX_LOOKUP_TOKENS || FIRST_NAMES.has(words[0]) || conllFirstNames.has(words[0])) return false;
  if (LONE_NON_NAMES.has(words[0]) || words.some((w) => NAME_CONNECTORS.has(w) || PLACE_HEADS.has(w) || DEMONYMS.has(w))) return false;
  if (!chunk.toks.every((t) => /^\p{Lu}[\p{L}'’.&-]*$/u.test(t.value)) || INITIAL.test(chunk.toks[0].value)) return false;
  const isPlace = (k: number, minPopulation: number) => {
    const tok = chunk.toks[k];
    const key = words[k];
    if (GAZETTEER_COMMON_WORDS.has(key)) return false;
    if (isKnownPlace(key, tok.value)) return true;
    return isGazetteerPlace({ toks: [tok], at: chunk.at + k }, key, titleCase) && (lookupPlace(key)?.population ?? 0) >= minPopulation;
  };
  // Beside a score any town will do ("Fortuna Sittard 2 Vitesse Arnhem 1").
  return isPlace(0, CLUB_PREFIX_PLACE_MIN_POPULATION) || isPlace(words.length - 1, team ? 0 : CLUB_SUFFIX_PLACE_MIN_POPULATION);
}

/**
 * A city named as a sports team: followed by a score ("Leeds 2 Chelsea 1", "CHICAGO 74 62"), or
 * beside a match verb ("Marseille beat Nantes", "Ajax v PSV"). Countries stay places (national sides, CoNLL convention); states and provinces field clubs.
 */
export function isTeamContext(toks: Tok[], at: number, length: number, key: string): boolean {
  if ((COUNTRIES_AND_REGIONS.has(key) || COUNTRIES_AND_REGIONS.has(`${key}.`)) && !DIVISIONS.has(key)) return false;
  const next = toks[at + length];
  const prev = toks[at - 1];
  if (next && /^\d{1,3}$/.test(next.value) && !MONTHS.has(toks[at + length + 1]?.value.toLowerCase().replace(/\.$/, '') ?? '')) return true;
  if (next && MATCH_VERBS.has(next.value.toLowerCase())) return true;
  return !!prev && MATCH_VERBS.has(prev.value.toLowerCase()) && prev.value !== prev.value.toUpperCase();
}

/** From `at`: a score followed by another name and its score ("2 Werder Bremen 1"), or a row of at least three figures. */
export function isScoreOrTableRow(toks: Tok[], at: number): boolean {
  const isCount = (t?: Tok) => !!t && /^\d{1,3}$/.test(t.value);
  if (!isCount(toks[at])) return false;
  if (isCount(toks[at + 1]) && isCount(toks[at + 2])) return true;
  let k = at + 1;
  while (toks[k] && CAPITALISED.test(toks[k].value) && k - at <= MAX_LOOKUP_TOKENS) k++;
  return k > at + 1 && isCount(toks[k]);
}
