/**
 * Trains the attribution tagger (`src/claims/attribution-model/`): an averaged perceptron over the features of
 * `features.ts`, labelling wink tokens as SOURCE or CUE (BIO) on PolNeAR train (one annotation per article),
 * with what the rules read as features. Seeded and deterministic: the same data and options give the same model.
 *
 * Run: npx tsx scripts/train-attribution.ts                    # trains on all of train, writes the shipped model
 *      npx tsx scripts/train-attribution.ts --folds 5 --fold 0 # trains on 4/5 of train and scores the whole stage
 *                                                              # (rules + tagger, and rules alone) on the other fifth
 * Options: --dir ROOT (PolNeAR data root), --split NAME (default train), --epochs N, --min-count N, --seed N, --out PATH,
 *          --annotations first|all (train on the first annotator's file of each article, the default, or on every one).
 */
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { makeArticle } from '../src/core/article.js';
import type { Span } from '../src/core/span.js';
import { prepareAttributions, ruleDrafts } from '../src/claims/attributions.js';
import { taggerInputs } from '../src/claims/attribution-model/combine.js';
import { historyFeatures, sentenceFeatures, type SentenceInput } from '../src/claims/attribution-model/features.js';
import { LABELS, START, WEIGHT_SCALE, attributionWeights, skipped, unpackModel, type AttributionWeights, decodeSentence, labelName, spansOf, useAttributionModel, type AttributionModelFile } from '../src/claims/attribution-model/tagger.js';
import { Dictionary, Perceptron } from './perceptron-trainer.js';
import { segmentSentences } from '../src/segment/sentences.js';
import { POLNEAR_DIR, parseBrat, scoreAttribution, splitPairs, type Pair } from './eval-attribution.js';
import { rng } from './random.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const MODEL_PATH = path.resolve(here, '../src/claims/attribution-model/model.json.gz');
/** Passes over the training sentences (chosen by cross-validation within train). */
const DEFAULT_EPOCHS = 10;
/** Features seen fewer times than this in training are dropped. */
const DEFAULT_MIN_COUNT = 2;
/** Quantised weights (integers in `WEIGHT_SCALE` units) smaller than this (in quantised units) are dropped. */
const MIN_QUANTISED_WEIGHT = 2;

const NL = LABELS.length;

interface Sentence {
  feats: Int32Array[];
  pos: string[];
  gold: number[];
  /** Tokens the decoder labels outside without scoring (`skipped` in tagger.ts). */
  skip: boolean[];
}

/** Gold IO labels on the tokens: a token overlapping a cue piece is CUE, else one overlapping a source piece is SRC. */
function goldLabels(tokens: readonly Span[], gold: ReturnType<typeof parseBrat>): number[] {
  const labels = tokens.map(() => 0);
  const mark = (pieces: Span[][], kind: 'SRC' | 'CUE') => {
    for (const piece of pieces.flat()) {
      for (let k = 0; k < tokens.length; k++) {
        const t = tokens[k];
        if (t.end <= piece.start || t.start >= piece.end) continue;
        if (labels[k] !== 0 && kind === 'SRC') continue;
        labels[k] = LABELS.indexOf(kind);
      }
    }
  };
  mark(gold.Cue, 'CUE');
  mark(gold.Source, 'SRC');
  return labels;
}

/** Reads one article into featurised sentences with gold labels. */
function readArticle(pair: Pair, dict: Dictionary, count: boolean): Sentence[] {
  const text = readFileSync(pair.textPath, 'utf8');
  const gold = parseBrat(readFileSync(pair.annPath, 'utf8'));
  const article = makeArticle({ text, layers: { sentence: segmentSentences(text) } });
  const p = prepareAttributions(article);
  const out: Sentence[] = [];
  for (const s of taggerInputs(p, ruleDrafts(p))) {
    const features = sentenceFeatures(s);
    const feats = features.map((f) => {
      const ids = new Int32Array(f.length);
      f.forEach((name, k) => {
        ids[k] = dict.id(name);
        if (count) dict.counts[ids[k]]++;
      });
      return ids;
    });
    out.push({ feats, pos: s.tokens.map((t) => t.pos), gold: goldLabels(s.tokens, gold), skip: s.tokens.map((_, i) => skipped(s, i)) });
  }
  return out;
}

