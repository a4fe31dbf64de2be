/**
 * Entity mentions: wink proper-noun chunks typed with our own gazetteers, head-word rules,
 * title cues, model-code patterns, CoNLL-2003 name statistics and local structure.
 */
import { z } from 'zod';
import type { Article } from '../core/article.js';
import type { Stage } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import type { Span } from '../core/span.js';
import { tokenize, type WinkToken } from '../nlp/wink.js';
import { segmentSentences } from '../segment/sentences.js';
import { lookupPlace } from './lexicon/places.js';
import { CONLL_CAPITALISED_NON_NAMES, CONLL_FIRST_NAMES, CONLL_NAMES } from './lexicon/entities-conll.js';
import {
  CITIES,
  COUNTRIES_AND_REGIONS,
  DEMONYMS,
  EQUIPMENT_CUE_NOUNS,
  EQUIPMENT_NAMES,
  FIRST_LEVEL_DIVISIONS,
  FIRST_NAMES,
  GAZETTEER_COMMON_WORDS,
  MATCH_VERBS,
  MONTHS,
  NAME_CONNECTORS,
  NEWSPAPER_TITLE_WORDS,
  NEWSPAPER_TITLE_WORDS_ALONE_ONLY,
  NON_EQUIPMENT_CODES,
  NON_NAME_WORDS,
  ORG_HEADS,
  OUTLET_CUE_NOUNS,
  OUTLET_REPORT_VERBS,
  OUTLETS,
  PERSON_TITLE_HEADS,
  PERSON_TITLES,
  PLACE_CUE_NOUNS,
  PLACE_HEADS,
  UNIT_HEADS,
  UNIT_HEADS_STANDALONE,
  WEEKDAYS,
} from './lexicon/entities.js';
import type { EntityMention, EntityType } from './types.js';

declare module '../core/article.js' {
  interface LayerMap {
    entity: EntityMention;
  }
}

/** A headline-style sentence has at least this share of capitalised words… */
const TITLE_CASE_MIN_SHARE = 0.6;
/** …and at least this many words. */
const TITLE_CASE_MIN_WORDS = 4;
/** …and fewer than this many lowercase verbs or nouns of more than three letters… */
const TITLE_CASE_MAX_LOWER_CONTENT_WORDS = 1;
/** …and fewer than this many figures (a results or standings line is no headline). */
const TITLE_CASE_MAX_FIGURES = 2;
/** Lowercase words looked at after a name for an equipment noun ("… medium-range missile system"). */
const EQUIPMENT_CUE_WINDOW_TOKENS = 5;
/** All-capital words up to this length read as acronyms, never as gazetteer places. */
const MAX_ACRONYM_CHARS = 4;
/** A gazetteer place ending a two-to-four-word name makes it a club or institution only from this size ("Werder Bremen"); smaller ones are as often surnames ("Greg Norman"). */
const CLUB_SUFFIX_PLACE_MIN_POPULATION = 150_000;
/** A gazetteer place opening a name makes it an institution only from this size ("Manchester United"); small towns share first names ("Martin", "Lindsay"). */
const CLUB_PREFIX_PLACE_MIN_POPULATION = 150_000;
/** Longest name after a title that still reads as a person ("Lt. Gen. Kyrylo Budanov"). */
const MAX_PERSON_NAME_TOKENS = 4;

