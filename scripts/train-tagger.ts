/**
 * Trains the entity tagger (`src/claims/tagger/`): an averaged perceptron over the features of
 * `src/claims/tagger/features.ts`, on CoNLL-2003 English train, tokenised by wink as at run time.
 * Seeded and deterministic: the same data and options give the same model file.
 *
 * Run: npx tsx scripts/train-tagger.ts                      # trains on all of train, writes src/claims/tagger/model.json.gz
 *      npx tsx scripts/train-tagger.ts --holdout            # trains on 90 % of train documents, scores the other 10 % per epoch (tuning)
 * Options: --file PATH (CoNLL-format training file), --epochs N, --min-count N, --seed N, --out PATH;
 * with --holdout, --out writes the 90 % model and --heldout-file PATH the held-out documents, so that
 * `scripts/eval-entities.ts --file PATH --model OUT` scores the whole stage (merge with the rules included) on them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { useConllLexicon } from '../src/claims/entities-known.js';
import { tagWithRules } from '../src/claims/entities-rules.js';
import { sentenceTokens } from '../src/claims/entities-tokens.js';
import { capitalisedWords, ruleLabels, sentenceFeatures } from '../src/claims/tagger/features.js';
import { LABELS, historyFeatures, isAllowed, type TaggerModelFile } from '../src/claims/tagger/perceptron.js';
import { Dictionary, Perceptron } from './perceptron-trainer.js';
import { readConllDocs } from './eval-entities.js';
import { rng } from './random.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const TRAIN_PATH = path.resolve(here, '../../shared/data/conll2003-en/eng.train');
const MODEL_PATH = path.resolve(here, '../src/claims/tagger/model.json.gz');
/** Passes over the training sentences (chosen on the held-out tenth of train). */
const DEFAULT_EPOCHS = 10;
/** Features seen fewer times than this in training are dropped (rare words carry little and cost space). */
const DEFAULT_MIN_COUNT = 2;
/** Quantised weights are integers of this resolution… */
const WEIGHT_SCALE = 100;
/** …and those smaller than this (in quantised units) are dropped. */
const MIN_QUANTISED_WEIGHT = 2;
/** Every this-many-th document of train is held out with `--holdout`. */
const HOLDOUT_EVERY = 10;

const NL = LABELS.length;