/** One greedy pass over a sentence, updating on each wrong token (history from the predictions, as at run time). */
function learn(model: Perceptron, sentence: Sentence): number {
  const scores = new Float64Array(NL);
  let prev: number = START;
  let prev2: number = START;
  let wrong = 0;
  sentence.feats.forEach((ids, i) => {
    if (sentence.skip[i]) {
      prev2 = prev;
      prev = 0;
      return;
    }
    const history = historyFeatures(labelName(prev), labelName(prev2), sentence.pos[i]).map((f) => model.dict.id(f));
    const all = [...ids, ...history];
    model.score(all, scores);
    let best = 0;
    for (let l = 1; l < NL; l++) if (scores[l] > scores[best]) best = l;
    model.step++;
    const gold = sentence.gold[i];
    if (best !== gold) {
      wrong++;
      model.update(all, gold, 1);
      model.update(all, best, -1);
    }
    prev2 = prev;
    prev = best;
  });
  return wrong;
}

function modelFile(dict: Dictionary, avg: Float64Array, trained: Record<string, unknown>): AttributionModelFile {
  const weights: Record<string, number[]> = {};
  dict.names.forEach((name, id) => {
    const list: number[] = [];
    for (let l = 0; l < NL; l++) {
      const q = Math.round(avg[id * NL + l] * WEIGHT_SCALE);
      if (Math.abs(q) >= MIN_QUANTISED_WEIGHT) list.push(l, q);
    }
    if (list.length) weights[name] = list;
  });
  return { format: 1, labels: [...LABELS], scale: WEIGHT_SCALE, weights, trained: { ...trained, features: Object.keys(weights).length } };
}

/**
 * Every annotation of the given articles: PolNeAR has a second annotator's file for about one train article in ten,
 * which is more labelled data on the same texts (the held-out fold and the scorer keep one annotation per article).
 */
function everyAnnotation(pairs: Pair[]): Pair[] {
  const byDir = new Map<string, string[]>();
  return pairs.flatMap((pair) => {
    const dir = path.dirname(pair.annPath);
    let files = byDir.get(dir);
    if (!files) byDir.set(dir, (files = readdirSync(dir).filter((f) => f.endsWith('.ann')).sort()));
    const article = path.basename(pair.textPath, '.txt');
    return files.filter((f) => f.replace(/_[^_]+\.ann$/, '') === article).map((f) => ({ textPath: pair.textPath, annPath: path.join(dir, f) }));
  });
}

/** A held-out article read once: the tagger's input and the gold spans. */
interface HeldArticle {
  inputs: SentenceInput[];
  gold: ReturnType<typeof parseBrat>;
}

function readHeld(held: Pair[]): HeldArticle[] {
  return held.map((pair) => {
    const text = readFileSync(pair.textPath, 'utf8');
    const p = prepareAttributions(makeArticle({ text, layers: { sentence: segmentSentences(text) } }));
    return { inputs: taggerInputs(p, ruleDrafts(p)), gold: parseBrat(readFileSync(pair.annPath, 'utf8')) };
  });
}

