/**
 * The trained attribution tagger: an averaged perceptron over `features.ts` labelling wink tokens as the
 * SOURCE or CUE of an attribution (BIO), decoded greedily left to right with the two previous labels as
 * features. Weights are trained by `scripts/train-attribution.ts` on PolNeAR train and shipped as
 * `model.json.gz` beside this file, read once per process on first use.
 */
import { featureTable, featureTemplate, IdPairTable } from '../feature-table.js';
import { ShippedModel } from '../shipped-model.js';
import type { WinkToken } from '../../nlp/wink.js';
import {
  AFTER,
  BEFORE,
  distances,
  historyFeatures,
  NEIGHBOURS,
  neighbourFeature,
  pairAfter,
  pairBefore,
  placeGroup,
  posGroup,
  ruleGroup,
  sentenceFeatures,
  fillTokenArgs,
  tokenArgs,
  verbFeature,
  wordFeatures,
  type SentenceInput,
  type TokenArgs,
} from './features.js';

/**
 * IO labels over source and cue spans, in the order of the model's weight vectors. No B- labels: with greedy
 * decoding an inside label after a missed start would be unreachable, and adjacent spans of one kind are rare.
 */
export const LABELS = ['O', 'SRC', 'CUE'] as const;
export type Label = (typeof LABELS)[number];

/** Stored weights are integers in these units of a trained weight. */
export const WEIGHT_SCALE = 100;

/** The model file: quantised weights per feature as `[label index, weight, …]` pairs. */
export interface AttributionModelFile {
  format: 1;
  labels: string[];
  /** Stored weights are integers; divide by this to get the trained value. */
  scale: number;
  weights: Record<string, number[]>;
  /** How the weights were made (data, epochs, pruning). */
  trained: Record<string, unknown>;
}

/**
 * Loaded weights, in the file's integer units: one flat array holding a vector over `LABELS` per feature and
 * each feature's offset in it (one array rather than a vector object per feature keeps the heap small for the GC).
 */
export class AttributionWeights {
  private readonly tables = new Map<(x: string, y: string) => string, Map<string, Map<string, number>>>();
  constructor(
    private readonly index: Map<string, number>,
    readonly values: Float64Array,
  ) {}
  /** The feature's vector, or undefined for a feature the model does not know. */
  get(feature: string): Float64Array | undefined {
    const at = this.index.get(feature);
    return at === undefined ? undefined : this.values.subarray(at, at + LABELS.length);
  }
  /** The feature's offset in `values`, or -1 for a feature the model does not know. */
  offset(feature: string): number {
    return this.index.get(feature) ?? -1;
  }
  get size(): number {
    return this.index.size;
  }
  /** The offsets of the features `build(x, y)` by x and y (see `featureTable`), made once per model and builder. */
  table(build: (x: string, y: string) => string): Map<string, Map<string, number>> {
    let table = this.tables.get(build);
    if (!table) this.tables.set(build, (table = featureTable(this.index, featureTemplate(build))));
    return table;
  }
}

const model = new ShippedModel(new URL('./model.json.gz', import.meta.url), unpackModel);

/** The shipped weights, read and unpacked on first call. */
export function attributionWeights(): AttributionWeights {
  return model.get();
}

/** Uses another model file from now on (evaluation of a model trained on part of train). */
export function useAttributionModel(file: string | URL): void {
  model.use(file);
}

/** Turns a model file into dense vectors; refuses a file for other labels. */
export function unpackModel(file: AttributionModelFile): AttributionWeights {
  if (file.format !== 1 || file.scale !== WEIGHT_SCALE || file.labels.join() !== LABELS.join()) throw new Error(`attribution model: unexpected format or labels (${file.labels.join(', ')})`);
  const entries = Object.entries(file.weights);
  const index = new Map<string, number>();
  const values = new Float64Array(entries.length * LABELS.length);
  entries.forEach(([feature, pairs], n) => {
    const at = n * LABELS.length;
    for (let k = 0; k < pairs.length; k += 2) values[at + pairs[k]] = pairs[k + 1];
    index.set(feature, at);
  });
  return new AttributionWeights(index, values);
}

/** Index standing for "before the sentence" in the label history. */
export const START = LABELS.length;
export function labelName(index: number): string {
  return index === START ? '<s>' : LABELS[index];
}

function add(scores: Float64Array, v: Float64Array | undefined): void {
  if (v) for (let l = 0; l < v.length; l++) scores[l] += v[l];
}

/** The neighbour features as builders of (ignored, word), one function each so that their tables are made once. */
const NEIGHBOUR_BUILDERS = NEIGHBOURS.map((k) => (_: string, word: string) => neighbourFeature(k, word));

