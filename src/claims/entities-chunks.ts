/**
 * Proper-noun chunks of a sentence: runs of name tokens joined by connectors ("Ministry of Defence"),
 * with leading titles and nationality adjectives split off.
 */
import type { Span } from '../core/span.js';
import { ACRONYM, conllFirstNames, conllNames, conllNonNames, isHandPlace, isKnownName, isKnownPlace, isTimeWord } from './entities-known.js';
import { CAPITALISED, type Chunk, type Tok, keyOf, lower } from './entities-tokens.js';
import { DEMONYMS, FIRST_NAMES, NAME_CONNECTORS, NON_NAME_WORDS, ORG_HEADS, OUTLETS, PERSON_TITLES, PERSON_TITLE_HEADS, PLACE_HEADS, UNIT_HEADS, UNIT_HEADS_STANDALONE } from './lexicon/entities.js';
import { lookupPlace } from './lexicon/places.js';

/** Longest name after a title that still reads as a person ("Lt. Gen. Kyrylo Budanov"). */
export const MAX_PERSON_NAME_TOKENS = 4;

/** Longest name looked up in the gazetteers inside an all-capitals sentence. */
export const MAX_LOOKUP_TOKENS = 4;

export const MODEL_CODE = /^(?=.*\d)[A-Z][A-Za-z]{0,4}-?\d{1,4}[A-Za-z]{0,3}(?:-[A-Z0-9]{1,3})?$/;

export const ORDINAL = /^\d+(?:st|nd|rd|th)$/i;

export const INITIAL = /^\p{Lu}\.$/u;

export const POSSESSIVE = /^['’]s?$/;

export const PARTICIPLE_COMPOUND = /^\p{Lu}\p{L}*-\p{Ll}+(?:ed|ing)$/u;

export const GENERIC_AFTER_DEMONYM = new Set([
  ...ORG_HEADS, 'armed', 'national', 'central', 'foreign', 'defense', 'defence', 'special', 'state', 'federal',
  'security', 'strategic', 'air', 'naval', 'military', "people's", 'general', 'supreme', 'higher', 'orthodox',
  'communist', 'democratic', 'ground', 'border', 'coast', 'red', 'space', 'aerospace', 'marine',
]);


export function isNameToken(tok: Tok, titleCase: boolean): boolean {
  const v = tok.value;
  if (MODEL_CODE.test(v)) return true;
  // "Russian-occupied", "Korean-supplied": adjectives built on a name.
  if (PARTICIPLE_COMPOUND.test(v)) return false;
  if (!CAPITALISED.test(v) || !/\p{L}/u.test(v)) return false;
  if (INITIAL.test(v)) return true;
  const w = lower(tok);
  if (isTimeWord(w)) return false;
  if (tok.initial || titleCase) {
    if (NON_NAME_WORDS.has(w) || conllNonNames.has(w)) return PERSON_TITLES.has(w) && !NON_NAME_WORDS.has(w);
    if (tok.pos !== 'PROPN' && !isKnownName(w)) return false;
  }
  if (NON_NAME_WORDS.has(w) && !PERSON_TITLES.has(w)) return false;
  return true;
}

export function chunkSentence(toks: Tok[], titleCase: boolean): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < toks.length) {
    const startsUnit = ORDINAL.test(toks[i].value) && toks[i + 1] && CAPITALISED.test(toks[i + 1].value);
    // Asked once: the answer is a pure function of the token and was computed twice per token.
    const nameToken = isNameToken(toks[i], titleCase);
    const placeLength = nameToken ? 0 : knownPlaceLength(toks, i);
    if (!startsUnit && !placeLength && !nameToken) {
      i++;
      continue;
    }
    const chunk: Chunk = { toks: toks.slice(i, i + Math.max(1, placeLength)), at: i };
    let j = i + Math.max(1, placeLength);
    while (j < toks.length) {
      const tok = toks[j];
      const adjacentHyphenless = tok.start - toks[j - 1].end <= 1;
      if (!adjacentHyphenless) break;
      if (isNameToken(tok, titleCase)) {
        chunk.toks.push(tok);
        j++;
        continue;
      }
      // "Ministry of Defence", "Chief of the Defense Intelligence", "Center for … and …".
      const w = tok.value.toLowerCase();
      if (NAME_CONNECTORS.has(w) && allowConnector(chunk, w)) {
        let k = j + 1;
        if (toks[k]?.value.toLowerCase() === 'the') k++;
        if (toks[k] && isNameToken(toks[k], titleCase) && !ACRONYM.test(toks[k].value)) {
          chunk.toks.push(...toks.slice(j, k));
          j = k;
          continue;
        }
      }
      break;
    }
    chunks.push(chunk);
    i = j;
  }
  // Link "X 's Y" so Y's key can read "Y of X".
  for (let c = 1; c < chunks.length; c++) {
    const prev = chunks[c - 1];
    const between = toks.slice(prev.at + prev.toks.length, chunks[c].at);
    if (between.length === 1 && POSSESSIVE.test(between[0].value)) chunks[c].possessor = keyOf(prev.toks);
  }
  return chunks;
}

