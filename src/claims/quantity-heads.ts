/**
 * The thing a number counts, found by structure rather than a word list: after the number, a run of
 * modifiers (adjectives, adverbs, participles, names) ends in a noun head ("70 newly trained Ukrainian
 * pilots", "1,500 infantrymen"), read from wink part-of-speech tags and lemmas. A number whose noun is
 * elided ("40 of them", "300 from the north") takes the nearest compatible noun before it.
 */
import { tokenIndexAt, type WinkToken } from '../nlp/wink.js';
import { CURRENCY_WORDS, IRREGULAR_LEMMAS, MEASURE_UNITS, MONTH_WORDS } from './lexicon/quantities.js';
import { lemmatiseNoun } from './numbers.js';
import type { QuantityMention } from './types.js';

/** Most words between a number and its noun head ("1,500 North Korean special forces soldiers"). */
export const MAX_HEAD_RUN_WORDS = 6;
/** How far back, in characters, an elided count looks for its noun when nothing marks it as anaphoric. */
export const ELIDED_NOUN_REACH_CHARS = 160;
/** Reach for "of them", "of those", "of which": the pronoun says a noun was named, possibly a sentence before. */
export const ANAPHORIC_NOUN_REACH_CHARS = 320;

/** A head noun found after a number: its span and its lemma (the unit). */
export interface CountedHead {
  start: number;
  end: number;
  lemma: string;
}

const CLOSING_QUOTES = new Set(['"', '”', '’', "'", '»']);
const ANAPHORS = new Set(['them', 'those', 'these', 'which', 'whom']);
const OF_DETERMINERS = new Set(['the', 'them', 'those', 'these', 'their', 'its', 'his', 'her', 'our']);

/** True for a word wink reads as a plural noun (its lemma differs from the word: "infantrymen" → "infantryman"). */
function isPluralNoun(t: WinkToken): boolean {
  if (t.pos !== 'NOUN' && t.pos !== 'PROPN') return false;
  if (t.normal in IRREGULAR_LEMMAS) return true;
  return t.lemma.toLowerCase() !== t.normal || (t.pos === 'PROPN' && /[^s]s$/.test(t.normal));
}

/** The lemma of a head noun, keeping the lexicon's units ("metres" → "metre") and names' plural ("Koreans" → "korean"). */
function headLemma(t: WinkToken): string {
  if (t.normal in MEASURE_UNITS) return MEASURE_UNITS[t.normal];
  if (t.normal in IRREGULAR_LEMMAS) return IRREGULAR_LEMMAS[t.normal];
  const lemma = t.lemma.toLowerCase();
  // wink leaves some plurals as they are ("others"); the word-shape lemma covers those.
  if (t.pos === 'NOUN' && lemma && lemma !== t.normal && !/[^\p{L}-]/u.test(lemma)) return lemma;
  return lemmatiseNoun(t.value);
}

/** A modifier inside the noun phrase before its head: adjective, adverb, participle, name, compound noun. */
function isModifier(t: WinkToken, next: WinkToken | undefined): boolean {
  if (t.pos === 'ADJ' || t.pos === 'PROPN' || t.pos === 'NOUN') return true;
  // "heavily armored", "newly trained": an adverb or participle only when more of the phrase follows.
  const more = !!next && (next.pos === 'ADJ' || next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'VERB');
  if (t.pos === 'ADV') return more && next!.pos !== 'VERB' ? true : more && /(?:ed|ing)$/.test(next!.normal);
  if (t.pos === 'VERB') return more && next!.pos !== 'VERB' && /(?:ed|ing|en)$/.test(t.normal);
  return false;
}

/**
 * The counted noun after the number that ends at `from`: the last noun of the first noun compound in the
 * phrase ("40 heavily armored vehicles" → vehicles; "12,000 soldiers deployed" → soldiers), after an
 * optional "of (the)" when `ofAllowed`. Returns `elided` for "of them" / "of which", undefined when the
 * number counts nothing the tags show.
 */
