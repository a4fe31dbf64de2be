/**
 * The trained entity tagger: an averaged perceptron over `features.ts`, decoded greedily left to
 * right with the two previous labels as features and IOB2 transitions enforced. Weights are trained
 * by `scripts/train-tagger.ts` on CoNLL-2003 train and shipped as `model.json.gz` beside this file,
 * read once per process on first use.
 */
import { featureTable, featureTemplate, IdPairTable } from '../feature-table.js';
import { ShippedModel } from '../shipped-model.js';
import type { Tok } from '../entities-tokens.js';
import {
  BOUNDARY_AFTER,
  BOUNDARY_BEFORE,
  CAPITALISED_IN_DOC_FEATURE,
  lineKind,
  NEIGHBOUR_POSITIONS,
  neighbourFeatures,
  pairFeature,
  posGroup,
  ruleGroup,
  shapeGroup,
  sentenceFeatures,
  shapeOf,
  wordFeatures,
  type SentenceContext,
} from './features.js';

/** IOB2 labels over the CoNLL-2003 types, in the order of the model's weight vectors. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Label = (typeof LABELS)[number];

/** The model file: quantised weights per feature as `[label index, weight, …]` pairs. */
export interface TaggerModelFile {
  format: 1;
  labels: string[];
  /** Stored weights are integers; divide by this to get the trained value. */
  scale: number;
  weights: Record<string, number[]>;
  /** How the weights were made (data, epochs, pruning), for the README and for curiosity. */
  trained: Record<string, unknown>;
}

/** Loaded weights: one dense vector over `LABELS` per feature, in the file's integer units. */
export type TaggerWeights = Map<string, Float64Array>;

const model = new ShippedModel(new URL('./model.json.gz', import.meta.url), unpackModel);

/** The shipped weights, read and unpacked on first call (a few tens of milliseconds). */
export function taggerWeights(): TaggerWeights {
  return model.get();
}

/** Uses another model file from now on (evaluation of a model trained on part of train). */
export function useTaggerModel(file: string | URL): void {
  model.use(file);
}

/** Turns a model file into dense vectors; refuses a file for other labels. */
export function unpackModel(file: TaggerModelFile): TaggerWeights {
  if (file.format !== 1 || file.labels.join() !== LABELS.join()) throw new Error(`entity tagger model: unexpected format or labels (${file.labels.join(', ')})`);
  const out: TaggerWeights = new Map();
  for (const [feature, pairs] of Object.entries(file.weights)) {
    const v = new Float64Array(LABELS.length);
    // Kept as the stored integers: a greedy decision does not depend on the scale, and integer sums are exact in any order (the cached and plain paths agree).
    for (let k = 0; k < pairs.length; k += 2) v[pairs[k]] = pairs[k + 1];
    out.set(feature, v);
  }
  return out;
}

/** Features of the labels already given to the previous two tokens (the shape is the token's `s=` feature). */
export function historyFeatures(prev: string, prev2: string, shapeFeature: string): string[] {
  return [`L-1=${prev}`, `L-2=${prev2}|${prev}`, `L-1|${shapeFeature}`];
}

/** IOB2: an inside label only continues an entity of its own type. */
export function isAllowed(prev: string, label: string): boolean {
  return label[0] !== 'I' || (prev !== 'O' && prev.slice(2) === label.slice(2));
}

/** `ALLOWED[previous][next]` over label indices (a sentence starts as after `O`, index 0). */
const ALLOWED: boolean[][] = LABELS.map((prev) => LABELS.map((label) => isAllowed(prev, label)));

/** Labels each token of a sentence (greedy, left to right). */
export function decodeSentence(weights: TaggerWeights, ctx: SentenceContext): Label[] {
  const c = cachesFor(weights);
  let ids = c.sentenceIds(ctx);
  if (!ids) {
    c.reset();
    ids = c.sentenceIds(ctx);
  }
  // A sentence with more distinct shapes or words than the caches hold is scored from its feature strings.
  return ids ? decodeCached(weights, c, ctx, ids) : decodeUncached(weights, ctx);
}

/** Greedy decoding from the feature strings themselves: the reference the cached path must equal. */
export function decodeUncached(weights: TaggerWeights, ctx: SentenceContext): Label[] {
  const out: Label[] = [];
  const scores = new Float64Array(LABELS.length);
  let prev: number = START;
  let prev2: number = START;
  sentenceFeatures(ctx).forEach((feats, i) => {
    if (!mayOpen(ctx.toks[i], prev)) {
      out.push('O');
      prev2 = prev;
      prev = 0;
      return;
    }
    scores.fill(0);
    for (const f of [...feats, ...historyFeatures(labelName(prev), labelName(prev2), feats[2])]) add(scores, weights.get(f));
    const best = bestAllowed(scores, prev);
    out.push(LABELS[best]);
    prev2 = prev;
    prev = best;
  });
  return out;
}