// "New York", "New Zealand": a known multi-word place whose first word alone is no name.
export function knownPlaceLength(toks: Tok[], i: number): number {
  if (!CAPITALISED.test(toks[i].value)) return 0;
  for (let n = Math.min(MAX_LOOKUP_TOKENS, toks.length - i); n >= 2; n--) {
    const part = toks.slice(i, i + n);
    if (!part.every((t, k) => k === 0 || CAPITALISED.test(t.value) || NAME_CONNECTORS.has(t.value))) continue;
    const key = keyOf(part);
    if (isHandPlace(key) || lookupPlace(key)) return n;
  }
  return 0;
}

export function allowConnector(chunk: Chunk, connector: string): boolean {
  const words = chunk.toks.map(lower);
  const last = words[words.length - 1];
  if (connector === 'and') return words.includes('for') || words.includes('of');
  if (connector !== 'of' && connector !== 'for') return chunk.toks.length >= 1 && !FIRST_NAMES.has(words[0]);
  // A unit "of the Russian Armed Forces" names its parent formation, a separate entity.
  if (UNIT_HEADS_STANDALONE.has(last)) return false;
  if (ORG_HEADS.has(last) || UNIT_HEADS.has(last) || PLACE_HEADS.has(last) || PERSON_TITLE_HEADS.has(last)) return true;
  return words.length >= 2 && !FIRST_NAMES.has(words[0]) && !conllFirstNames.has(words[0]);
}

/** Splits a leading title ("Lt. Gen.", "NATO Secretary General") off a chunk; returns the parts. */
export function splitTitle(chunk: Chunk): { prefix?: Chunk; name: Chunk } {
  const words = chunk.toks.map(lower);
  // "Chief of the Defense Intelligence …": a role governing an organisation, not a person.
  if (PERSON_TITLES.has(words[0])) {
    const conn = words.findIndex((w) => w === 'of' || w === 'for');
    const role = words.slice(0, conn);
    if (conn > 0 && role.every((w) => PERSON_TITLES.has(w)) && role.some((w) => PERSON_TITLE_HEADS.has(w))) {
      let k = conn + 1;
      if (words[k] === 'the') k++;
      return { name: { ...chunk, toks: chunk.toks.slice(k), at: chunk.at + k } };
    }
  }
  for (let h = words.length - 2; h >= 0; h--) {
    if (!PERSON_TITLE_HEADS.has(words[h])) continue;
    const rest = words.slice(h + 1);
    if (rest.length > MAX_PERSON_NAME_TOKENS || rest.some((w) => NAME_CONNECTORS.has(w) || PERSON_TITLES.has(w) || ORG_HEADS.has(w) || UNIT_HEADS.has(w) || PLACE_HEADS.has(w))) continue;
    let s = h;
    while (s > 0 && PERSON_TITLES.has(words[s - 1])) s--;
    // "Defense Intelligence Chief": the words up to an organisation head name the organisation.
    for (let o = h - 1; o >= s; o--) {
      if (ORG_HEADS.has(words[o])) {
        s = o + 1;
        break;
      }
    }
    const name: Chunk = { toks: chunk.toks.slice(h + 1), at: chunk.at + h + 1, titleStart: chunk.toks[s].start, titleEnd: chunk.toks[h].end };
    const prefix = s > 0 ? { toks: chunk.toks.slice(0, s), at: chunk.at, possessor: chunk.possessor } : undefined;
    return { prefix, name };
  }
  return { name: chunk };
}

/** Drops a leading nationality adjective unless it is part of a name ("Russian Armed Forces"). */
export function stripDemonym(chunk: Chunk): Chunk | undefined {
  const words = chunk.toks.map(lower);
  const whole = words.join(' ');
  if (isKnownPlace(whole) || OUTLETS.has(whole) || (conllNames[whole] && conllNames[whole] !== 'MISC')) return chunk;
  let n = 0;
  if (words.length >= 2 && DEMONYMS.has(`${words[0]} ${words[1]}`)) n = 2;
  else if (DEMONYMS.has(words[0]) || /^[\p{L}]+-(?:occupied|backed|made|led|controlled|held|speaking|born|annexed)$/u.test(words[0])) n = 1;
  if (!n) return chunk;
  if (n === words.length) return undefined;
  if (GENERIC_AFTER_DEMONYM.has(words[n])) return chunk;
  return { ...chunk, toks: chunk.toks.slice(n), at: chunk.at + n };
}

// "chief Krylo Budanov", "leader Kim Jong Un": a lowercase role right before the name.
export function lowercaseTitleBefore(toks: Tok[], at: number): Span | undefined {
  let s = at - 1;
  if (s < 0 || !PERSON_TITLE_HEADS.has(toks[s].value.toLowerCase())) return undefined;
  const end = toks[s].end;
  while (s > 0 && PERSON_TITLES.has(toks[s - 1].value.toLowerCase()) && /^\p{Ll}/u.test(toks[s - 1].value)) s--;
  return { start: toks[s].start, end };
}
