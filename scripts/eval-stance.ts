/**
 * Stance of article bodies towards headlines on FNC-1: trains the stance model (src/align/stance.ts) on
 * the training part of FNC-1 train and scores a held-out part (whole claims: no body or headline in
 * both), or, for other files (e.g. the competition test split), all of their rows.
 *
 *   npm run eval:stance [-- --bodies FILE --stances FILE] [--save-model] [--cache FILE]
 *
 * Prints the FNC-1 weighted score as % of the maximum, per-class F1 and the confusion matrix beside
 * the published FNC-1 systems (their figures are on the competition test set).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  RELATED_FEATURES,
  STANCE_FEATURES,
  analyzeStanceTexts,
  judgeStance,
  predictLinear,
  relatednessFeatures,
  stanceFeatures,
  stanceWords,
  type Stance,
  type StanceModel,
  type StanceText,
} from '../src/align/stance.js';
import { fitLogistic } from './logistic.js';
import { parseCsv } from './csv.js';

const root = path.resolve(import.meta.dirname, '..');
const fnc = path.resolve(root, '../shared/data/fnc-1');
const MODEL_PATH = path.join(root, 'src/align/stance-model.json');

/** Share of claims (connected headline–body groups) held out of FNC-1 train for the reported figure. */
const HELD_OUT_SHARE = 0.2;
/** A word becomes a learned stance feature only when it occurs near the claim in this many different claims' bodies. */
const MIN_WORD_CLAIMS = 12;
const MAX_WORDS = 80;
/** L2 penalty of the stance classifier (on standardised features). */
const STANCE_L2 = 1e-2;
/** Bodies analysed per cross-validation fold when tuning the class biases. */
const BIAS_FOLDS = 4;
/** Grid cells (0.1 each) on either side averaged when picking the class biases. */
const BIAS_SMOOTHING_CELLS = 2;
const CLASSES = ['agree', 'disagree', 'discuss'] as const;
const LABELS: readonly Stance[] = ['agree', 'disagree', 'discuss', 'unrelated'];

const { values: args } = parseArgs({
  options: {
    bodies: { type: 'string', default: path.join(fnc, 'train_bodies.csv') },
    stances: { type: 'string', default: path.join(fnc, 'train_stances.csv') },
    'train-bodies': { type: 'string', default: path.join(fnc, 'train_bodies.csv') },
    'train-stances': { type: 'string', default: path.join(fnc, 'train_stances.csv') },
    'save-model': { type: 'boolean', default: false },
    cache: { type: 'string' },
    /** Salts the claim hash to draw another held-out part (the reported figure uses none). */
    'split-seed': { type: 'string', default: '' },
  },
});

interface Row {
  headline: string;
  body: string;
  stance: Stance;
}

function load(bodiesFile: string, stancesFile: string): { bodies: Map<string, string>; rows: Row[] } {
  const bodies = new Map(parseCsv(readFileSync(bodiesFile, 'utf8')).slice(1).map((r) => [r[0], r[1]] as [string, string]));
  const rows = parseCsv(readFileSync(stancesFile, 'utf8'))
    .slice(1)
    .filter((r) => r.length >= 3 && bodies.has(r[1]))
    .map((r) => ({ headline: r[0], body: r[1], stance: r[2].trim() as Stance }));
  return { bodies, rows };
}

/** Claim groups: headlines and bodies joined by a related pair; each group falls wholly in one part. */
function claimGroups(rows: readonly Row[]): (key: string) => string {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let p = parent.get(k) ?? k;
    if (p !== k) (p = find(p)), parent.set(k, p);
    return p;
  };
  for (const r of rows) {
    if (r.stance === 'unrelated') continue;
    const a = find(`h:${r.headline}`);
    const b = find(`b:${r.body}`);
    if (a !== b) parent.set(a, b);
  }
  return find;
}

/** Deterministic share of [0, 1) for a key, so the split does not depend on row order. */
function unit(key: string): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