/** Adds the vector at `at` in `values` (-1 or undefined: a feature the model does not know). */
function addAt(scores: Float64Array, values: Float64Array, at: number | undefined): void {
  if (at !== undefined && at >= 0) for (let l = 0; l < LABELS.length; l++) scores[l] += values[at + l];
}

/**
 * Tokens taken as outside without scoring: punctuation, and words inside a quotation, where the rules take no cue
 * either (a quote's words are what is said); this spares a third of the work.
 */
export function skipped(s: SentenceInput, i: number): boolean {
  return s.inQuote[i] || s.tokens[i].pos === 'PUNCT';
}

/** Labels each token of a sentence (greedy, left to right). */
export function decodeSentence(weights: AttributionWeights, s: SentenceInput): Label[] {
  let c = caches.get(weights);
  if (!c || c.full) caches.set(weights, (c = new Caches(weights)));
  const d = distances(s);
  const scores = new Float64Array(LABELS.length);
  const out: Label[] = [];
  let prev: number = START;
  let prev2: number = START;
  const a = tokenArgs(s, 0, d);
  const n = s.tokens.length;
  const words = c.wordIds(s.tokens);
  const tags = c.posIds(s.tokens);
  const values = c.values;
  for (let i = 0; i < n; i++) {
    const t = s.tokens[i];
    if (skipped(s, i)) {
      out.push('O');
      prev2 = prev;
      prev = 0;
      continue;
    }
    fillTokenArgs(a, s, i, d);
    const pos = tags[i];
    scores.set(c.word(t, pos));
    for (let k = 0; k < NEIGHBOURS.length; k++) {
      const w = at(words, i + NEIGHBOURS[k], c.wordBefore, c.wordAfter);
      if (w >= 0) addAt(scores, values, c.neighbours[k][w]);
    }
    const before = at(words, i - 1, c.wordBefore, c.wordAfter);
    const after = at(words, i + 1, c.wordBefore, c.wordAfter);
    if (words[i] >= 0) {
      if (before >= 0) addAt(scores, values, c.pairsBefore.get(before, words[i]));
      if (after >= 0) addAt(scores, values, c.pairsAfter.get(words[i], after));
    }
    c.posGroup(scores, tags, i, a);
    add(scores, c.ruleGroup(a, pos));
    add(scores, c.placeGroup(a, pos));
    add(scores, c.verb(a, pos));
    add(scores, c.history(prev, prev2, pos, a));
    let best = 0;
    for (let l = 1; l < LABELS.length; l++) if (scores[l] > scores[best]) best = l;
    out.push(LABELS[best]);
    prev2 = prev;
    prev = best;
  }
  return out;
}

/** Id at `k` in a sentence's ids, or the boundary's past either end. */
function at(ids: Int32Array, k: number, before: number, after: number): number {
  return k < 0 ? before : k >= ids.length ? after : ids[k];
}

/** Decoding from the feature strings themselves: the reference the cached decoding must equal. */
export function decodeUncached(weights: AttributionWeights, s: SentenceInput): Label[] {
  const feats = sentenceFeatures(s);
  const scores = new Float64Array(LABELS.length);
  const out: Label[] = [];
  let prev: number = START;
  let prev2: number = START;
  for (let i = 0; i < s.tokens.length; i++) {
    if (skipped(s, i)) {
      out.push('O');
      prev2 = prev;
      prev = 0;
      continue;
    }
    scores.fill(0);
    for (const f of [...feats[i], ...historyFeatures(labelName(prev), labelName(prev2), s.tokens[i].pos)]) add(scores, weights.get(f));
    let best = 0;
    for (let l = 1; l < LABELS.length; l++) if (scores[l] > scores[best]) best = l;
    out.push(LABELS[best]);
    prev2 = prev;
    prev = best;
  }
  return out;
}

/** Ids of the small vocabularies (parts of speech, rule roles, buckets) stay below these bit widths in cache keys. */
const POS_BITS = 32;
const SMALL = 16;
/** Past this many words or cached vectors the caches start afresh (keys stay small integers, memory stays bounded). */
const MAX_ENTRIES = 200_000;

/**
 * Summed weights of each feature group, cached by small integer keys made from the ids of what the group
 * reads (words, parts of speech, rule roles, distance buckets), so that a token costs a few integer look-ups
 * instead of building and hashing two dozen strings; the strings are built only on a miss. Neighbour words and
 * word pairs, where most keys are new, are looked up in tables of the model's own features by the words themselves.
 */