const MODEL_CODE = /^(?=.*\d)[A-Z][A-Za-z]{0,4}-?\d{1,4}[A-Za-z]{0,3}(?:-[A-Z0-9]{1,3})?$/;
const ROMAN_SUFFIX = /-(?:I{1,3}|IV|V|VI{1,3}|M\d?)$/;
const ORDINAL = /^\d+(?:st|nd|rd|th)$/i;
const ACRONYM = /^[A-Z][A-Z&]{1,6}$/;
/** "U.N.", "E.U.": dotted capitals (known places such as "U.S." are caught before). */
const DOTTED_ACRONYM = /^(?:\p{Lu}\.){2,5}$/u;
const INITIAL = /^\p{Lu}\.$/u;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An all-capitals sentence (a shouted headline or dateline) has at least this share of capitalised-only words. */
const ALL_CAPS_MIN_SHARE = 0.6;
/** Longest name looked up in the gazetteers inside an all-capitals sentence. */
const MAX_LOOKUP_TOKENS = 4;
const CAPITALISED = /^\p{Lu}/u;
const POSSESSIVE = /^['’]s?$/;
const PARTICIPLE_COMPOUND = /^\p{Lu}\p{L}*-\p{Ll}+(?:ed|ing)$/u;
const LONE_NON_NAMES = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower', 'greater']);
const GENERIC_AFTER_DEMONYM = new Set([
  ...ORG_HEADS, 'armed', 'national', 'central', 'foreign', 'defense', 'defence', 'special', 'state', 'federal',
  'security', 'strategic', 'air', 'naval', 'military', "people's", 'general', 'supreme', 'higher', 'orthodox',
  'communist', 'democratic', 'ground', 'border', 'coast', 'red', 'space', 'aerospace', 'marine',
]);
const DIVISIONS: ReadonlySet<string> = new Set(FIRST_LEVEL_DIVISIONS);
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'to', 'from', 'outside', 'into', 'across', 'toward', 'towards', 'around']);
const SAY_VERBS = new Set(['said', 'says', 'told', 'added', 'wrote', 'stated', 'noted', 'claimed', 'announced', 'warned', 'disclosed']);

/** A token after merging hyphenated pieces ("Ulan-Ude", "Cheongung-II"). */
interface Tok extends WinkToken {
  /** True for the first word token of its sentence or right after an opening quote. */
  initial: boolean;
}

interface Chunk {
  toks: Tok[];
  /** Index of the first token of the chunk in the sentence's token array. */
  at: number;
  titleStart?: number;
  titleEnd?: number;
  /** Chunk that owns this one through a possessive ("Ukraine" in "Ukraine's Defense Intelligence"). */
  possessor?: string;
}

/** Options of `tagEntities`. */
export interface TagEntitiesOptions {
  /** Use the name statistics derived from CoNLL-2003 train (default true; off for ablation). */
  conllLexicon?: boolean;
}

// Read by the lookups below; set only for the duration of one synchronous `tagEntities` call.
let conllNames: Readonly<Record<string, string>> = CONLL_NAMES;
let conllFirstNames: ReadonlySet<string> = CONLL_FIRST_NAMES;
let conllNonNames: ReadonlySet<string> = CONLL_CAPITALISED_NON_NAMES;

/** Tags entity mentions in `text`, sentence by sentence; sentences default to `segmentSentences`. */
export function tagEntities(text: string, sentences?: Span[], options: TagEntitiesOptions = {}): EntityMention[] {
  if (options.conllLexicon === false) {
    conllNames = {};
    conllFirstNames = new Set();
    conllNonNames = new Set();
  }
  try {
    return tagAll(text, sentences);
  } finally {
    conllNames = CONLL_NAMES;
    conllFirstNames = CONLL_FIRST_NAMES;
    conllNonNames = CONLL_CAPITALISED_NON_NAMES;
  }
}

function tagAll(text: string, sentences?: Span[]): EntityMention[] {
  const sents = sentences ?? segmentSentences(text);
  const tokens = tokenize(text);
  const out: EntityMention[] = [];
  const openers: Tok[] = [];
  // Headlines lead the text: once a sentence of running prose is seen, a capitalised line is a list of names, not a title.
  let inHead = true;
  let t = 0;
  for (const sentence of sents) {
    while (t < tokens.length && tokens[t].start < sentence.start) t++;
    const from = t;
    while (t < tokens.length && tokens[t].end <= sentence.end) t++;
    const toks = mergeHyphens(text, tokens.slice(from, t));
    openers.push(...toks.filter((tok) => tok.initial));
    const titleCase = inHead && isTitleCase(toks);
    out.push(...tagSentence(text, toks, titleCase));
    if (inHead && !titleCase && !isAllCaps(toks) && isProse(toks)) inHead = false;
  }
  return recoverRepeats(openers, resolveInArticle(text, out));
}