/**
 * Outside a name, a token that starts with neither a capital nor a digit is taken as outside without
 * scoring (names open on a capital or a figure: most tokens are skipped); inside one, every token is scored
 * ("Bank of England").
 */
function mayOpen(tok: Tok, prev: number): boolean {
  if (prev !== 0 && prev !== START) return true;
  const c = tok.value.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  const first = tok.value[0];
  return first !== first.toLowerCase();
}

function bestAllowed(scores: Float64Array, prev: number): number {
  let best = 0;
  const from = prev === START ? 0 : prev;
  for (let l = 1; l < LABELS.length; l++) if (ALLOWED[from][l] && scores[l] > scores[best]) best = l;
  return best;
}

/** Ids of what a sentence's features are made from. */
interface SentenceIds {
  kind: number;
  records: WordRecord[];
  pos: number[];
  rule: number[];
}

function decodeCached(weights: TaggerWeights, c: TaggerCaches, ctx: SentenceContext, ids: SentenceIds): Label[] {
  const { toks, capitalisedInDoc } = ctx;
  const { kind, records, pos, rule } = ids;
  const n = toks.length;
  const out: Label[] = [];
  const scores = new Float64Array(LABELS.length);
  let prev: number = START;
  let prev2: number = START;
  const words = records.map((r) => r.word);
  const shapes = records.map((r) => r.shape);
  for (let i = 0; i < n; i++) {
    if (!mayOpen(toks[i], prev)) {
      out.push('O');
      prev2 = prev;
      prev = 0;
      continue;
    }
    const rec = records[i];
    const initial = toks[i].initial ? 1 : 0;
    scores.set(rec.vector ?? c.wordVector(toks[i].value, rec));
    for (let k = 0; k < NEIGHBOUR_POSITIONS.length; k++) {
      const w = at(words, i + NEIGHBOUR_POSITIONS[k], c.boundaryWord);
      add(scores, c.group(k, w, w));
    }
    const before = at(words, i - 1, c.boundaryWord);
    const after = at(words, i + 1, c.boundaryWord);
    add(scores, c.pair(0, before, rec.word));
    add(scores, c.pair(1, rec.word, after));
    const sPrev = at(shapes, i - 1, c.boundaryShape);
    const sNext = at(shapes, i + 1, c.boundaryShape);
    // A rare shape past the keyed ids is summed without caching (it used to make every cache start afresh).
    const keyed = rec.shape < SHAPE_IDS;
    const shapesKey = keyed && sPrev < SHAPE_IDS && sNext < SHAPE_IDS ? (((kind * SHAPE_IDS + sPrev) * SHAPE_IDS + rec.shape) * SHAPE_IDS + sNext) * 2 + initial : UNCACHED;
    add(scores, c.group(GROUP_SHAPES, shapesKey, kind, sPrev, rec.shape, sNext, initial));
    const pPrev = at(pos, i - 1, c.boundaryPos);
    const pNext = at(pos, i + 1, c.boundaryPos);
    add(scores, c.group(GROUP_POS, ((pPrev * TAG_IDS + pos[i]) * TAG_IDS + pNext) * 2 + initial, pPrev, pos[i], pNext, initial));
    const rPrev = at(rule, i - 1, c.boundaryRule);
    const rNext = at(rule, i + 1, c.boundaryRule);
    add(scores, c.group(GROUP_RULES, keyed ? ((rPrev * TAG_IDS + rule[i]) * TAG_IDS + rNext) * SHAPE_IDS + rec.shape : UNCACHED, rPrev, rule[i], rNext, rec.shape));
    if (initial && capitalisedInDoc.has(c.words.name(rec.word))) add(scores, weights.get(CAPITALISED_IN_DOC_FEATURE));
    add(scores, c.group(GROUP_HISTORY, keyed ? (prev2 * (LABELS.length + 1) + prev) * SHAPE_IDS + rec.shape : UNCACHED, prev, prev2, rec.shape));
    const best = bestAllowed(scores, prev);
    out.push(LABELS[best]);
    prev2 = prev;
    prev = best;
  }
  return out;
}

/** Feature groups cached apart (0–3 are the neighbours at NEIGHBOUR_POSITIONS; word pairs are looked up, not cached). */
const GROUP_SHAPES = 4;
const GROUP_POS = 5;
const GROUP_RULES = 6;
const GROUP_HISTORY = 7;
const GROUP_COUNT = 8;
/** Groups whose keys stay below 2^16 (neighbour words, parts of speech, label history). */
const DENSE_GROUPS = [true, true, true, true, false, true, false, true];
/** The word-pair features as builders of (left, right), before and after the token. */
const PAIR_BUILDERS = [(left: string, right: string) => pairFeature(-1, left, right), (left: string, right: string) => pairFeature(1, left, right)];