function progress(label: string) {
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (now - last < 2000 && done < total) return;
    last = now;
    process.stderr.write(`\r${label} ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

async function analyseAll(texts: string[]): Promise<Map<string, StanceText>> {
  const cache: Record<string, StanceText> = args.cache && existsSync(args.cache) ? JSON.parse(readFileSync(args.cache, 'utf8')) : {};
  const key = (t: string) => createHash('sha1').update(t).digest('hex');
  const todo = [...new Set(texts)].filter((t) => !cache[key(t)]);
  const analysed = await analyzeStanceTexts(todo, progress('stance: analysing texts'));
  todo.forEach((t, i) => (cache[key(t)] = analysed[i]));
  if (args.cache && todo.length) writeFileSync(args.cache, JSON.stringify(cache));
  return new Map(texts.map((t) => [t, cache[key(t)]]));
}

/** FNC-1 weighted score: 0.25 for the right related/unrelated call, 0.75 more for the right related class. */
function fncScore(gold: readonly Stance[], pred: readonly Stance[]): { score: number; max: number } {
  let score = 0;
  let max = 0;
  gold.forEach((g, i) => {
    const p = pred[i];
    max += g === 'unrelated' ? 0.25 : 1;
    if (g === p) score += g === 'unrelated' ? 0.25 : 0.75;
    if (g !== 'unrelated' && p !== 'unrelated') score += 0.25;
  });
  return { score, max };
}

function f1s(gold: readonly string[], pred: readonly string[], labels: readonly string[]): number[] {
  return labels.map((l) => {
    const tp = gold.filter((g, i) => g === l && pred[i] === l).length;
    const fp = pred.filter((p, i) => p === l && gold[i] !== l).length;
    const fn = gold.filter((g, i) => g === l && pred[i] !== l).length;
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  });
}

function buildIdf(bodyTexts: StanceText[]): Pick<StanceModel, 'idf' | 'unseenIdf'> {
  const df = new Map<string, number>();
  for (const b of bodyTexts) for (const t of new Set(b.sentences.flatMap((s) => s.terms))) df.set(t, (df.get(t) ?? 0) + 1);
  const n = bodyTexts.length;
  const idf: Record<string, number> = {};
  // Terms seen in one body only are left out of the shipped table; they get the unseen weight, which is theirs anyway.
  for (const [t, c] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (c >= 2) idf[t] = Math.round((Math.log((n + 1) / (c + 1)) + 1) * 100) / 100;
  return { idf, unseenIdf: Math.round((Math.log((n + 1) / 2) + 1) * 100) / 100 };
}

/** Applies additive log-biases to the stance probabilities and returns the winning class. */
function decide(p: number[], bias: readonly number[]): number {
  const s = p.map((x, i) => Math.log(x + 1e-12) + bias[i]);
  return s.indexOf(Math.max(...s));
}

/** Biases on agree/disagree/discuss maximising (related-class accuracy + macro-F1) / 2 on held-back predictions. */
function tuneBias(probs: number[][], gold: number[]): number[] {
  const grid = Array.from({ length: 46 }, (_, i) => -3 + i * 0.1);
  const logs = probs.map((p) => p.map((x) => Math.log(x + 1e-12)));
  const values = grid.map(() => grid.map(() => 0));
  grid.forEach((a, ai) => {
    grid.forEach((d, di) => {
      // Confusion counts in one pass: [gold][predicted].
      const m = [0, 1, 2].map(() => [0, 0, 0]);
      logs.forEach((l, i) => {
        const s = [l[0] + a, l[1] + d, l[2]];
        m[gold[i]][s[0] >= s[1] && s[0] >= s[2] ? 0 : s[1] >= s[2] ? 1 : 2]++;
      });
      const acc = (m[0][0] + m[1][1] + m[2][2]) / gold.length;
      const f = [0, 1, 2].map((c) => {
        const tp = m[c][c];
        const predicted = m[0][c] + m[1][c] + m[2][c];
        const actual = m[c][0] + m[c][1] + m[c][2];
        return tp ? (2 * tp) / (predicted + actual) : 0;
      });
      values[ai][di] = (acc + (f[0] + f[1] + f[2]) / 3) / 2;
    });
  });
  // The objective is flat near its top, so the best single cell jumps with small changes: the centre of the best ±0.2 square is steadier.
  let best = { value: -1, bias: [0, 0, 0] };
  const R = BIAS_SMOOTHING_CELLS;
  for (let ai = R; ai < grid.length - R; ai++) {
    for (let di = R; di < grid.length - R; di++) {
      let sum = 0;
      for (let x = -R; x <= R; x++) for (let y = -R; y <= R; y++) sum += values[ai + x][di + y];
      if (sum > best.value + 1e-9) best = { value: sum, bias: [grid[ai], grid[di], 0] };
    }
  }
  return best.bias;
}

/**
 * Learned words: body words (not the headline's) found in enough different claims to be about stance rather
 * than topic, ranked by how unevenly they fall over agree / disagree / discuss (chi-square over the pairs).
 */
function chooseWords(present: readonly Set<string>[], y: readonly number[], claims: readonly string[]): string[] {
  const claimsOfWord = new Map<string, Set<string>>();
  const byClass = new Map<string, number[]>();
  const totals = [0, 0, 0];
  present.forEach((words, i) => {
    totals[y[i]]++;
    for (const t of words) {
      if (!/\p{L}/u.test(t)) continue;
      const set = claimsOfWord.get(t) ?? new Set();
      claimsOfWord.set(t, set.add(claims[i]));
      const counts = byClass.get(t) ?? [0, 0, 0];
      counts[y[i]]++;
      byClass.set(t, counts);
    }
  });
  const chi2 = (counts: number[]) => {
    const present = counts.reduce((a, b) => a + b, 0);
    return totals.reduce((sum, total, c) => {
      const expected = (present * total) / y.length;
      const expectedAbsent = total - expected;
      return sum + (counts[c] - expected) ** 2 / expected + (total - counts[c] - expectedAbsent) ** 2 / expectedAbsent;
    }, 0);
  };
  return [...claimsOfWord]
    .filter(([, set]) => set.size >= MIN_WORD_CLAIMS)
    .map(([w]) => [w, chi2(byClass.get(w)!)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_WORDS)
    .map(([w]) => w);
}

function classWeights(y: number[], k: number): number[] {
  const counts = Array.from({ length: k }, (_, c) => y.filter((v) => v === c).length);
  // Square-root balancing: rare classes count more without swamping the frequent ones.
  return counts.map((c) => Math.sqrt(y.length / k / Math.max(1, c)));
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const train = load(args['train-bodies'], args['train-stances']);
  const sameFiles =
    path.resolve(args.bodies) === path.resolve(args['train-bodies']) && path.resolve(args.stances) === path.resolve(args['train-stances']);
  const evalSet = sameFiles ? train : load(args.bodies, args.stances);
  const group = claimGroups(train.rows);
  const seed = args['split-seed'];
  const heldOutGroup = (r: Row) => unit(seed + group(`b:${r.body}`)) < HELD_OUT_SHARE;
  // Training rows: body and headline both in training claims; held-out rows: every row whose body is held out.
  const trainRows = train.rows.filter((r) => !heldOutGroup(r) && unit(seed + group(`h:${r.headline}`)) >= HELD_OUT_SHARE);
  const evalRows = sameFiles ? train.rows.filter(heldOutGroup) : evalSet.rows;

  const texts = [
    ...new Set([
      ...trainRows.flatMap((r) => [r.headline, train.bodies.get(r.body)!]),
      ...evalRows.flatMap((r) => [r.headline, evalSet.bodies.get(r.body)!]),
    ]),
  ];
  const analysed = await analyseAll(texts);
  const tAnalysed = performance.now();
  const bodyOf = (r: Row, set = train) => analysed.get(set.bodies.get(r.body)!)!;

  const trainBodyIds = [...new Set(trainRows.map((r) => r.body))];
  const base: StanceModel = {
    version: 1,
    ...buildIdf(trainBodyIds.map((id) => analysed.get(train.bodies.get(id)!)!)),
    words: [],
    related: { classes: [], features: [], mean: [], scale: [], weights: [] },
    stance: { classes: [], features: [], mean: [], scale: [], weights: [] },
  };

  const related = trainRows.filter((r) => r.stance !== 'unrelated');
  const s = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
  process.stderr.write(`stance: fitting after ${s(performance.now() - t0)} (${trainRows.length} training rows, ${base.words.length} learned words)\n`);
  const rx = trainRows.map((r) => relatednessFeatures(analysed.get(r.headline)!, bodyOf(r), base));
  process.stderr.write(`stance: relatedness features (${s(performance.now() - t0)})\n`);
  const ry = trainRows.map((r) => (r.stance === 'unrelated' ? 0 : 1));
  base.related = fitLogistic(rx, ry, ['unrelated', 'related'], RELATED_FEATURES, { l2: 1e-3 });

  process.stderr.write(`stance: relatedness fitted (${s(performance.now() - t0)})\n`);
  // Stance features without the learned words, and the word sets those are read from, computed once per pair.
  const plain = { ...base, words: [] };
  const sx = related.map((r) => stanceFeatures(analysed.get(r.headline)!, bodyOf(r), plain));
  const sw = related.map((r) => stanceWords(analysed.get(r.headline)!, bodyOf(r), plain));
  const sy = related.map((r) => CLASSES.indexOf(r.stance as (typeof CLASSES)[number]));
  const claimOf = related.map((r) => group(`b:${r.body}`));
  const withWords = (i: number, words: readonly string[]) => [
    ...sx[i],
    ...words.map((w) => (sw[i].near.has(w) ? 1 : 0)),
    ...words.map((w) => (sw[i].anywhere.has(w) ? 1 : 0)),
  ];
  const fitStance = (idx: number[]) => {
    const words = chooseWords(idx.map((i) => sw[i].anywhere), idx.map((i) => sy[i]), idx.map((i) => claimOf[i]));
    const names = [...STANCE_FEATURES, ...words.map((w) => `near:${w}`), ...words.map((w) => `body:${w}`)];
    const y = idx.map((i) => sy[i]);
    const pairsOfClaim = new Map<string, number>();
    for (const i of idx) pairsOfClaim.set(claimOf[i], (pairsOfClaim.get(claimOf[i]) ?? 0) + 1);
    // Claims with many pairs would otherwise teach their own topic; each row counts 1/sqrt(pairs of its claim).
    const rowWeights = idx.map((i) => 1 / Math.sqrt(pairsOfClaim.get(claimOf[i])!));
    const model = fitLogistic(idx.map((i) => withWords(i, words)), y, [...CLASSES], names, { l2: STANCE_L2, classWeights: classWeights(y, 3), rowWeights });
    return { words, model };
  };

  // Class biases from cross-validated predictions inside the training part (folds by claim; words chosen inside each fold).
  const foldOf = claimOf.map((c) => Math.floor(unit(`fold:${c}`) * BIAS_FOLDS));
  const oof: number[][] = new Array(related.length);
  for (let f = 0; f < BIAS_FOLDS; f++) {
    const { words, model } = fitStance(related.map((_, i) => i).filter((i) => foldOf[i] !== f));
    for (let i = 0; i < related.length; i++) if (foldOf[i] === f) oof[i] = predictLinear(model, withWords(i, words));
    process.stderr.write(`stance: bias fold ${f + 1}/${BIAS_FOLDS} (${s(performance.now() - t0)})\n`);
  }
  const bias = tuneBias(oof, sy);
  const oofPred = oof.map((p) => decide(p, bias));
  const oofF1 = f1s(sy.map(String), oofPred.map(String), ['0', '1', '2']);
  process.stderr.write(
    `stance: cross-validated in the training part: related-class accuracy ${(oofPred.filter((p, i) => p === sy[i]).length / sy.length).toFixed(3)}, ` +
      `F1 agree/disagree/discuss ${oofF1.map((x) => x.toFixed(3)).join('/')}, biases ${bias.map((b) => b.toFixed(1)).join('/')}\n`,
  );
  const final = fitStance(related.map((_, i) => i));
  base.words = final.words;
  base.stance = final.model;
  base.stance.weights = base.stance.weights.map((w, c) => [Math.round((w[0] + bias[c]) * 1e5) / 1e5, ...w.slice(1)]);
  base.trainedOn = `FNC-1 train minus ${HELD_OUT_SHARE * 100}% of claims held out (${trainRows.length} rows)`;
  const tTrained = performance.now();

  const gold = evalRows.map((r) => r.stance);
  const pred = evalRows.map((r) => judgeStance(analysed.get(r.headline)!, bodyOf(r, evalSet), base).stance);
  const { score, max } = fncScore(gold, pred);
  const f = f1s(gold, pred, LABELS);
  const nullScore = fncScore(gold, gold.map(() => 'unrelated'));
  // What the stance part adds: the same relatedness calls with every related pair called discuss.
  const discussOnly = fncScore(gold, pred.map((p) => (p === 'unrelated' ? p : 'discuss')));

  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const heldClaims = new Set(evalRows.filter((r) => r.stance !== 'unrelated').map((r) => group(`b:${r.body}`))).size;
  const scope = sameFiles
    ? `held-out ${HELD_OUT_SHARE * 100}% of claims of ${path.basename(args.stances)}: ${heldClaims} claims, ${new Set(evalRows.map((r) => r.body)).size} bodies`
    : `all of ${path.basename(args.stances)}`;
  console.log(`stance: ${evalRows.length} pairs (${scope}); trained on ${trainRows.length} pairs`);
  console.log(`stance: FNC score ${score.toFixed(2)} / ${max.toFixed(2)} = ${pct(score / max)} (all-unrelated ${pct(nullScore.score / max)}; our relatedness with every related pair called discuss ${pct(discussOnly.score / max)})`);
  console.log('');
  console.log('| system | FNC score | F1 agree | F1 disagree | F1 discuss | F1 unrelated | macro-F1 |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(`| ours (${sameFiles ? 'train, held-out claims' : path.basename(args.stances)}) | ${pct(score / max)} | ${f.map((x) => x.toFixed(3)).join(' | ')} | ${(f.reduce((a, b) => a + b, 0) / 4).toFixed(3)} |`);
  console.log('| FNC-1 baseline (GBDT, test) | 75.2 % | | | | | |');
  console.log('| Talos, 1st (test) | 82.0 % | 0.537 | 0.035 | 0.760 | 0.979 | 0.578 |');
  console.log('| Athene, 2nd (test) | 82.0 % | 0.489 | 0.151 | 0.780 | 0.979 | 0.600 |');
  console.log('| UCL MR, 3rd (test) | 81.7 % | 0.479 | 0.114 | 0.747 | 0.976 | 0.579 |');
  console.log('');
  console.log(`confusion (rows gold, columns predicted: ${LABELS.join(' / ')})`);
  for (const g of LABELS) console.log(`  ${g.padEnd(9)} ${LABELS.map((p) => String(gold.filter((x, i) => x === g && pred[i] === p).length).padStart(6)).join('')}`);
  console.log(`\nstance: time ${s(performance.now() - t0)} (analysis ${s(tAnalysed - t0)}, training ${s(tTrained - tAnalysed)})`);
  if (args['save-model']) {
    writeFileSync(MODEL_PATH, JSON.stringify(base) + '\n');
    console.log(`stance: model written to ${path.relative(root, MODEL_PATH)}`);
  }
}

await main();
