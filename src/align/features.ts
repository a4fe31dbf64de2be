/**
 * What a figure counts: the class of thing, the subject ("North Korean"), the scope that narrows it
 * (first group, one battalion, officers, a region, in training, by December) and whether it is a
 * total. Read from a short window around the quantity, so words later in the sentence do not leak in.
 */
import type { Article } from '../core/article.js';
import type { Span } from '../core/span.js';
import type { Claim, EntityMention, QuantityMention } from '../claims/types.js';
import { COUNTRIES_AND_REGIONS, DEMONYMS } from '../claims/lexicon/entities.js';
import { lookupPlace } from '../claims/lexicon/places.js';
import { tokenize } from '../nlp/wink.js';
import { CURRENCY_SYMBOLS, CURRENCY_WORDS } from '../claims/lexicon/quantities.js';
import {
  COMPASS_WORDS,
  FORMATION_NOUNS,
  GROUP_NOUNS,
  GROUP_ORDINALS,
  NOT_ALIGNED_UNITS,
  PLACE_PREPOSITIONS,
  PREDICATE_CLASSES,
  REGION_HEADS,
  ROLE_NOUNS,
  ROLE_WORDS,
  SCOPE_STOPS,
  STAGE_STEMS,
  THING_CLASSES,
  TOTAL_MARKERS,
  UNTIL_PATTERN,
} from './lexicon.js';
import type { NumberValue } from './values.js';

const MONEY_AND_SHARE_UNITS: ReadonlySet<string> = new Set(['percent', ...Object.values(CURRENCY_SYMBOLS), ...Object.values(CURRENCY_WORDS)]);

/** Words after the counted noun read for scope (a place, a stage, a predicate). */
const POST_WINDOW_WORDS = 10;
/** Words before the number read for a group, a formation or a total marker. */
const PRE_WINDOW_WORDS = 14;
const ANAPHORIC_START = /^(?:it|they|this|these|the\s+(?:unit|group|battalion|brigade|force|contingent|formation))\b/i;

/** The parts of a proposition key that narrow what a figure counts. */
export interface Scope {
  /** One part of a sequence: "first", "second", "next". */
  group?: string;
  /** A formation the count is inside: "battalion", "brigade". */
  formation?: string;
  /** A subset by role: "officers", "special forces". */
  role?: string;
  /** Other modifiers of the counted noun: "landing", "escort". */
  kind?: string;
  /** A sub-national place: "Kursk". */
  place?: string;
  /** "training" or "front". */
  stage?: string;
  /** A time bound: "by December". */
  until?: string;
}

export const SCOPE_DIMENSIONS = ['group', 'formation', 'role', 'kind', 'place', 'stage', 'until'] as const;

/** What one figure claim counts, and its value. */
export interface FigureFeatures {
  /** Class of the counted thing, with the toll predicate when there is one: "personnel", "people:killed". */
  thing: string;
  thingLabel: string;
  /** Normalised subject ("north korean"), when the noun phrase names one. */
  subject?: string;
  subjectLabel?: string;
  scope: Scope;
  /** The figure is explicitly the whole ("a total of", "in total"). */
  total: boolean;
  value: NumberValue;
}

interface Layers {
  quantity?: QuantityMention[];
  entity?: EntityMention[];
  sentence?: Span[];
}