/** The tagger's own spans against gold on held-out articles (overlap P/R per kind): how good its proposals are. */
function taggerAlone(held: HeldArticle[], weights: AttributionWeights): string {
  const c = { SRC: { tp: 0, pred: 0, gold: 0 }, CUE: { tp: 0, pred: 0, gold: 0 } };
  for (const { inputs, gold } of held) {
    const spans = inputs.flatMap((s) => spansOf(s.tokens, decodeSentence(weights, s)));
    for (const [kind, pieces] of [['SRC', gold.Source], ['CUE', gold.Cue]] as const) {
      const pred = spans.filter((x) => x.kind === kind);
      c[kind].pred += pred.length;
      c[kind].gold += pieces.length;
      c[kind].tp += pred.filter((x) => pieces.some((g) => g.some((a) => a.start < x.end && x.start < a.end))).length;
    }
  }
  const f = (k: 'SRC' | 'CUE') => {
    const p = c[k].tp / c[k].pred;
    const r = c[k].tp / c[k].gold;
    return `${k} P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)} F1 ${((200 * p * r) / (p + r)).toFixed(1)}`;
  };
  return `tagger alone on ${held.length} held-out articles: ${f('SRC')} · ${f('CUE')}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      split: { type: 'string', default: 'train' },
      folds: { type: 'string', default: '0' },
      fold: { type: 'string', default: '0' },
      epochs: { type: 'string', default: String(DEFAULT_EPOCHS) },
      'min-count': { type: 'string', default: String(DEFAULT_MIN_COUNT) },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      model: { type: 'string' },
      annotations: { type: 'string', default: 'first' },
    },
  });
  const num = (name: string, value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not ${JSON.stringify(value)}`);
    return n;
  };
  const folds = num('folds', values.folds);
  const fold = num('fold', values.fold);
  const epochs = num('epochs', values.epochs);
  const minCount = num('min-count', values['min-count']);
  const seed = num('seed', values.seed);
  const started = performance.now();
  const pairs = splitPairs(values.dir ?? POLNEAR_DIR, values.split);
  const held = folds > 1 ? pairs.filter((_, k) => k % folds === fold) : [];
  const trainArticles = folds > 1 ? pairs.filter((_, k) => k % folds !== fold) : pairs;
  if (values.annotations !== 'all' && values.annotations !== 'first') throw new Error(`--annotations must be all or first, not ${JSON.stringify(values.annotations)}`);
  const trainPairs = values.annotations === 'all' ? everyAnnotation(trainArticles) : trainArticles;
  if (values.model) {
    // Scores a model trained before on the same folds (tuning the combination without training again).
    useAttributionModel(path.resolve(values.model));
    scoreHeld(held, values.split, fold, folds);
    return;
  }
  const dict = new Dictionary();
  const train = trainPairs.flatMap((pair) => readArticle(pair, dict, true));
  const kept = dict.counts.map((n) => n >= minCount);
  for (const s of train) for (const ids of s.feats) for (let k = 0; k < ids.length; k++) if (!kept[ids[k]]) ids[k] = -1;
  const tokens = train.reduce((n, s) => n + s.gold.length, 0);
  console.log(`read ${trainArticles.length} articles (${trainPairs.length} annotations), ${train.length} sentences (${tokens} tokens); ${kept.filter(Boolean).length} of ${kept.length} features seen ≥ ${minCount}× (${((performance.now() - started) / 1000).toFixed(0)} s)`);

  const heldRead = readHeld(held);
  const model = new Perceptron(dict, NL);
  const random = rng(seed);
  const order = train.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    // Fisher-Yates with the seeded generator: the same seed gives the same model.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let wrong = 0;
    for (const i of order) wrong += learn(model, train[i]);
    let line = `epoch ${epoch}: ${wrong} training tokens wrong`;
    if (heldRead.length && epoch >= 4) line += `; ${taggerAlone(heldRead, unpackModel(modelFile(dict, model.averaged(), {})))}`;
    console.log(`${line} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  const file = modelFile(dict, model.averaged(), {
    data: `PolNeAR ${values.split}${folds > 1 ? ` without fold ${fold} of ${folds}` : ''}, ${values.annotations === 'all' ? 'every annotation' : 'one annotation'} per article`,
    articles: trainArticles.length,
    // Only with --annotations all, so that the default writes the same file as before this option.
    ...(trainPairs.length !== trainArticles.length ? { annotations: trainPairs.length } : {}),
    sentences: train.length,
    tokens,
    epochs,
    minCount,
    seed,
  });
  const packed = gzipSync(JSON.stringify(file), { level: 9 });
  const out = values.out ? path.resolve(values.out) : folds > 1 ? path.join(mkdtempSync(path.join(tmpdir(), 'attr-')), 'model.json.gz') : MODEL_PATH;
  writeFileSync(out, packed);
  console.log(`wrote ${out}: ${file.trained.features} features, ${(packed.length / 1e6).toFixed(2)} MB gzipped`);
  if (!held.length) return;
  useAttributionModel(out);
  scoreHeld(held, values.split, fold, folds);
}

/** Scores the held-out fold: the tagger alone, rules + tagger, the rules alone. */
function scoreHeld(held: Pair[], split: string, fold: number, folds: number): void {
  console.log(taggerAlone(readHeld(held), attributionWeights()));
  const line = (name: string, model: boolean) => {
    const scores = scoreAttribution({ split, pairs: held, model });
    const f = (role: 'Source' | 'Cue' | 'Content') => {
      const o = scores.roles[role].overlap;
      const r = scores.roles[role].perReport;
      return `${role} P ${(100 * o.p).toFixed(1)} R ${(100 * o.r).toFixed(1)} F1 ${(100 * o.f).toFixed(1)} (per report ${(100 * r.f).toFixed(1)})`;
    };
    console.log(`fold ${fold} of ${folds} (${held.length} articles), ${name}: overlap ${f('Source')} · ${f('Cue')} · ${f('Content')}`);
  };
  line('rules + tagger', true);
  line('rules alone', false);
}

main().catch((error: unknown) => {
  console.error(`train-attribution: ${(error as Error)?.message ?? String(error)}`);
  process.exitCode = 1;
});
