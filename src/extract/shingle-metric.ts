/**
 * The article-extraction-benchmark metric (Zyte): 4-token shingle multisets of gold vs predicted
 * body, per-item normalised tp/fp/fn, mean precision and recall, F1 of the means, exact-match accuracy.
 */

/** Tokens per shingle, as in the benchmark. */
export const SHINGLE_TOKENS = 4;
/** Bootstrap resamples for the ± std, as in the benchmark. */
export const BOOTSTRAP_RESAMPLES = 1000;

// Python's `\w` on str: letters, numbers and underscore (combining marks split tokens there too).
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

/** Splits text into `\w+` tokens (Unicode-aware, like Python's `re` on str). */
export function tokenizeWords(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

/** Multiset of `n`-token shingles; texts shorter than `n` tokens yield one shingle of all tokens. */
export function shingleCounts(tokens: readonly string[], n = SHINGLE_TOKENS): Map<string, number> {
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  if (tokens.length === 0) return counts;
  for (let i = 0; i < last; i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Per-item score with tp/fp/fn normalised to sum to 1. */
export interface ItemScore {
  tp: number;
  fp: number;
  fn: number;
  /** True when the token sequences are identical. */
  exact: boolean;
}

/** Scores one predicted body against its gold body. */
export function scoreItem(gold: string, predicted: string): ItemScore {
  const goldTokens = tokenizeWords(gold);
  const predTokens = tokenizeWords(predicted);
  const g = shingleCounts(goldTokens);
  const p = shingleCounts(predTokens);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, pc] of p) {
    const gc = g.get(key) ?? 0;
    tp += Math.min(pc, gc);
    fp += Math.max(0, pc - gc);
  }
  for (const [key, gc] of g) fn += Math.max(0, gc - (p.get(key) ?? 0));
  const total = tp + fp + fn;
  const exact = goldTokens.length === predTokens.length && goldTokens.every((t, i) => t === predTokens[i]);
  // Both empty: all zero, and the item is left out of the means (as upstream does).
  if (total === 0) return { tp: 0, fp: 0, fn: 0, exact };
  return { tp: tp / total, fp: fp / total, fn: fn / total, exact };
}

/** Aggregate over items: mean precision, mean recall, F1 of those means, accuracy. */
export interface AggregateScore {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  items: number;
}

function itemPrecision(s: ItemScore): number {
  if (s.fp === 0 && s.fn === 0) return 1;
  return s.tp / (s.tp + s.fp);
}

function itemRecall(s: ItemScore): number {
  if (s.fp === 0 && s.fn === 0) return 1;
  return s.tp / (s.tp + s.fn);
}

/** Mean P and R over items and F1 of the means (the benchmark's definition). */
export function aggregateScores(scores: readonly ItemScore[]): AggregateScore {
  const n = scores.length;
  if (n === 0) return { precision: 0, recall: 0, f1: 0, accuracy: 0, items: 0 };
  let p = 0;
  let pn = 0;
  let r = 0;
  let rn = 0;
  let exact = 0;
  // Upstream averages precision only over items with tp+fp > 0, recall over tp+fn > 0.
  for (const s of scores) {
    if (s.tp + s.fp > 0) {
      p += itemPrecision(s);
      pn++;
    }
    if (s.tp + s.fn > 0) {
      r += itemRecall(s);
      rn++;
    }
    if (s.exact) exact++;
  }
  const precision = pn ? p / pn : 0;
  const recall = rn ? r / rn : 0;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, accuracy: exact / n, items: n };
}

/** Deterministic PRNG so bootstrap figures are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bootstrap half-width (1.96 × sample std over resamples of the items), as the benchmark prints after "±". */
export function bootstrapInterval(
  scores: readonly ItemScore[],
  resamples = BOOTSTRAP_RESAMPLES,
  seed = 42,
): Omit<AggregateScore, 'items'> {
  const rand = mulberry32(seed);
  const rows: AggregateScore[] = [];
  for (let b = 0; b < resamples; b++) {
    const sample: ItemScore[] = [];
    for (let i = 0; i < scores.length; i++) sample.push(scores[Math.floor(rand() * scores.length)]);
    rows.push(aggregateScores(sample));
  }
  const std = (key: keyof Omit<AggregateScore, 'items'>) => {
    const values = rows.map((r) => r[key]);
    const mean = values.reduce((a, v) => a + v, 0) / values.length;
    return 1.96 * Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
  };
  return { precision: std('precision'), recall: std('recall'), f1: std('f1'), accuracy: std('accuracy') };
}
