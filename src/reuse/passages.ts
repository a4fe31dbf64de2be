/**
 * Verbatim passage alignment between two texts: seed on shared word shingles, extend to maximal
 * runs, then merge runs separated by small edits into passages with offsets in both texts.
 */
import type { ReuseProfile } from './profile.js';

/** Runs separated by at most this many tokens on both sides (an edit, a cut word) join one passage. */
export const MERGE_GAP_TOKENS = 8;
/** A merged passage shorter than this is a stock phrase, not reuse. */
export const MIN_PASSAGE_TOKENS = 10;
/** Positions tried per repeated shingle; repeats beyond this are boilerplate. */
const MAX_POSITIONS_PER_SHINGLE = 4;

/** A shared passage: token ranges and character offsets in both texts. */
export interface AlignedPassage {
  a: [number, number];
  b: [number, number];
  aTokens: [number, number];
  bTokens: [number, number];
  /** Tokens matched verbatim inside the passage (gaps excluded). */
  matched: number;
}

/** Result of aligning two texts. */
export interface PassageAlignment {
  passages: AlignedPassage[];
  /** Fraction of each side's tokens matched verbatim inside passages (each token counted once). */
  coverageA: number;
  coverageB: number;
  matchedTokens: number;
  /** Per-token flags, 1 where the token is matched verbatim inside a kept passage (absent when nothing aligned). */
  coveredA?: Uint8Array;
  coveredB?: Uint8Array;
}

interface Run {
  i: number;
  j: number;
  len: number;
}

type MergedRuns = Omit<AlignedPassage, 'a' | 'b'> & { runs: Run[] };

/** Aligns the verbatim passages shared by `a` and `b`. */
export function alignPassages(a: ReuseProfile, b: ReuseProfile): PassageAlignment {
  const empty: PassageAlignment = { passages: [], coverageA: 0, coverageB: 0, matchedTokens: 0 };
  if (!a.shingles.length || !b.shingles.length || a.shingleSize !== b.shingleSize) return empty;
  const k = a.shingleSize;
  const positions = new Map<number, number[]>();
  for (let j = 0; j < b.shingles.length; j++) {
    const list = positions.get(b.shingles[j]);
    if (!list) positions.set(b.shingles[j], [j]);
    else if (list.length < MAX_POSITIONS_PER_SHINGLE) list.push(j);
  }
  const runs: Run[] = [];
  const ta = a.tokenHashes;
  const tb = b.tokenHashes;
  let i = 0;
  while (i < a.shingles.length) {
    const list = positions.get(a.shingles[i]);
    if (!list) {
      i++;
      continue;
    }
    let best: Run | undefined;
    for (const j of list) {
      let len = 0;
      while (i + len < ta.length && j + len < tb.length && ta[i + len] === tb[j + len]) len++;
      if (len >= k && (!best || len > best.len)) best = { i, j, len };
    }
    if (!best) {
      i++;
      continue;
    }
    runs.push(best);
    i += best.len;
  }
  const merged = mergeRuns(runs);
  const passages: AlignedPassage[] = [];
  let matched = 0;
  // Coverage is a union: a repeated paragraph matched twice on one side must not count twice.
  const coveredA = new Uint8Array(a.tokens.length);
  const coveredB = new Uint8Array(b.tokens.length);
  for (const p of merged) {
    if (p.matched < MIN_PASSAGE_TOKENS) continue;
    matched += p.matched;
    for (const r of p.runs) {
      coveredA.fill(1, r.i, r.i + r.len);
      coveredB.fill(1, r.j, r.j + r.len);
    }
    passages.push({
      a: [a.tokens[p.aTokens[0]].start, a.tokens[p.aTokens[1] - 1].end],
      b: [b.tokens[p.bTokens[0]].start, b.tokens[p.bTokens[1] - 1].end],
      aTokens: p.aTokens,
      bTokens: p.bTokens,
      matched: p.matched,
    });
  }
  return {
    passages,
    coverageA: countSet(coveredA) / a.tokens.length,
    coverageB: countSet(coveredB) / b.tokens.length,
    matchedTokens: matched,
    coveredA,
    coveredB,
  };
}

function countSet(flags: Uint8Array): number {
  let n = 0;
  for (const f of flags) n += f;
  return n;
}

function mergeRuns(runs: Run[]): MergedRuns[] {
  const out: MergedRuns[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    const gapA = last ? r.i - last.aTokens[1] : Infinity;
    const gapB = last ? r.j - last.bTokens[1] : Infinity;
    if (last && gapA >= 0 && gapA <= MERGE_GAP_TOKENS && gapB >= 0 && gapB <= MERGE_GAP_TOKENS) {
      last.aTokens[1] = r.i + r.len;
      last.bTokens[1] = r.j + r.len;
      last.matched += r.len;
      last.runs.push(r);
    } else out.push({ aTokens: [r.i, r.i + r.len], bTokens: [r.j, r.j + r.len], matched: r.len, runs: [r] });
  }
  return out;
}