export function findCountedHead(tokens: readonly WinkToken[], from: number, ofAllowed: 'any' | 'determiner'): CountedHead | 'elided' | undefined {
  let k = tokenIndexAt(tokens, from);
  while (tokens[k] && CLOSING_QUOTES.has(tokens[k].value)) k++;
  if (tokens[k]?.normal === 'of') {
    const next = tokens[k + 1];
    if (!next) return undefined;
    if (ANAPHORS.has(next.normal) && !isHeadAhead(tokens, k + 2)) return 'elided';
    k++;
    if (OF_DETERMINERS.has(tokens[k].normal)) k++;
    else if (ofAllowed === 'determiner') return undefined;
  }
  let first = -1;
  for (let m = k; m < tokens.length && m - k < MAX_HEAD_RUN_WORDS; m++) {
    const t = tokens[m];
    // Hyphenated modifiers ("well-trained", "Russian-made") stay inside the phrase.
    if (t.value === '-' && m > k && tokens[m - 1].end === t.start && tokens[m + 1]?.start === t.end) continue;
    if (MONTH_WORDS.has(t.normal) || t.normal in CURRENCY_WORDS) return undefined;
    const nounish = t.pos === 'NOUN' || (t.pos === 'PROPN' && isPluralNoun(t));
    if (nounish) {
      first = m;
      break;
    }
    if (!isModifier(t, tokens[m + 1])) return undefined;
  }
  if (first < 0) return undefined;
  // The head ends the compound ("rocket launchers", "special forces soldiers"); a singular noun after a plural
  // starts something else ("3 visits today").
  let head = first;
  const joins = (a: WinkToken, b: WinkToken | undefined) => !!b && b.pos === 'NOUN' && b.start - a.end <= 1 && (!isPluralNoun(a) || isPluralNoun(b));
  while (joins(tokens[head], tokens[head + 1]) && head - first < MAX_HEAD_RUN_WORDS) head++;
  const t = tokens[head];
  // A singular name after a number starts a new phrase ("the 5.2 million United paid").
  if (t.pos === 'PROPN' && !isPluralNoun(t)) return undefined;
  return { start: t.start, end: t.end, lemma: headLemma(t) };
}

function isHeadAhead(tokens: readonly WinkToken[], k: number): boolean {
  const t = tokens[k];
  return !!t && (t.pos === 'NOUN' || t.pos === 'ADJ' || (t.pos === 'PROPN' && isPluralNoun(t)));
}

/** Words after a bare number that make it a clause head counting something named before ("11 are still missing"). */
const ELIDED_AFTER = /^\s+(?:are|were|is|was|have|had|remain(?:ed|s)?|still|more|from)\b/i;
/** Words after a bare number that point back at a noun ("40 of them", "12 of which"). */
const ANAPHORIC_AFTER = /^\s+of\s+(?:them|those|these|which|whom)\b/i;
/** Words before a bare number that point back at a noun named before ("Of these, about 3,000 …", "Another 200 …", "a further 50"). */
const ANAPHORIC_BEFORE = /(?:\bof\s+(?:them|those|these|which|whom)\s*,?|\banother|\ba\s+further|\ban\s+additional)\s+$/i;
/** Sentence ends, counted with `String.match` (a global pattern there starts from 0 each call, so one object serves all). */
const SENTENCE_ENDS = /[.!?]["”’)]?\s/g;

/**
 * Gives a unit to each bare count whose noun is elided ("… and 11 are still missing", "40 of them", "300 from
 * the north", "Of these, 3,000 …", "Another 200 …"): the count before it in reach, else the nearest plural noun before it. Units in `nonCount`
 * (measures, money, percent) are never passed on: "300 dollars and 5 were sold" counts nothing named.
 */
export function resolveElidedHeads(text: string, tokens: readonly WinkToken[], mentions: QuantityMention[], nonCount: ReadonlySet<string>): void {
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.unit) continue;
    const after = text.slice(m.end, m.end + 30);
    const anaphoric = ANAPHORIC_AFTER.test(after) || ANAPHORIC_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start));
    if (!anaphoric && !ELIDED_AFTER.test(after)) continue;
    const reach = anaphoric ? ANAPHORIC_NOUN_REACH_CHARS : ELIDED_NOUN_REACH_CHARS;
    const limit = Math.max(0, m.start - reach);
    const prev = mentions[k - 1];
    // A pronoun may reach into the sentence before; a bare clause head stays in its own sentence.
    const crosses = (from: number) => {
      const gap = text.slice(from, m.start);
      const ends = gap.match(SENTENCE_ENDS)?.length ?? 0;
      return ends > (anaphoric ? 1 : 0);
    };
    const prevUnit = prev?.unit;
    if (prevUnit && prev.end >= limit && !crosses(prev.end)) {
      if (nonCount.has(prevUnit)) continue;
      m.unit = prevUnit;
      continue;
    }
    for (let t = tokenIndexAt(tokens, m.start) - 1; t >= 0 && tokens[t].start >= limit; t--) {
      const tok = tokens[t];
      if (crosses(tok.end)) break;
      if (!isPluralNoun(tok) || tok.pos !== 'NOUN') continue;
      const lemma = headLemma(tok);
      if (nonCount.has(lemma) || tok.normal in MEASURE_UNITS) continue;
      m.unit = lemma;
      m.unitSpan = { start: tok.start, end: tok.end };
      break;
    }
  }
}
