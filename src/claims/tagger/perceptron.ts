/**
 * The trained entity tagger: an averaged perceptron over `features.ts`, decoded greedily left to
 * right with the two previous labels as features and IOB2 transitions enforced. Weights are trained
 * by `scripts/train-tagger.ts` on CoNLL-2003 train and shipped as `model.json.gz` beside this file,
 * read once per process on first use.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Tok } from '../entities-tokens.js';

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

/** Loaded weights: one dense vector over `LABELS` per feature. */
export type TaggerWeights = Map<string, Float32Array>;

const MODEL_URL = new URL('./model.json.gz', import.meta.url);
let loaded: TaggerWeights | undefined;

/** The shipped weights, read and unpacked on first call (a few tens of milliseconds). */
export function taggerWeights(): TaggerWeights {
  loaded ??= unpackModel(JSON.parse(gunzipSync(readFileSync(MODEL_URL)).toString('utf8')) as TaggerModelFile);
  return loaded;
}

/** Turns a model file into dense vectors; refuses a file for other labels. */
export function unpackModel(file: TaggerModelFile): TaggerWeights {
  if (file.format !== 1 || file.labels.join() !== LABELS.join()) throw new Error(`entity tagger model: unexpected format or labels (${file.labels.join(', ')})`);
  const out: TaggerWeights = new Map();
  for (const [feature, pairs] of Object.entries(file.weights)) {
    const v = new Float32Array(LABELS.length);
    for (let k = 0; k < pairs.length; k += 2) v[pairs[k]] = pairs[k + 1] / file.scale;
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

/** Labels each token of a sentence from its static features (`sentenceFeatures`). */
export function decodeSentence(weights: TaggerWeights, features: string[][]): Label[] {
  const out: Label[] = [];
  const scores = new Float64Array(LABELS.length);
  let prev = '<s>';
  let prev2 = '<s>';
  for (const feats of features) {
    scores.fill(0);
    for (const list of [feats, historyFeatures(prev, prev2, feats[2])]) {
      for (const f of list) {
        const v = weights.get(f);
        if (v) for (let l = 0; l < v.length; l++) scores[l] += v[l];
      }
    }
    let best = 0;
    for (let l = 1; l < LABELS.length; l++) if (isAllowed(prev === '<s>' ? 'O' : prev, LABELS[l]) && scores[l] > scores[best]) best = l;
    out.push(LABELS[best]);
    prev2 = prev;
    prev = LABELS[best];
  }
  return out;
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