class Caches {
  private readonly ids = new Map<string, number>();
  private readonly small = new Map<string, number>();
  private readonly pos = new Map<string, number>();
  private readonly words = new Map<string, Array<{ lemma: string; vector: Float64Array } | undefined>>();
  private readonly groups = Array.from({ length: GROUP_COUNT }, () => new Map<number, Float64Array>());
  /** Summed weights per part-of-speech trigram (`POS_TRIGRAMS`), indexed by its three ids. */
  private readonly posTrigrams: Array<Array<Float64Array | undefined>> = POS_TRIGRAMS.map(() => []);
  /** Part-of-speech ids of the boundaries past either end (set on first use; -1 before). */
  private posBefore = -1;
  private posAfter = -1;
  private entries = 0;
  readonly values: Float64Array;
  /** Ids of the words the model's neighbour and pair features hold (a word the model never saw there has none: -1). */
  private readonly modelWords = new Map<string, number>();
  readonly wordBefore: number;
  readonly wordAfter: number;
  /** Per neighbour position (`NEIGHBOURS`), the offset in `values` of each word id's feature (-1: none). */
  readonly neighbours: Int32Array[];
  /** Offsets of the pairs (word before, word) and (word, word after), by the two words' ids. */
  readonly pairsBefore: IdPairTable;
  readonly pairsAfter: IdPairTable;
  constructor(private readonly weights: AttributionWeights) {
    this.values = weights.values;
    const neighbours = NEIGHBOURS.map((_, k) => weights.table(NEIGHBOUR_BUILDERS[k]).get('') ?? new Map<string, number>());
    const pairs = [weights.table(pairBefore), weights.table(pairAfter)];
    const id = (w: string) => {
      let n = this.modelWords.get(w);
      if (n === undefined) this.modelWords.set(w, (n = this.modelWords.size));
      return n;
    };
    for (const table of neighbours) for (const w of table.keys()) id(w);
    for (const table of pairs) for (const [x, inner] of table) for (const y of inner.keys()) id(x), id(y);
    this.wordBefore = this.modelWords.get(BEFORE) ?? -1;
    this.wordAfter = this.modelWords.get(AFTER) ?? -1;
    this.neighbours = neighbours.map((table) => {
      const offsets = new Int32Array(this.modelWords.size).fill(-1);
      for (const [w, at] of table) offsets[id(w)] = at;
      return offsets;
    });
    [this.pairsBefore, this.pairsAfter] = pairs.map((table) => {
      const byIds = new IdPairTable(Array.from(table.values()).reduce((n, inner) => n + inner.size, 0));
      for (const [x, inner] of table) for (const [y, at] of inner) byIds.set(id(x), id(y), at);
      return byIds;
    });
  }
  /** Each token's model word id (-1: none), looked up once per token rather than once per position that reads it. */
  wordIds(tokens: readonly WinkToken[]): Int32Array {
    const out = new Int32Array(tokens.length);
    for (let k = 0; k < tokens.length; k++) out[k] = this.modelWords.get(tokens[k].normal) ?? -1;
    return out;
  }
  /** Each token's part-of-speech id. */
  posIds(tokens: readonly WinkToken[]): Int32Array {
    const out = new Int32Array(tokens.length);
    for (let k = 0; k < tokens.length; k++) out[k] = this.posId(tokens[k].pos);
    return out;
  }
  get full(): boolean {
    return this.entries > MAX_ENTRIES || this.ids.size > MAX_ENTRIES || this.pos.size >= POS_BITS || this.small.size > SMALL;
  }
  wordId(w: string): number {
    let id = this.ids.get(w);
    if (id === undefined) this.ids.set(w, (id = this.ids.size));
    return id;
  }
  posId(p: string): number {
    let id = this.pos.get(p);
    if (id === undefined) this.pos.set(p, (id = this.pos.size));
    return id % POS_BITS;
  }
  private code(v: string): number {
    let id = this.small.get(v);
    if (id === undefined) this.small.set(v, (id = this.small.size));
    return id % SMALL;
  }
  private sum(features: readonly string[]): Float64Array {
    const v = new Float64Array(LABELS.length);
    for (const f of features) addAt(v, this.values, this.weights.offset(f));
    this.entries++;
    return v;
  }
  /** A group's vector from its cache; on a miss, from its feature strings (no closure per call: this runs for every token). */
  private cached(group: number, key: number, a: TokenArgs, prev = 0, prev2 = 0): Float64Array {
    let v = this.groups[group].get(key);
    if (!v) this.groups[group].set(key, (v = this.sum(groupFeatures(group, a, prev, prev2))));
    return v;
  }
  word(t: WinkToken, pos: number): Float64Array {
    let byPos = this.words.get(t.value);
    if (!byPos) this.words.set(t.value, (byPos = []));
    const hit = byPos[pos];
    if (hit && hit.lemma === t.lemma) return hit.vector;
    const vector = this.sum(wordFeatures(t));
    if (!hit) byPos[pos] = { lemma: t.lemma, vector };
    return vector;
  }
  /**
   * The parts of speech from two before to two after token `i` (`a.pos`), as the sums of its three trigrams' features
   * (`POS_TRIGRAMS`): five tags in a row are mostly new, three rarely. Weights are integers, so the sums are exact.
   */
  posGroup(scores: Float64Array, tags: Int32Array, i: number, a: TokenArgs): void {
    if (this.posBefore < 0) [this.posBefore, this.posAfter] = [this.posId(BEFORE), this.posId(AFTER)];
    let key = at(tags, i - 2, this.posBefore, this.posAfter) * POS_BITS + at(tags, i - 1, this.posBefore, this.posAfter);
    for (let g = 0; g < POS_TRIGRAMS.length; g++) {
      // The trigram from i - 2 + g: the last key's two later tags and the next one.
      key = (key % POS_BITS ** 2) * POS_BITS + at(tags, i + g, this.posBefore, this.posAfter);
      let v = this.posTrigrams[g][key];
      if (!v) this.posTrigrams[g][key] = v = this.sum(POS_TRIGRAMS[g].map((k) => groupFeatures(GROUP_POS, a, 0, 0)[k]));
      add(scores, v);
    }
  }
  ruleGroup(a: TokenArgs, pos: number): Float64Array {
    const key = ((((this.code(a.rule[0]) * SMALL + this.code(a.rule[1])) * SMALL + this.code(a.rule[2])) * POS_BITS + pos) * SMALL + this.code(a.ruleRight)) * SMALL + this.code(a.ruleLeft);
    return this.cached(GROUP_RULE, key, a);
  }
  placeGroup(a: TokenArgs, pos: number): Float64Array {
    const key =
      ((((((this.code(a.quote) * SMALL + this.code(a.lexRight)) * SMALL + this.code(a.lexLeft)) * SMALL + this.code(a.position)) * SMALL + this.code(a.paragraph)) * SMALL + this.code(a.end)) * POS_BITS) + pos;
    return this.cached(GROUP_PLACE, key, a);
  }
  verb(a: TokenArgs, pos: number): Float64Array {
    return this.cached(GROUP_VERB, this.wordId(a.verb) * POS_BITS + pos, a);
  }
  history(prev: number, prev2: number, pos: number, a: TokenArgs): Float64Array {
    return this.cached(GROUP_HISTORY, (prev * (START + 1) + prev2) * POS_BITS + pos, a, prev, prev2);
  }
}