function at(ids: number[], k: number, boundary: [number, number]): number {
  return k < 0 ? boundary[0] : k >= ids.length ? boundary[1] : ids[k];
}

/** Index standing for "before the sentence" in the label history (one past the last label). */
const START = LABELS.length;

function labelName(index: number): string {
  return index === START ? BOUNDARY_BEFORE : LABELS[index];
}

// One array type throughout keeps this loop monomorphic (mixing Float32Array and Float64Array made it the slowest line).
function add(scores: Float64Array, v: Float64Array | undefined): void {
  if (v) for (let l = 0; l < v.length; l++) scores[l] += v[l];
}

// Ids are kept small enough that every cache key stays a small integer (below 2^30), which V8 hashes without boxing.
/** Words get ids below this (the neighbour caches are arrays indexed by them)… */
const WORD_IDS = 2 ** 15;
/** …shapes below this in cache keys (a key joins three, a line kind and a flag)… */
const SHAPE_IDS = 2 ** 8;
/** …while rarer shapes get ids up to this, their groups summed uncached (FNC-1 bodies pass 256 shapes every ~300 articles). */
const MAX_SHAPES = 2 ** 16;
/** A group key that asks for the sum without caching it. */
const UNCACHED = -1;
/** …and parts of speech, rule labels and line kinds below this. */
const TAG_IDS = 2 ** 5;
/** Entries a group cache keeps before starting afresh. */
const GROUP_CACHE_ENTRIES = 50_000;

/** Strings to small ids (0, 1, 2, … in order of first sight), so that keys are numbers rather than built strings. */
export class Interner {
  private readonly ids = new Map<string, number>();
  /** Every string seen, at its id. */
  readonly names: string[] = [];
  constructor(readonly limit = Infinity) {}
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
  name(id: number): string {
    return this.names[id];
  }
  get overflowed(): boolean {
    return this.names.length > this.limit;
  }
}

interface WordRecord {
  /** Summed weights of the word's own features, made when the word is first scored (most words are only neighbours). */
  vector: Float64Array | undefined;
  /** Id of the lowercase word and of its shape. */
  word: number;
  shape: number;
}

/**
 * Summed weights of feature groups, cached by the ids of what each group is made from: a word's own
 * features, a neighbour, a word pair, the shapes, parts of speech or rule labels around a token, the
 * label history. Built strings are looked up only on a miss.
 */