/** Reads what a quantity claim counts; undefined for claims without a counted figure. */
export function figureFeatures(article: Article, claim: Claim): FigureFeatures | undefined {
  const layers = article.layers as Layers;
  const q = claim.quantity === undefined ? undefined : layers.quantity?.[claim.quantity];
  // Ages ("-year") and compound adjectives ("-metre") are descriptions, not counts.
  if (!q?.unit || q.unit.startsWith('-') || NOT_ALIGNED_UNITS.has(q.unit.split(' ').pop()!)) return undefined;
  const text = article.text;
  // Sums and shares say what they measure only through a noun next to them (a deal, a fine, the turnout).
  if (MONEY_AND_SHARE_UNITS.has(q.unit)) return sumFeatures(text, claim, q);
  const unitEnd = q.unitSpan && q.unitSpan.start >= q.end ? q.unitSpan.end : q.end;
  const pre = preWindow(text, claim, q.start);
  const post = postWindow(text, claim, unitEnd);
  const np = q.unitSpan && q.unitSpan.start >= q.end ? text.slice(q.end, q.unitSpan.start) : '';

  const { thing, thingLabel, roleNoun } = classify(q.unit, `${lastWords(pre, 5)} ${post}`);
  const scope: Scope = {};
  const npWords = np.trim().split(/\s+/).filter(Boolean);
  const capitalised = npWords.filter((w) => /^\p{Lu}/u.test(w));
  const modifiers = npWords.filter((w) => /^\p{Ll}/u.test(w)).map((w) => w.toLowerCase());
  const kept = modifiers.filter((w) => !isFiller(w));
  const human = thing.startsWith('personnel') || thing.startsWith('people');
  if (roleNoun) scope.role = q.unit;
  if (human && kept.some((w) => ROLE_WORDS.has(w))) scope.role = kept.join(' ');
  else if (kept.length) scope.kind = kept.join(' ');

  const group = findGroup(pre);
  if (group) scope.group = group;
  const formation = findFormation(clauseBefore(text, claim, q.start)) ?? (ANAPHORIC_START.test(text.slice(claim.start, claim.start + 20)) ? findFormation(previousSentence(text, layers, claim)) : undefined);
  if (formation) scope.formation = formation;
  const place = findPlace(post, layers.entity ?? [], text, unitEnd);
  if (place) scope.place = place;
  const stage = findStage(post);
  if (stage) scope.stage = stage;
  const until = UNTIL_PATTERN.exec(post)?.[1]?.toLowerCase();
  if (until) scope.until = until;

  const features: FigureFeatures = {
    thing,
    thingLabel,
    scope,
    total: TOTAL_MARKERS.test(lastWords(pre, 4)) || TOTAL_MARKERS.test(post),
    value: { kind: 'number', value: q.value, approx: q.approx, unit: q.unit, ...(q.low !== undefined ? { low: q.low } : {}), ...(q.high !== undefined ? { high: q.high } : {}) },
  };
  const subject = subjectOf(capitalised, pre);
  if (subject) {
    features.subject = subject.toLowerCase().replace(/['’]s$/, '');
    features.subjectLabel = subject.replace(/['’]s$/, '');
  }
  return features;
}

/**
 * A sum or a share keyed by what it is for: the first noun after it ("a $5bn aid package", "£2m in damages"),
 * else the noun it is "of" ("a fine of $5m", "a turnout of 64 percent"). Without one it is not aligned.
 */
function sumFeatures(text: string, claim: Span, q: QuantityMention): FigureFeatures | undefined {
  const end = q.unitSpan && q.unitSpan.start >= q.end ? q.unitSpan.end : q.end;
  const after = tokenize(text.slice(end, Math.min(claim.end, end + 60)));
  let noun: string | undefined;
  for (let k = 0; k < Math.min(after.length, 5); k++) {
    const tok = after[k];
    if (tok.pos === 'NOUN') {
      // The head of a compound is its last noun ("aid package" is a package).
      while (after[k + 1]?.pos === 'NOUN') k++;
      noun = after[k].lemma.toLowerCase();
      break;
    }
    if (!['ADJ', 'ADP', 'DET', 'NUM', 'PROPN'].includes(tok.pos) || /^(?:to|that|which|who)$/i.test(tok.value)) break;
  }
  if (!noun) noun = /\b([a-z]{3,})\s+of\s+(?:about\s+|some\s+|nearly\s+|up\s+to\s+|more\s+than\s+)?$/i.exec(text.slice(Math.max(claim.start, q.start - 40), q.start))?.[1]?.toLowerCase();
  if (!noun || noun === 'total' || noun === 'sum' || noun === 'amount') return undefined;
  const share = q.unit === 'percent';
  const pre = preWindow(text, claim, q.start);
  const features: FigureFeatures = {
    thing: share ? `share:${noun}` : `money:${q.unit}:${noun}`,
    thingLabel: share ? `${noun} (%)` : `${noun} (${q.unit!.toUpperCase()})`,
    scope: {},
    total: TOTAL_MARKERS.test(lastWords(pre, 4)),
    value: { kind: 'number', value: q.value, approx: q.approx, unit: q.unit, ...(q.low !== undefined ? { low: q.low } : {}), ...(q.high !== undefined ? { high: q.high } : {}) },
  };
  const subject = subjectOf([], pre);
  if (subject) {
    features.subject = subject.toLowerCase();
    features.subjectLabel = subject;
  }
  return features;
}

/** Articles, determiners and numerals in a noun phrase say nothing about scope. */
function isFiller(word: string): boolean {
  return /^(?:the|a|an|of|more|other|some|such|those|these|its|their|his|her|our|new|extra|additional|total|estimated|reported|“|”|"|-)$/.test(word) || /^\W+$/.test(word);
}

/** Counted-thing class of a unit, narrowed by the toll predicate found in its clause. */
function classify(unit: string, context: string): { thing: string; thingLabel: string; roleNoun: boolean } {
  const lower = unit.toLowerCase();
  const roleNoun = ROLE_NOUNS.has(lower);
  const base = roleNoun ? THING_CLASSES[0] : THING_CLASSES.find((c) => c.nouns.includes(lower));
  const predicateNoun = PREDICATE_CLASSES.find((p) => p.nouns.includes(lower));
  if (predicateNoun) return { thing: `people:${predicateNoun.id}`, thingLabel: `people ${predicateNoun.label}`, roleNoun: false };
  // A toll predicate narrows any count ("students missing" is not "students protesting").
  const predicate = findPredicate(context);
  if (base) {
    if (predicate && (base.id === 'people' || base.id === 'personnel')) return { thing: `${base.id}:${predicate.id}`, thingLabel: `${base.label} ${predicate.label}`, roleNoun };
    return { thing: base.id, thingLabel: base.label, roleNoun };
  }
  if (predicate) return { thing: `unit:${lower}:${predicate.id}`, thingLabel: `${plural(lower)} ${predicate.label}`, roleNoun: false };
  return { thing: `unit:${lower}`, thingLabel: plural(lower), roleNoun: false };
}

/** One regex per predicate class, compiled once: stems matched at the start of a word. */
const PREDICATE_PATTERNS = PREDICATE_CLASSES.map((p) => ({ p, re: new RegExp(`\\b(?:${p.stems.map((s) => s.replace(/ /g, '\\s+')).join('|')})`) }));
const STAGE_PATTERNS = Object.entries(STAGE_STEMS).map(([stage, stems]) => ({ stage, re: new RegExp(`\\b(?:${stems.join('|')})`) }));

function findPredicate(context: string): (typeof PREDICATE_CLASSES)[number] | undefined {
  const lower = context.toLowerCase();
  let best: { p: (typeof PREDICATE_CLASSES)[number]; at: number } | undefined;
  for (const { p, re } of PREDICATE_PATTERNS) {
    const m = re.exec(lower);
    if (m && (!best || m.index < best.at)) best = { p, at: m.index };
  }
  return best?.p;
}

function plural(word: string): string {
  if (/(?:s|x|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** The clause before the number, at most PRE_WINDOW_WORDS words, inside the claim. */
function preWindow(text: string, claim: Span, at: number): string {
  return lastWords(clauseBefore(text, claim, at), PRE_WINDOW_WORDS);
}

/** The clause before the number inside the claim, however long ("The battalion of … is expected to number around"). */
function clauseBefore(text: string, claim: Span, at: number): string {
  const before = text.slice(claim.start, at);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('—'));
  return cut >= 0 ? before.slice(cut + 1) : before;
}

/** The words after the counted noun up to the end of its clause, at most POST_WINDOW_WORDS. */
function postWindow(text: string, claim: Span, from: number): string {
  const after = text.slice(from, Math.max(from, claim.end));
  const stop = SCOPE_STOPS.exec(after);
  const clause = stop ? after.slice(0, stop.index) : after;
  return clause.split(/\s+/).filter(Boolean).slice(0, POST_WINDOW_WORDS).join(' ');
}

function lastWords(s: string, n: number): string {
  return s.trim().split(/\s+/).slice(-n).join(' ');
}

/** "the first cadre of", "an initial deployment of", "the first 2,600": the part of a sequence counted. */
function findGroup(pre: string): string | undefined {
  const words = pre.toLowerCase().replace(/[^\p{L}\s-]/gu, ' ').split(/\s+/).filter(Boolean);
  const tail = words.slice(-4);
  if (tail.length && GROUP_ORDINALS[tail[tail.length - 1]]) return GROUP_ORDINALS[tail[tail.length - 1]];
  for (let i = tail.length - 1; i >= 0; i--) {
    if (!GROUP_NOUNS.has(tail[i])) continue;
    for (let j = i - 1; j >= Math.max(0, i - 2); j--) if (GROUP_ORDINALS[tail[j]]) return GROUP_ORDINALS[tail[j]];
  }
  return undefined;
}

/** The first formation noun of a window ("one of the formed battalions", "the battalion of … troops"). */
function findFormation(window: string | undefined): string | undefined {
  if (!window) return undefined;
  for (const w of window.toLowerCase().split(/[^\p{L}]+/u)) {
    if (FORMATION_NOUNS.has(w)) return w.replace(/s$/, '');
  }
  return undefined;
}

function previousSentence(text: string, layers: Layers, claim: Span): string | undefined {
  const sentences = layers.sentence ?? [];
  const index = sentences.findIndex((s) => s.start <= claim.start && claim.start < s.end);
  const prev = index > 0 ? sentences[index - 1] : undefined;
  return prev ? text.slice(prev.start, prev.end) : undefined;
}

/** A sub-national place after a directional preposition ("to the Kursk region", "in eastern Russia"); countries are the default frame. */
function findPlace(post: string, entities: readonly EntityMention[], text: string, offset: number): string | undefined {
  for (const m of post.matchAll(/((?:\p{Lu}[\p{L}’'-]*)(?:\s+\p{Lu}[\p{L}’'-]*)*)(?:\s+(\p{Ll}+))?/gu)) {
    const before = post.slice(0, m.index);
    const compass = /(\p{L}+)\s+$/u.exec(before)?.[1]?.toLowerCase();
    const name = m[1].replace(/['’]s$/, '');
    const lower = name.toLowerCase();
    const head = m[2]?.toLowerCase();
    const preposition = PLACE_PREPOSITIONS.test(before) || (compass !== undefined && COMPASS_WORDS.has(compass) && PLACE_PREPOSITIONS.test(before.slice(0, -compass.length - 1)));
    if (!preposition) continue;
    if (DEMONYMS.has(lower)) continue;
    const country = COUNTRIES_AND_REGIONS.has(lower);
    if (country) {
      if (compass && COMPASS_WORDS.has(compass)) return `${compass} ${name}`;
      continue;
    }
    const isPlace =
      (head !== undefined && REGION_HEADS.has(head)) ||
      entities.some((e) => e.type === 'place' && text.slice(e.start, e.end).includes(name) && e.start >= offset) ||
      lookupPlace(name) !== undefined;
    if (isPlace) return name;
  }
  return undefined;
}

function findStage(post: string): string | undefined {
  const lower = post.toLowerCase();
  return STAGE_PATTERNS.find(({ re }) => re.test(lower))?.stage;
}

/** Capitalised words of the noun phrase ("North Korean"), else a possessive before the number ("Pyongyang's"). */
function subjectOf(capitalised: readonly string[], pre: string): string | undefined {
  if (capitalised.length) return capitalised.join(' ');
  const possessive = /(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)['’]s\s*$/u.exec(pre.trim());
  return possessive?.[1];
}
