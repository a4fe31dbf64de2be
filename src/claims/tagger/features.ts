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

/** Short form of a word's look, runs cut to two: "Xxx" (Moscow), "XX" (NATO), "dd-dd-dd", "X.X.". */
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

/** Features of a word on its own (the same wherever it stands): spelling, shape, affixes, lexicons. The shape feature is third. */
export function wordFeatures(value: string): string[] {
  const w = value.toLowerCase();
  const s = shapeOf(value);
  const f = ['bias', `w=${w}`, `s=${s}`];
  for (let n = 1; n <= Math.min(MAX_AFFIX_CHARS, w.length - 1); n++) f.push(`pre=${w.slice(0, n)}`, `suf=${w.slice(-n)}`);
  for (const c of classesOf(w)) f.push(`l=${c}`, `l=${c}|${s}`);
  return f;
}

/** What the sentence tells about its tokens, computed once per sentence for `contextFeatures`. */
export interface SentenceView {
  kind: string;
  words: string[];
  shapes: string[];
}

/** Lowercase words, shapes and the kind of line of a sentence. */
export function viewSentence(toks: Tok[]): SentenceView {
  return { kind: lineKind(toks), words: toks.map((t) => t.value.toLowerCase()), shapes: toks.map((t) => shapeOf(t.value)) };
}

/** The kind of line a sentence is: running prose, a title-case headline, or capitals. */
export function lineKind(toks: Tok[]): string {
  return isAllCaps(toks) ? 'caps' : isTitleCase(toks) ? 'title' : 'prose';
}

/** Features of a neighbouring word, by its position (-2, -1, +1, +2). */
export function neighbourFeatures(position: number, word: string): string[] {
  const tag = position < 0 ? `${position}` : `+${position}`;
  const f = [`w${tag}=${word}`];
  if (Math.abs(position) === 1 && word !== BOUNDARY_BEFORE && word !== BOUNDARY_AFTER) for (const c of classesOf(word)) f.push(`l${tag}=${c}`);
  return f;
}

/** Stand-ins for the word, shape, part of speech or label before the first token and after the last. */
export const BOUNDARY_BEFORE = '<s>';
export const BOUNDARY_AFTER = '</s>';
/** Position of each neighbour the features look at. */
export const NEIGHBOUR_POSITIONS = [-2, -1, 1, 2] as const;
/** A sentence opener the article also writes capitalised elsewhere. */
export const CAPITALISED_IN_DOC_FEATURE = 'init|capdoc';

// The context features come in groups, each made from a few strings, so that the tagger can cache a group's summed weights by them.

/** Shapes around the token and the kind of line. */
export function shapeGroup(kind: string, sPrev: string, s: string, sNext: string, initial: boolean): string[] {
  const f = [`k=${kind}|${s}`, `s-1=${sPrev}|${s}`, `s+1=${s}|${sNext}`];
  if (initial) f.push(`init|s=${s}`);
  return f;
}

/** Parts of speech around the token. */
export function posGroup(pPrev: string, p: string, pNext: string, initial: boolean): string[] {
  const f = [`p=${p}`, `p-1=${pPrev}|${p}`, `p+1=${p}|${pNext}`];
  if (initial) f.push(`init|p=${p}`);
  return f;
}

/** The rule tagger's labels around the token, and its own with its shape. */
export function ruleGroup(rPrev: string, r: string, rNext: string, s: string): string[] {
  return [`r=${r}`, `r|s=${r}|${s}`, `r-1=${rPrev}`, `r+1=${rNext}`];
}

/** The word pair before (`side` -1) or after (+1) the token. */
export function pairFeature(side: -1 | 1, left: string, right: string): string {
  return side < 0 ? `w-1|w=${left}|${right}` : `w|w+1=${left}|${right}`;
}

/** Features of token `i` that depend on where it stands: neighbours, part of speech, the rules' reading, the kind of line. */
export function contextFeatures(ctx: SentenceContext, view: SentenceView, i: number): string[] {
  const { toks, rules, capitalisedInDoc } = ctx;
  const { kind, words, shapes } = view;
  const at = (a: string[], k: number) => (k < 0 ? BOUNDARY_BEFORE : k >= a.length ? BOUNDARY_AFTER : a[k]);
  const pos = toks.map((t) => t.pos);
  const initial = toks[i].initial;
  const f = [
    ...NEIGHBOUR_POSITIONS.flatMap((d) => neighbourFeatures(d, at(words, i + d))),
    pairFeature(-1, at(words, i - 1), words[i]),
    pairFeature(1, words[i], at(words, i + 1)),
    ...shapeGroup(kind, at(shapes, i - 1), shapes[i], at(shapes, i + 1), initial),
    ...posGroup(at(pos, i - 1), pos[i], at(pos, i + 1), initial),
    ...ruleGroup(at(rules, i - 1), rules[i], at(rules, i + 1), shapes[i]),
  ];
  if (initial && capitalisedInDoc.has(words[i])) f.push(CAPITALISED_IN_DOC_FEATURE);
  return f;
}

/** All static features of every token of a sentence, word features first (training reads them this way). */
export function sentenceFeatures(ctx: SentenceContext): string[][] {
  const view = viewSentence(ctx.toks);
  return ctx.toks.map((tok, i) => [...wordFeatures(tok.value), ...contextFeatures(ctx, view, i)]);
}

function isCapitalised(word: string): boolean {
  const c = word[0];
  return c !== undefined && c.toLowerCase() !== c;
}

function isUpper(word: string): boolean {
  return word === word.toUpperCase();
}