class TaggerCaches {
  words = new Interner(WORD_IDS);
  shapes = new Interner(MAX_SHAPES);
  pos = new Interner(TAG_IDS);
  rules = new Interner(TAG_IDS);
  kinds = new Interner(TAG_IDS);
  boundaryWord!: [number, number];
  boundaryShape!: [number, number];
  boundaryPos!: [number, number];
  boundaryRule!: [number, number];
  private records = new Map<string, WordRecord>();
  private groups: Array<Map<number, Float64Array>> = [];
  // Groups with few possible keys (neighbour words, parts of speech, label history) are arrays indexed by key: cheaper than a Map.
  private dense: Array<Array<Float64Array | undefined>> = [];
  /** The word-pair features (`PAIR_BUILDERS`) by the ids of their two words among `pairWords`, as indices in `pairVectors`. */
  private readonly pairs: IdPairTable[];
  private readonly pairVectors: Float64Array[] = [];
  private readonly pairWords = new Map<string, number>();
  /** Per interned word id, its id among `pairWords` (-1: in no pair), found on first use. */
  private pairWordOf: number[] = [];
  constructor(private readonly weights: TaggerWeights) {
    this.pairs = PAIR_BUILDERS.map((build) => {
      const table = featureTable(weights, featureTemplate(build));
      const byIds = new IdPairTable(Array.from(table.values()).reduce((n, inner) => n + inner.size, 0));
      const id = (w: string) => {
        let n = this.pairWords.get(w);
        if (n === undefined) this.pairWords.set(w, (n = this.pairWords.size));
        return n;
      };
      for (const [left, inner] of table) for (const [right, vector] of inner) byIds.set(id(left), id(right), this.pairVectors.push(vector) - 1);
      return byIds;
    });
    this.reset();
  }
  reset(): void {
    for (const key of ['words', 'shapes', 'pos', 'rules', 'kinds'] as const) this[key] = new Interner(this[key].limit);
    const both = (i: Interner): [number, number] => [i.id(BOUNDARY_BEFORE), i.id(BOUNDARY_AFTER)];
    this.boundaryWord = both(this.words);
    this.boundaryShape = both(this.shapes);
    this.boundaryPos = both(this.pos);
    this.boundaryRule = both(this.rules);
    this.records = new Map();
    this.pairWordOf = [];
    this.groups = Array.from({ length: GROUP_COUNT }, () => new Map());
    this.dense = Array.from({ length: GROUP_COUNT }, () => []);
  }
  word(value: string): WordRecord {
    let hit = this.records.get(value);
    if (!hit) {
      hit = { vector: undefined, word: this.words.id(value.toLowerCase()), shape: this.shapes.id(shapeOf(value)) };
      this.records.set(value, hit);
    }
    return hit;
  }
  /** The summed weights of the word's own features, kept on its record. */
  wordVector(value: string, record: WordRecord): Float64Array {
    return (record.vector = this.sum(wordFeatures(value)));
  }
  /**
   * The weights of the word pair (left, right) before or after the token, from the model's pair features by their
   * words: most pairs are new, and a cache of them filled up and started every group afresh.
   */
  pair(side: 0 | 1, left: number, right: number): Float64Array | undefined {
    const l = this.pairWord(left);
    const r = l < 0 ? -1 : this.pairWord(right);
    const at = r < 0 ? -1 : this.pairs[side].get(l, r);
    return at < 0 ? undefined : this.pairVectors[at];
  }
  private pairWord(word: number): number {
    let id = this.pairWordOf[word];
    if (id === undefined) this.pairWordOf[word] = id = this.pairWords.get(this.words.name(word)) ?? -1;
    return id;
  }
  /** The summed weights of one group's features, made from the ids `a`…`e` (which the key encodes). */
  group(group: number, key: number, a: number, b = 0, c = 0, d = 0, e = 0): Float64Array {
    if (key === UNCACHED) return this.sum(this.groupFeatures(group, a, b, c, d, e));
    const dense = DENSE_GROUPS[group];
    let hit = dense ? this.dense[group][key] : this.groups[group].get(key);
    if (!hit) {
      hit = this.sum(this.groupFeatures(group, a, b, c, d, e));
      if (dense) this.dense[group][key] = hit;
      else this.groups[group].set(key, hit);
    }
    return hit;
  }
  private sum(features: readonly string[]): Float64Array {
    const v = new Float64Array(LABELS.length);
    for (const f of features) add(v, this.weights.get(f));
    return v;
  }
  private groupFeatures(group: number, a: number, b: number, c: number, d: number, e: number): string[] {
    const { words, shapes, pos, rules, kinds } = this;
    switch (group) {
      case GROUP_SHAPES:
        return shapeGroup(kinds.name(a), shapes.name(b), shapes.name(c), shapes.name(d), e === 1);
      case GROUP_POS:
        return posGroup(pos.name(a), pos.name(b), pos.name(c), d === 1);
      case GROUP_RULES:
        return ruleGroup(rules.name(a), rules.name(b), rules.name(c), shapes.name(d));
      case GROUP_HISTORY:
        return historyFeatures(labelName(a), labelName(b), `s=${shapes.name(c)}`);
      default:
        return neighbourFeatures(NEIGHBOUR_POSITIONS[group], words.name(a));
    }
  }
  /** The sentence's ids, or undefined when an id ran past its limit (the caller resets and tries once more). */
  sentenceIds(ctx: SentenceContext): SentenceIds | undefined {
    if (this.records.size >= GROUP_CACHE_ENTRIES || this.groups.some((g) => g.size >= GROUP_CACHE_ENTRIES)) this.reset();
    const ids: SentenceIds = {
      kind: this.kinds.id(lineKind(ctx.toks)),
      records: ctx.toks.map((t) => this.word(t.value)),
      pos: ctx.toks.map((t) => this.pos.id(t.pos)),
      rule: ctx.rules.map((r) => this.rules.id(r)),
    };
    // Past a limit, keys would collide: the caches start afresh instead.
    return [this.words, this.shapes, this.pos, this.rules, this.kinds].some((i) => i.overflowed) ? undefined : ids;
  }
}

const caches = new WeakMap<TaggerWeights, TaggerCaches>();

function cachesFor(weights: TaggerWeights): TaggerCaches {
  let c = caches.get(weights);
  if (!c) caches.set(weights, (c = new TaggerCaches(weights)));
  return c;
}

/** A labelled span over tokens. */
export interface LabelledSpan {
  start: number;
  end: number;
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
  /** Index of the first and one past the last token in the sentence. */
  from: number;
  to: number;
}

/** Entity spans of a decoded sentence. */
export function spansOf(toks: Tok[], labels: readonly string[]): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 'O') continue;
    const type = labels[i].slice(2) as LabelledSpan['type'];
    let j = i + 1;
    while (j < labels.length && labels[j] === `I-${type}`) j++;
    out.push({ start: toks[i].start, end: toks[j - 1].end, type, from: i, to: j });
    i = j - 1;
  }
  return out;
}
