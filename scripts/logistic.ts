/**
 * Multinomial logistic regression with L2 penalty and per-class weights, fitted by full-batch
 * gradient descent with Adam: small, dependency-free, enough for a few thousand rows and features.
 */
import type { LinearModel } from '../src/align/stance.js';

export interface FitOptions {
  /** L2 penalty on the (standardised) feature weights, not on biases. */
  l2?: number;
  epochs?: number;
  learningRate?: number;
  /** Weight of each class's rows in the loss (balances rare classes). */
  classWeights?: number[];
  /** Weight of each row on top of its class weight (e.g. to stop large groups dominating). */
  rowWeights?: number[];
}

/** Fits a softmax-linear model; `y[i]` is the class index of row `x[i]`. */
export function fitLogistic(x: number[][], y: number[], classes: string[], features: string[], options: FitOptions = {}): LinearModel {
  const { l2 = 1e-3, epochs = 150, learningRate = 0.1, classWeights = classes.map(() => 1) } = options;
  const rowWeight = (i: number) => classWeights[y[i]] * (options.rowWeights?.[i] ?? 1);
  const n = x.length;
  const d = features.length;
  const k = classes.length;
  const avg = Array.from({ length: d }, (_, j) => x.reduce((s, r) => s + r[j], 0) / n);
  // Scaled, not centred, so that sparse rows (learned words) stay sparse; constant features get scale 1.
  const scale = avg.map((m, j) => Math.sqrt(x.reduce((s, r) => s + (r[j] - m) ** 2, 0) / n) || 1);
  const mean = avg.map(() => 0);
  const rows = x.map((r) => {
    const idx: number[] = [];
    const val: number[] = [];
    r.forEach((v, j) => v !== 0 && (idx.push(j), val.push(v / scale[j])));
    return { idx, val };
  });
  const w = Array.from({ length: k }, () => new Float64Array(d + 1));
  const m1 = Array.from({ length: k }, () => new Float64Array(d + 1));
  const m2 = Array.from({ length: k }, () => new Float64Array(d + 1));
  const totalWeight = y.reduce((s, _, i) => s + rowWeight(i), 0);
  const logits = new Float64Array(k);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const grad = Array.from({ length: k }, () => new Float64Array(d + 1));
    for (let i = 0; i < n; i++) {
      const { idx, val } = rows[i];
      for (let c = 0; c < k; c++) {
        let s = w[c][0];
        for (let t = 0; t < idx.length; t++) s += w[c][idx[t] + 1] * val[t];
        logits[c] = s;
      }
      const top = Math.max(...logits);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += (logits[c] = Math.exp(logits[c] - top));
      const cw = rowWeight(i) / totalWeight;
      for (let c = 0; c < k; c++) {
        const g = (logits[c] / sum - (c === y[i] ? 1 : 0)) * cw;
        if (g === 0) continue;
        grad[c][0] += g;
        for (let t = 0; t < idx.length; t++) grad[c][idx[t] + 1] += g * val[t];
      }
    }
    for (let c = 0; c < k; c++) {
      for (let j = 0; j <= d; j++) {
        const g = grad[c][j] + (j ? l2 * w[c][j] : 0);
        m1[c][j] = 0.9 * m1[c][j] + 0.1 * g;
        m2[c][j] = 0.999 * m2[c][j] + 0.001 * g * g;
        const hat1 = m1[c][j] / (1 - 0.9 ** epoch);
        const hat2 = m2[c][j] / (1 - 0.999 ** epoch);
        w[c][j] -= (learningRate * hat1) / (Math.sqrt(hat2) + 1e-8);
      }
    }
  }
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  return { classes, features, mean: mean.map(round), scale: scale.map(round), weights: w.map((r) => Array.from(r, round)) };
}