interface Sentence {
  /** Static feature ids per token (-1 for pruned features). */
  feats: Int32Array[];
  /** The token's shape feature (`s=…`), for the label-history features. */
  shapes: string[];
  gold: number[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Reads CoNLL documents into featurised sentences with gold IOB2 labels on wink tokens. */
function readSentences(file: string, dict: Dictionary, holdout: boolean): { train: Sentence[]; held: Sentence[] } {
  const train: Sentence[] = [];
  const held: Sentence[] = [];
  const docs = readConllDocs(file);
  docs.forEach((doc, d) => {
    const sents = sentenceTokens(doc.text, doc.sentences);
    // Rule features come from the rules alone: the CoNLL-train lexicon would know every training name.
    useConllLexicon(false);
    const rules = ruleLabels(sents, tagWithRules(doc.text, sents));
    useConllLexicon(true);
    const capitalisedInDoc = capitalisedWords(sents);
    const into = holdout && d % HOLDOUT_EVERY === 0 ? held : train;
    let g = 0;
    sents.forEach((toks, s) => {
      const features = sentenceFeatures({ toks, rules: rules[s], capitalisedInDoc });
      let prevGold: (typeof doc.gold)[number] | undefined;
      const gold = toks.map((tok) => {
        while (g < doc.gold.length && doc.gold[g].end <= tok.start) g++;
        const span = doc.gold[g];
        if (!span || span.start >= tok.end) {
          prevGold = undefined;
          return 0;
        }
        const label = `${prevGold === span ? 'I' : 'B'}-${span.tag}`;
        prevGold = span;
        return LABELS.indexOf(label as (typeof LABELS)[number]);
      });
      const feats = features.map((f) => {
        const ids = new Int32Array(f.length);
        f.forEach((name, k) => {
          ids[k] = dict.id(name);
          if (into === train) dict.counts[ids[k]]++;
        });
        return ids;
      });
      into.push({ feats, shapes: features.map((f) => f[2]), gold });
    });
  });
  return { train, held };
}

/** Greedy decoding; with `learn`, updates on each wrong token (history from the predictions, as at run time). */
function run(model: Perceptron, sentence: Sentence, learn: boolean, weights?: Float64Array): number[] {
  const scores = new Float64Array(NL);
  const out: number[] = [];
  let prev = '<s>';
  let prev2 = '<s>';
  sentence.feats.forEach((ids, i) => {
    const history = historyFeatures(prev, prev2, sentence.shapes[i]).map((f) => model.dict.id(f));
    const all = [...ids, ...history];
    if (weights) {
      scores.fill(0);
      for (const id of all) if (id >= 0 && id * NL < weights.length) for (let l = 0; l < NL; l++) scores[l] += weights[id * NL + l];
    } else model.score(all, scores);
    let best = 0;
    for (let l = 1; l < NL; l++) if (isAllowed(prev === '<s>' ? 'O' : prev, LABELS[l]) && scores[l] > scores[best]) best = l;
    if (learn) {
      model.step++;
      const gold = sentence.gold[i];
      if (best !== gold) {
        model.update(all, gold, 1);
        model.update(all, best, -1);
      }
      // Training continues from the prediction, so the model learns to recover from its own mistakes.
    }
    out.push(best);
    prev2 = prev;
    prev = LABELS[best];
  });
  return out;
}

/** Entity-level exact-match F1 over token labels (PER/ORG/LOC micro, as the project scores). */
function entityF1(sentences: Sentence[], predicted: number[][]): { micro: number; byType: Record<string, number> } {
  const spans = (labels: number[]) => {
    const out = new Set<string>();
    for (let i = 0; i < labels.length; i++) {
      const l = LABELS[labels[i]];
      if (l === 'O') continue;
      const type = l.slice(2);
      let j = i + 1;
      while (j < labels.length && LABELS[labels[j]] === `I-${type}`) j++;
      out.add(`${i}:${j}:${type}`);
      i = j - 1;
    }
    return out;
  };
  const c: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const t of ['PER', 'ORG', 'LOC', 'MISC']) c[t] = { tp: 0, fp: 0, fn: 0 };
  sentences.forEach((s, k) => {
    const gold = spans(s.gold);
    const pred = spans(predicted[k]);
    for (const p of pred) c[p.split(':')[2]][gold.has(p) ? 'tp' : 'fp']++;
    for (const g of gold) if (!pred.has(g)) c[g.split(':')[2]].fn++;
  });
  const f = (x: { tp: number; fp: number; fn: number }) => (2 * x.tp) / Math.max(1, 2 * x.tp + x.fp + x.fn);
  const micro = { tp: 0, fp: 0, fn: 0 };
  for (const t of ['PER', 'ORG', 'LOC']) for (const k of ['tp', 'fp', 'fn'] as const) micro[k] += c[t][k];
  return { micro: f(micro), byType: Object.fromEntries(Object.entries(c).map(([t, x]) => [t, f(x)])) };
}

async function main(): Promise<void> {
  const file = path.resolve(arg('--file') ?? TRAIN_PATH);
  const epochs = Number(arg('--epochs') ?? DEFAULT_EPOCHS);
  const minCount = Number(arg('--min-count') ?? DEFAULT_MIN_COUNT);
  const seed = Number(arg('--seed') ?? 1);
  const holdout = process.argv.includes('--holdout');
  const out = path.resolve(arg('--out') ?? MODEL_PATH);
  for (const [name, value] of [['--epochs', epochs], ['--min-count', minCount], ['--seed', seed]] as const) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`train-tagger: ${name} must be a whole number, got ${JSON.stringify(arg(name))}`);
  }
  const started = performance.now();
  const dict = new Dictionary();
  const { train, held } = readSentences(file, dict, holdout);
  // Pruned features are never looked up again: their ids become -1 in the static lists.
  const kept = dict.counts.map((n) => n >= minCount);
  for (const s of [...train, ...held]) for (const ids of s.feats) for (let k = 0; k < ids.length; k++) if (!kept[ids[k]]) ids[k] = -1;
  const tokens = train.reduce((n, s) => n + s.gold.length, 0);
  console.log(`read ${train.length} training sentences (${tokens} tokens), ${held.length} held out; ${kept.filter(Boolean).length} of ${kept.length} features seen ≥ ${minCount}× (${((performance.now() - started) / 1000).toFixed(0)} s)`);

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
    for (const i of order) {
      const pred = run(model, train[i], true);
      pred.forEach((p, k) => (wrong += p === train[i].gold[k] ? 0 : 1));
    }
    let line = `epoch ${epoch}: ${wrong} training tokens wrong`;
    if (held.length) {
      const avg = model.averaged();
      const score = entityF1(held, held.map((s) => run(model, s, false, avg)));
      line += `; held-out micro F1 ${(100 * score.micro).toFixed(1)} (${Object.entries(score.byType).map(([t, f]) => `${t} ${(100 * f).toFixed(1)}`).join(', ')})`;
    }
    console.log(`${line} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  const heldoutFile = arg('--heldout-file');
  if (holdout && heldoutFile) {
    // Same document order as readConllDocs: blocks between -DOCSTART- lines, empty ones dropped.
    const blocks = readFileSync(file, 'utf8').split(/^-DOCSTART- .*$/m).filter((b) => b.trim());
    writeFileSync(heldoutFile, blocks.filter((_, d) => d % HOLDOUT_EVERY === 0).map((b) => `-DOCSTART- -X- -X- O\n${b.replace(/^\n+/, '\n')}`).join(''));
  }
  if (holdout && !arg('--out')) return;

  const avg = model.averaged();
  const weights: Record<string, number[]> = {};
  let pairs = 0;
  dict.names.forEach((name, id) => {
    const list: number[] = [];
    for (let l = 0; l < NL; l++) {
      const q = Math.round(avg[id * NL + l] * WEIGHT_SCALE);
      if (Math.abs(q) >= MIN_QUANTISED_WEIGHT) list.push(l, q);
    }
    if (list.length) {
      weights[name] = list;
      pairs += list.length / 2;
    }
  });
  const file_: TaggerModelFile = {
    format: 1,
    labels: [...LABELS],
    scale: WEIGHT_SCALE,
    weights,
    trained: { data: 'CoNLL-2003 English train (eng.train)', sentences: train.length, tokens, epochs, minCount, seed, features: Object.keys(weights).length, weights: pairs },
  };
  const packed = gzipSync(JSON.stringify(file_), { level: 9 });
  writeFileSync(out, packed);
  console.log(`wrote ${out}: ${Object.keys(weights).length} features, ${pairs} weights, ${(packed.length / 1e6).toFixed(2)} MB gzipped`);
}

await main();
