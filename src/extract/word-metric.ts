/**
 * The WCXB metric: lower-cased `\w+` token multisets of gold vs predicted text, per-page P/R/F1 averaged
 * over pages (macro), plus the share of must-keep (`with`) and must-drop (`without`) snippets found.
 */
import { tokenizeWords } from './shingle-metric.js';

/** One page's word-level score and snippet rates. */
export interface WordScore {
  precision: number;
  recall: number;
  f1: number;
  /** Share of `with` snippets found in the prediction (1 when there are none). */
  withRate: number;
  /** Share of `without` snippets found in the prediction (upstream's quirk: 1 when there are none). */
  withoutRate: number;
}

function bag(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokenizeWords(text.toLowerCase())) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

function size(counts: Map<string, number>): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
}

function snippetRate(snippets: readonly string[], predicted: string, whenNone: number): number {
  if (!snippets.length) return whenNone;
  const lower = predicted.toLowerCase();
  return snippets.filter((s) => lower.includes(s.toLowerCase())).length / snippets.length;
}

/**
 * Scores one page: bag-of-words P/R/F1 (empty gold and empty prediction is a perfect 1) and snippet rates.
 * @example scoreWords('a b c', 'a b', ['a b'], ['menu']).f1 // 0.8
 */
export function scoreWords(gold: string, predicted: string, withSnippets: readonly string[] = [], withoutSnippets: readonly string[] = []): WordScore {
  const g = bag(gold);
  const p = bag(predicted);
  const gn = size(g);
  const pn = size(p);
  let overlap = 0;
  for (const [t, c] of p) overlap += Math.min(c, g.get(t) ?? 0);
  let precision: number;
  let recall: number;
  if (gn === 0 && pn === 0) precision = recall = 1;
  else {
    precision = pn ? overlap / pn : 0;
    recall = gn ? overlap / gn : 0;
  }
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, withRate: snippetRate(withSnippets, predicted, 1), withoutRate: snippetRate(withoutSnippets, predicted, 1) };
}

/** Macro means of page scores. */
export function meanWordScores(scores: readonly WordScore[]): WordScore & { pages: number } {
  const n = scores.length || 1;
  const mean = (k: keyof WordScore) => scores.reduce((a, s) => a + s[k], 0) / n;
  return { precision: mean('precision'), recall: mean('recall'), f1: mean('f1'), withRate: mean('withRate'), withoutRate: mean('withoutRate'), pages: scores.length };
}