/**
 * Which of `posGroup`'s five features each trigram of tags around the token holds: (-2, -1, 0), (-1, 0, +1), (0, +1, +2).
 * The cached decoding is tested against the plain one, which would catch a feature moved out of its trigram.
 */
const POS_TRIGRAMS = [[0, 2], [1, 3], [4]] as const;

const GROUP_POS = 0;
const GROUP_RULE = 1;
const GROUP_PLACE = 2;
const GROUP_VERB = 3;
const GROUP_HISTORY = 4;
const GROUP_COUNT = 5;

function groupFeatures(group: number, a: TokenArgs, prev: number, prev2: number): readonly string[] {
  switch (group) {
    case GROUP_POS:
      return posGroup(a.pos);
    case GROUP_RULE:
      return ruleGroup(a.rule, a.pos[2], a.ruleRight, a.ruleLeft);
    case GROUP_PLACE:
      return placeGroup(a, a.pos[2]);
    case GROUP_VERB:
      return [verbFeature(a.verb, a.pos[2])];
    default:
      return historyFeatures(labelName(prev), labelName(prev2), a.pos[2]);
  }
}

const caches = new WeakMap<AttributionWeights, Caches>();

/** A tagged span over a sentence's tokens. */
export interface TaggedSpan {
  kind: 'SRC' | 'CUE';
  start: number;
  end: number;
  /** Index of the first and one past the last token in the sentence. */
  from: number;
  to: number;
}

/** Source and cue spans of a decoded sentence. */
export function spansOf(tokens: readonly WinkToken[], labels: readonly Label[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 'O') continue;
    const kind = labels[i] as TaggedSpan['kind'];
    let j = i + 1;
    while (j < labels.length && labels[j] === kind) j++;
    out.push({ kind, start: tokens[i].start, end: tokens[j - 1].end, from: i, to: j });
    i = j - 1;
  }
  return out;
}
