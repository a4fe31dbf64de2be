/**
 * Features of one token for the trained entity tagger: the word, its shape and affixes, its
 * neighbours, wink's part of speech, membership of the hand lexicons and the GeoNames gazetteer,
 * and what the rule tagger made of it. Training (`scripts/train-tagger.ts`) and tagging share it,
 * so a feature means the same thing in both.
 */
import { isTitleCase, isAllCaps, type Tok } from '../entities-tokens.js';
import {
  CITIES,
  COUNTRIES_AND_REGIONS,
  DEMONYMS,
  FIRST_NAMES,
  GAZETTEER_COMMON_WORDS,
  MATCH_VERBS,
  MONTHS,
  NON_NAME_WORDS,
  ORG_HEADS,
  OUTLETS,
  PERSON_TITLE_HEADS,
  PERSON_TITLES,
  PLACE_HEADS,
  UNIT_HEADS,
  WEEKDAYS,
} from '../lexicon/entities.js';
import { lookupPlace } from '../lexicon/places.js';
import type { EntityMention } from '../types.js';

/** Longest prefix and suffix taken as features. */
const MAX_AFFIX_CHARS = 4;
/** Shapes are cut to this many character classes ("Xxxxx…" and "Xxxxxxxx" meet). */
const MAX_SHAPE_CHARS = 5;

/** What the tagger knows about one sentence besides its tokens. */
export interface SentenceContext {
  toks: Tok[];
  /** Rule-tagger label per token: `B-person`, `I-place`, … or `O`. */
  rules: string[];
  /** Lowercase words the article writes capitalised away from a sentence start. */
  capitalisedInDoc: ReadonlySet<string>;
}

/** Rule labels per token of each sentence, from the rule tagger's mentions over the same tokens. */
export function ruleLabels(sentences: Tok[][], mentions: EntityMention[]): string[][] {
  let m = 0;
  return sentences.map((toks) =>
    toks.map((tok) => {
      while (m < mentions.length && mentions[m].end <= tok.start) m++;
      const hit = mentions[m];
      if (!hit || hit.start >= tok.end) return 'O';
      return `${tok.start <= hit.start ? 'B' : 'I'}-${hit.type}`;
    }),
  );
}

/** Lowercase words written capitalised somewhere other than a sentence start (a name, not a sentence opener). */
export function capitalisedWords(sentences: Tok[][]): Set<string> {
  const out = new Set<string>();
  for (const toks of sentences) for (const tok of toks) if (!tok.initial && isCapitalised(tok.value) && !isUpper(tok.value)) out.add(tok.normal);
  return out;
}

/** Short form of a word's look: "Xxxxx", "XX", "dd-dd", "X.X.". */
export function shapeOf(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    const c = ch >= '0' && ch <= '9' ? 'd' : ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch;
    run = c === last ? run + 1 : 1;
    last = c;
    // Runs longer than two collapse, so word length matters little.
    if (run <= 2) out += c;
    if (out.length >= MAX_SHAPE_CHARS * 2) break;
  }
  return out;
}

/** Lexicon and gazetteer classes of a lowercased word (a few short codes). */
function lexiconClasses(w: string): string[] {
  const out: string[] = [];
  if (FIRST_NAMES.has(w)) out.push('fn');
  if (COUNTRIES_AND_REGIONS.has(w) || COUNTRIES_AND_REGIONS.has(`${w}.`)) out.push('cty');
  if (CITIES.has(w)) out.push('city');
  if (DEMONYMS.has(w)) out.push('dem');
  if (ORG_HEADS.has(w)) out.push('orgh');
  if (PLACE_HEADS.has(w)) out.push('plh');
  if (UNIT_HEADS.has(w)) out.push('unith');
  if (PERSON_TITLE_HEADS.has(w)) out.push('titleh');
  else if (PERSON_TITLES.has(w)) out.push('title');
  if (OUTLETS.has(w)) out.push('outlet');
  if (NON_NAME_WORDS.has(w)) out.push('nonname');
  if (GAZETTEER_COMMON_WORDS.has(w)) out.push('common');
  if (MATCH_VERBS.has(w)) out.push('match');
  if (MONTHS.has(w) || WEEKDAYS.has(w)) out.push('time');
  if (w.length >= 3) {
    const place = lookupPlace(w);
    // Order of magnitude of the population: a city of millions is rarely a surname.
    if (place) out.push(`gz${Math.min(7, Math.floor(Math.log10(Math.max(place.population, 1))))}`);
  }
  return out;
}

// Lexicon lookups repeat for common words; a cache keeps them to one per distinct word.
const classCache = new Map<string, string[]>();
const CLASS_CACHE_ENTRIES = 50_000;

function classesOf(w: string): string[] {
  let hit = classCache.get(w);
  if (!hit) {
    if (classCache.size >= CLASS_CACHE_ENTRIES) classCache.clear();
    hit = lexiconClasses(w);
    classCache.set(w, hit);
  }
  return hit;
}

/** The static features of every token of a sentence (label history is added while decoding). */
export function sentenceFeatures(ctx: SentenceContext): string[][] {
  const { toks, rules, capitalisedInDoc } = ctx;
  const titleCase = isTitleCase(toks);
  const allCaps = isAllCaps(toks);
  const sentenceKind = allCaps ? 'caps' : titleCase ? 'title' : 'prose';
  const words = toks.map((t) => t.value.toLowerCase());
  const shapes = toks.map((t) => shapeOf(t.value));
  const at = (a: string[], i: number) => (i < 0 ? '<s>' : i >= a.length ? '</s>' : a[i]);
  return toks.map((tok, i) => {
    const w = words[i];
    const s = shapes[i];
    const f = [
      'bias',
      `w=${w}`,
      `s=${s}`,
      `p=${tok.pos}`,
      `k=${sentenceKind}|${s}`,
      `w-1=${at(words, i - 1)}`,
      `w+1=${at(words, i + 1)}`,
      `w-2=${at(words, i - 2)}`,
      `w+2=${at(words, i + 2)}`,
      `s-1=${at(shapes, i - 1)}|${s}`,
      `s+1=${s}|${at(shapes, i + 1)}`,
      `p-1=${toks[i - 1]?.pos ?? '<s>'}|${tok.pos}`,
      `p+1=${tok.pos}|${toks[i + 1]?.pos ?? '</s>'}`,
      `r=${rules[i]}`,
      `r|s=${rules[i]}|${s}`,
      `r-1=${at(rules, i - 1)}`,
      `r+1=${at(rules, i + 1)}`,
      `w-1|w=${at(words, i - 1)}|${w}`,
      `w|w+1=${w}|${at(words, i + 1)}`,
    ];
    for (let n = 1; n <= Math.min(MAX_AFFIX_CHARS, w.length - 1); n++) f.push(`pre=${w.slice(0, n)}`, `suf=${w.slice(-n)}`);
    if (tok.initial) f.push(`init|s=${s}`, `init|p=${tok.pos}`);
    if (tok.initial && capitalisedInDoc.has(w)) f.push('init|capdoc');
    for (const c of classesOf(w)) f.push(`l=${c}`, `l=${c}|${s}`);
    if (i > 0) for (const c of classesOf(words[i - 1])) f.push(`l-1=${c}`);
    if (i + 1 < toks.length) for (const c of classesOf(words[i + 1])) f.push(`l+1=${c}`);
    return f;
  });
}

function isCapitalised(word: string): boolean {
  const c = word[0];
  return c !== undefined && c.toLowerCase() !== c;
}

function isUpper(word: string): boolean {
  return word === word.toUpperCase();
}