/**
 * A sentence opener the chunker passed over (read as a verb or common word: "Dole said …") is a
 * person when the article names someone in full with that surname.
 */
function recoverRepeats(openers: Tok[], mentions: EntityMention[]): EntityMention[] {
  const surnames = new Set(mentions.filter((m) => m.type === 'person' && m.key.includes(' ')).map((m) => m.key.split(' ').at(-1)!));
  const added: EntityMention[] = [];
  let k = 0;
  for (const tok of openers) {
    while (k < mentions.length && mentions[k].end <= tok.start) k++;
    if (k < mentions.length && mentions[k].start < tok.end) continue;
    const key = tok.value.toLowerCase();
    if (CAPITALISED.test(tok.value) && !isUpperCase(tok.value) && surnames.has(key)) added.push({ start: tok.start, end: tok.end, type: 'person', key });
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
}

function mergeHyphens(text: string, tokens: WinkToken[]): Tok[] {
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
    out.push({ ...tok, initial: false });
  }
  let expectInitial = true;
  for (const tok of out) {
    if (/^[\p{L}\d]/u.test(tok.value)) {
      tok.initial = expectInitial;
      expectInitial = false;
    } else if (/^["“‘'(\[«:—–-]$/.test(tok.value)) expectInitial = true;
  }
  return out;
}

function lower(tok: Tok): string {
  return tok.value.toLowerCase().replace(/\.$/, '');
}

function isTimeWord(word: string): boolean {
  return MONTHS.has(word) || WEEKDAYS.has(word);
}

function isNameToken(tok: Tok, titleCase: boolean): boolean {
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

function isKnownName(key: string): boolean {
  return isHandPlace(key) || OUTLETS.has(key) || key in conllNames;
}

// Keys arrive with a trailing period stripped ("u.s"), the lists keep it ("u.s.").
function isHandPlace(key: string): boolean {
  return COUNTRIES_AND_REGIONS.has(key) || CITIES.has(key) || COUNTRIES_AND_REGIONS.has(`${key}.`);
}

/**
 * A GeoNames place big enough to count, written as a name: not a common English word, and not a
 * sentence opener or headline word unless the tagger reads it as a proper noun.
 */
function isGazetteerPlace(chunk: Chunk, key: string, titleCase: boolean): boolean {
  if (key.length < 3 || GAZETTEER_COMMON_WORDS.has(key)) return false;
  const place = lookupPlace(key);
  if (!place) return false;
  const first = chunk.toks[0];
  if ((first.initial || titleCase) && chunk.toks.length === 1 && first.pos !== 'PROPN') return false;
  // Short capitals in running text are acronyms ("NIS", "DIU"), not the towns Niš or Diu; longer ones are datelines ("TAMPERE").
  return !(chunk.toks.length === 1 && ACRONYM.test(first.value) && first.value.length <= MAX_ACRONYM_CHARS);
}

/** A sentence of running text: enough longer words, most of them lowercase. */
function isProse(toks: Tok[]): boolean {
  const words = toks.filter((t) => /^\p{L}/u.test(t.value) && t.value.length > 3);
  return words.length >= TITLE_CASE_MIN_WORDS && words.filter((t) => CAPITALISED.test(t.value)).length / words.length < TITLE_CASE_MIN_SHARE;
}

function isTitleCase(toks: Tok[]): boolean {
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

function chunkSentence(toks: Tok[], titleCase: boolean): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < toks.length) {
    const startsUnit = ORDINAL.test(toks[i].value) && toks[i + 1] && CAPITALISED.test(toks[i + 1].value);
    const placeLength = isNameToken(toks[i], titleCase) ? 0 : knownPlaceLength(toks, i);
    if (!startsUnit && !placeLength && !isNameToken(toks[i], titleCase)) {
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

/**
 * A city named as a sports team: followed by a score ("Leeds 2 Chelsea 1", "CHICAGO 74 62"), or
 * beside a match verb ("Marseille beat Nantes", "Ajax v PSV"). Countries stay places (national sides, CoNLL convention); states and provinces field clubs.
 */
function isTeamContext(toks: Tok[], at: number, length: number, key: string): boolean {
  if ((COUNTRIES_AND_REGIONS.has(key) || COUNTRIES_AND_REGIONS.has(`${key}.`)) && !DIVISIONS.has(key)) return false;
  const next = toks[at + length];
  const prev = toks[at - 1];
  if (next && /^\d{1,3}$/.test(next.value) && !MONTHS.has(toks[at + length + 1]?.value.toLowerCase().replace(/\.$/, '') ?? '')) return true;
  if (next && MATCH_VERBS.has(next.value.toLowerCase())) return true;
  return !!prev && MATCH_VERBS.has(prev.value.toLowerCase()) && prev.value !== prev.value.toUpperCase();
}

/** From `at`: a score followed by another name and its score ("2 Werder Bremen 1"), or a row of at least three figures. */
function isScoreOrTableRow(toks: Tok[], at: number): boolean {
  const isCount = (t?: Tok) => !!t && /^\d{1,3}$/.test(t.value);
  if (!isCount(toks[at])) return false;
  if (isCount(toks[at + 1]) && isCount(toks[at + 2])) return true;
  let k = at + 1;
  while (toks[k] && CAPITALISED.test(toks[k].value) && k - at <= MAX_LOOKUP_TOKENS) k++;
  return k > at + 1 && isCount(toks[k]);
}

// "New York", "New Zealand": a known multi-word place whose first word alone is no name.
function knownPlaceLength(toks: Tok[], i: number): number {
  if (!CAPITALISED.test(toks[i].value)) return 0;
  for (let n = Math.min(MAX_LOOKUP_TOKENS, toks.length - i); n >= 2; n--) {
    const part = toks.slice(i, i + n);
    if (!part.every((t, k) => k === 0 || CAPITALISED.test(t.value) || NAME_CONNECTORS.has(t.value))) continue;
    const key = keyOf(part);
    if (isHandPlace(key) || lookupPlace(key)) return n;
  }
  return 0;
}

function allowConnector(chunk: Chunk, connector: string): boolean {
  const words = chunk.toks.map(lower);
  const last = words[words.length - 1];
  if (connector === 'and') return words.includes('for') || words.includes('of');
  if (connector !== 'of' && connector !== 'for') return chunk.toks.length >= 1 && !FIRST_NAMES.has(words[0]);
  // A unit "of the Russian Armed Forces" names its parent formation, a separate entity.
  if (UNIT_HEADS_STANDALONE.has(last)) return false;
  if (ORG_HEADS.has(last) || UNIT_HEADS.has(last) || PLACE_HEADS.has(last) || PERSON_TITLE_HEADS.has(last)) return true;
  return words.length >= 2 && !FIRST_NAMES.has(words[0]) && !conllFirstNames.has(words[0]);
}

function keyOf(toks: Tok[]): string {
  return toks
    .map((t) => t.value)
    .join(' ')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a leading title ("Lt. Gen.", "NATO Secretary General") off a chunk; returns the parts. */
function splitTitle(chunk: Chunk): { prefix?: Chunk; name: Chunk } {
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
function stripDemonym(chunk: Chunk): Chunk | undefined {
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

function tagSentence(text: string, toks: Tok[], titleCase: boolean): EntityMention[] {
  const mentions: Draft[] = [];
  const pending: Chunk[] = [];
  if (isAllCaps(toks)) return tagAllCaps(toks);
  for (const raw of chunkSentence(toks, titleCase)) {
    const { prefix, name } = splitTitle(raw);
    if (prefix) pending.push(prefix);
    pending.push(name);
  }
  for (let c of pending) {
    // Lone ordinals that did not lead to a unit, and trailing possessive pieces, are not names.
    while (c.toks.length && ORDINAL.test(c.toks[0].value) && !UNIT_HEADS.has(lower(c.toks[c.toks.length - 1]))) c = { ...c, toks: c.toks.slice(1), at: c.at + 1 };
    const stripped = c.toks.length ? stripDemonym(c) : undefined;
    if (!stripped) continue;
    const typed = typeChunk(toks, stripped, titleCase);
    if (!typed) continue;
    const first = stripped.toks[0];
    const last = stripped.toks[stripped.toks.length - 1];
    const start = typed.includeThe ? toks[stripped.at - 1].start : first.start;
    let key = keyOf(stripped.toks);
    if (typed.type === 'organisation' && stripped.possessor && !key.includes(' of ')) key = `${key} of ${stripped.possessor}`;
    const mention: Draft = { start, end: last.end, type: typed.type, key };
    if (stripped.titleStart !== undefined) mention.title = { start: stripped.titleStart, end: stripped.titleEnd! };
    else {
      const title = lowercaseTitleBefore(toks, stripped.at);
      if (title && typed.type === 'person') mention.title = title;
    }
    if (typed.weak) mention.weak = true;
    if (typed.tentative) mention.tentative = true;
    if (typed.team) mention.team = true;
    mentions.push(mention);
  }
  propagateLists(text, mentions);
  return mentions;
}

// "chief Krylo Budanov", "leader Kim Jong Un": a lowercase role right before the name.
function lowercaseTitleBefore(toks: Tok[], at: number): Span | undefined {
  let s = at - 1;
  if (s < 0 || !PERSON_TITLE_HEADS.has(toks[s].value.toLowerCase())) return undefined;
  const end = toks[s].end;
  while (s > 0 && PERSON_TITLES.has(toks[s - 1].value.toLowerCase()) && /^\p{Ll}/u.test(toks[s - 1].value)) s--;
  return { start: toks[s].start, end };
}

interface Typed {
  type: EntityType;
  includeThe?: boolean;
  /** Typed by context only; the article may override it. */
  weak?: boolean;
  /** Kept only if the article resolves it (a surname seen in full elsewhere). */
  tentative?: boolean;
  /** Read as a sports team from its context (a score, a match verb). */
  team?: boolean;
}

type Draft = EntityMention & { weak?: boolean; tentative?: boolean; team?: boolean };

function typeChunk(toks: Tok[], chunk: Chunk, titleCase: boolean): Typed | undefined {
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
function isDatelineTail(after: Tok[]): boolean {
  const [a, b, c, d] = after.map((t) => t.value.toLowerCase());
  if (ISO_DATE.test(a ?? '')) return true;
  if (a === ',') return /^\d/.test(b ?? '') || MONTHS.has(b ?? '');
  return a === '(' && c === ')' && /^[—–-]+$/.test(d ?? '');
}

function namesPlaceWithOther(chunk: Chunk, words: string[], titleCase: boolean, team: boolean): boolean {
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

// Short gazetteer keys ("us", "uk") must be written in capitals to count ("To Us" is no place).
function isKnownPlace(key: string, surface = key.toUpperCase()): boolean {
  if (key.replace(/\./g, '').length <= 3 && surface !== surface.toUpperCase()) return false;
  return isHandPlace(key) || COUNTRIES_AND_REGIONS.has(key.replace(/^the /, ''));
}

// "the cities of Chongjin, Hamhung and Musudan": untyped names listed beside a place are places.
function propagateLists(text: string, mentions: Draft[]): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < mentions.length; i++) {
      for (const j of [i - 1, i + 1]) {
        const a = mentions[i];
        const b = mentions[j];
        if (!b || a.type !== 'other' || a.tentative || b.type !== 'place' || b.weak) continue;
        const gap = text.slice(Math.min(a.end, b.end), Math.max(a.start, b.start));
        if (/^\s*(?:,|,?\s*and|,?\s*or)\s*$/.test(gap)) {
          a.type = 'place';
          a.weak = true;
        }
      }
    }
  }
}

/**
 * One sense per article: a surname alone takes the type of the full name it ends, and an
 * untyped name takes the type it has elsewhere in the article.
 */
function resolveInArticle(text: string, mentions: Draft[]): EntityMention[] {
  const surnames = new Set<string>();
  const typed = new Map<string, EntityType>();
  for (const m of mentions) {
    if (m.type === 'person' && m.key.includes(' ')) surnames.add(m.key.split(' ').at(-1)!);
    if (m.type !== 'other' && !m.weak) typed.set(m.key, m.type);
  }
  // A city that plays a match somewhere in the article is the club everywhere in it ("Leeds 2 Chelsea 1" … "Leeds's manager").
  const teams = new Set(mentions.filter((m) => m.team).map((m) => m.key));
  const out: EntityMention[] = [];
  for (const m of mentions) {
    if ((m.type === 'other' || m.weak) && !m.key.includes(' ') && surnames.has(m.key)) m.type = 'person';
    // Not into capitals: a dateline ("LEEDS 1996-08-24") names the place the story was filed from.
    else if (teams.has(m.key) && m.type !== 'person' && !isUpperCase(text.slice(m.start, m.end))) m.type = 'organisation';
    else if (m.type === 'other' && typed.has(m.key)) m.type = typed.get(m.key)!;
    else if (m.tentative) continue;
    delete m.weak;
    delete m.tentative;
    delete m.team;
    out.push(m);
  }
  return out;
}

/** Options of the `claims/entities` stage. */
export interface EntitiesOptions {
  /** Keep mentions typed `other` (names with no type evidence). */
  keepOther?: boolean;
}

/** Builds the `claims/entities` stage, which fills `layers.entity`. */
export function createEntitiesStage(options: EntitiesOptions = {}): Stage {
  const keepOther = options.keepOther ?? true;
  return {
    name: 'claims/entities',
    requires: ['layers.sentence'],
    produces: ['layers.entity'],
    run(article: Article): Article {
      const mentions = tagEntities(article.text, article.layers.sentence);
      article.layers.entity = keepOther ? mentions : mentions.filter((m) => m.type !== 'other');
      return article;
    },
  };
}

/** Default `claims/entities` stage. */
export const entitiesStage: Stage = createEntitiesStage();

const entitiesOptionsSchema = z.object({ keepOther: z.boolean().default(true) });

/** Registry factory for `claims/entities`. */
export const entitiesFactory: StageFactory<typeof entitiesOptionsSchema> = {
  name: 'claims/entities',
  version: 2,
  options: entitiesOptionsSchema,
  create: (options) => createEntitiesStage(options),
};

function isUpperCase(surface: string): boolean {
  return surface === surface.toUpperCase();
}

function isAllCaps(toks: Tok[]): boolean {
  const words = toks.filter((t) => /\p{L}{2,}/u.test(t.value));
  if (words.length < 2) return false;
  return words.filter((t) => t.value === t.value.toUpperCase()).length / words.length >= ALL_CAPS_MIN_SHARE;
}

// In capitals a dateline city ("TAMPERE") reads like any word: only names that are no common word count.
function isAllCapsGazetteerPlace(key: string): boolean {
  return key.length >= 3 && !GAZETTEER_COMMON_WORDS.has(key) && !NON_NAME_WORDS.has(key) && lookupPlace(key) !== undefined;
}

const CONLL_TO_TYPE: Record<string, EntityType | undefined> = { PER: 'person', ORG: 'organisation', LOC: 'place' };

// In an all-capitals line case says nothing, so only names known to the gazetteers are tagged (longest first).
function tagAllCaps(toks: Tok[]): Draft[] {
  const out: Draft[] = [];
  for (let i = 0; i < toks.length; ) {
    let found: Draft | undefined;
    for (let n = Math.min(MAX_LOOKUP_TOKENS, toks.length - i); n >= 1 && !found; n--) {
      const key = keyOf(toks.slice(i, i + n));
      const bare = key.replace(/\.$/, '');
      const type: EntityType | undefined = OUTLETS.has(bare)
        ? 'outlet'
        : isHandPlace(bare)
          ? 'place'
          : (CONLL_TO_TYPE[conllNames[bare] ?? ''] ?? (isAllCapsGazetteerPlace(bare) ? 'place' : undefined));
      if (type && /\p{L}{2,}/u.test(bare)) {
        const team = type === 'place' && isTeamContext(toks, i, n, bare);
        found = { start: toks[i].start, end: toks[i + n - 1].end, type: team ? 'organisation' : type, key };
        if (team) found.team = true;
      }
    }
    if (found) {
      out.push(found);
      while (i < toks.length && toks[i].start < found.end) i++;
    } else i++;
  }
  return out;
}
