/**
 * Sentence alignment for paraphrase: pairs each sentence with its most similar sentence in the other
 * text by Jaccard over stemmed content terms (numbers and names included), one-to-one.
 */
import type { SentenceProfile } from './profile.js';

/**
 * Jaccard threshold at which two sentences state the same thing. Calibrated on the MSRP training
 * pairs (scripts/eval-reuse.ts picks it on a train part and reports a held-out part).
 */
export const SENTENCE_MATCH_JACCARD = 0.35;
/** Sentences with fewer content terms carry too little to align. */
export const MIN_SENTENCE_TERMS = 3;

/** One aligned sentence pair (indexes into each side's sentence list). */
export interface SentencePair {
  a: number;
  b: number;
  similarity: number;
}

/** Jaccard similarity of two term lists. */
export function termJaccard(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const set = new Set(a);
  let inter = 0;
  for (const t of new Set(b)) if (set.has(t)) inter++;
  return inter / (set.size + new Set(b).size - inter);
}

/** Best one-to-one sentence pairs whose similarity reaches `threshold`, ordered by `a`. */
export function alignSentences(
  a: readonly SentenceProfile[],
  b: readonly SentenceProfile[],
  threshold = SENTENCE_MATCH_JACCARD,
): SentencePair[] {
  const index = new Map<string, number[]>();
  b.forEach((s, j) => {
    if (s.terms.length < MIN_SENTENCE_TERMS) return;
    for (const t of s.terms) {
      const list = index.get(t);
      if (list) list.push(j);
      else index.set(t, [j]);
    }
  });
  const candidates: SentencePair[] = [];
  a.forEach((s, i) => {
    if (s.terms.length < MIN_SENTENCE_TERMS) return;
    const shared = new Map<number, number>();
    for (const t of s.terms) for (const j of index.get(t) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, inter] of shared) {
      const sim = inter / (s.terms.length + b[j].terms.length - inter);
      if (sim >= threshold) candidates.push({ a: i, b: j, similarity: sim });
    }
  });
  candidates.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: SentencePair[] = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    pairs.push(c);
  }
  return pairs.sort((x, y) => x.a - y.a);
}

/** Length of the longest increasing subsequence: how many aligned items keep their order. */
export function longestIncreasing(values: readonly number[]): number {
  const tails: number[] = [];
  for (const v of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
  }
  return tails.length;
}
