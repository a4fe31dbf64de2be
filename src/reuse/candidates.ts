/**
 * Candidate retrieval so that only plausibly related pairs are aligned: three indexes whose cost
 * grows with the corpus, not with its square.
 * 1. MinHash LSH over word shingles (duplicates, copies).
 * 2. Sampled shingles in an inverted index (partial reuse: a quoted paragraph sharing few shingles overall).
 * 3. Rare anchors (numbers, names, long words) in an inverted index (rewrites and translations share facts, not wording).
 */
import { LshIndex } from './minhash.js';
import { termHash, type ReuseProfile } from './profile.js';

/** Keep shingles whose hash is 0 modulo this (about 1 in 8): a stable sample, so two copies keep the same ones. */
export const SHINGLE_SAMPLE_MOD = 8;
/** Sampled shingles two articles must share to become candidates. */
export const MIN_SHARED_SAMPLED_SHINGLES = 2;
/** A posting list longer than this is boilerplate or a common term; it yields no candidates. */
export const MAX_POSTING_DOCS = 200;
/**
 * An anchor is rare while it is in at most this share of the indexed documents (never fewer than MAX_POSTING_DOCS):
 * rarity is relative to the corpus, so names and numbers still anchor rewrites in 100,000 articles.
 */
export const MAX_ANCHOR_DOC_SHARE = 0.005;
/** Anchors per article used for retrieval (the rarest first). */
export const ANCHORS_PER_ARTICLE = 64;
/** Anchors two articles must share to become candidates. */
export const MIN_SHARED_ANCHORS = 4;
/** Anchor candidates kept per article, best first. */
export const MAX_ANCHOR_CANDIDATES = 10;

/** A candidate pair and the signals that proposed it. */
export interface CandidatePair {
  a: number;
  b: number;
  signals: ('lsh' | 'shingles' | 'anchors')[];
}

/** What the indexes hold of one article: small enough to store, so a stored article is indexed without profiling it again. */
export interface IndexKeys {
  signature: Uint32Array;
  /** Sampled shingle hashes (distinct). */
  sampled: number[];
  /** Anchor term hashes (distinct). */
  anchors: number[];
}

/** The index keys of a profile. */
export function indexKeysOf(profile: ReuseProfile): IndexKeys {
  return { signature: profile.signature, sampled: [...sampleShingles(profile.shingles)], anchors: [...new Set(profile.anchors.map(termHash))] };
}

function keysOf(x: ReuseProfile | IndexKeys): IndexKeys {
  return 'sampled' in x ? x : indexKeysOf(x);
}

/** Inverted indexes over a set of profiles, queried per profile. */
export class ReuseIndex {
  private readonly lsh = new LshIndex();
  private readonly sampled = new Map<number, number[]>();
  private readonly anchorPostings = new Map<number, number[]>();
  private readonly anchorDf = new Map<number, number>();
  private readonly anchorKeys: number[][] = [];
  private size = 0;

  /** Adds a profile under the next numeric id and returns it. */
  add(profile: ReuseProfile | IndexKeys): number {
    const { signature, sampled, anchors } = keysOf(profile);
    const doc = this.size++;
    this.lsh.add(doc, signature);
    for (const h of sampled) pushCapped(this.sampled, h, doc);
    for (const k of anchors) this.anchorDf.set(k, (this.anchorDf.get(k) ?? 0) + 1);
    this.anchorKeys.push(anchors);
    return doc;
  }

  /** Second pass after all adds: index each document under its rarest anchors. */
  finish(): void {
    for (let doc = 0; doc < this.anchorKeys.length; doc++) {
      for (const k of this.rarest(this.anchorKeys[doc])) pushCapped(this.anchorPostings, k, doc, this.maxAnchorDocs());
    }
  }

  /** Candidate documents for `doc` (indexed) with the signals that found them. */
  query(doc: number, profile: ReuseProfile | IndexKeys): Map<number, Set<CandidatePair['signals'][number]>> {
    const { signature, sampled } = keysOf(profile);
    const found = new Map<number, Set<CandidatePair['signals'][number]>>();
    const note = (other: number, signal: CandidatePair['signals'][number]) => {
      if (other === doc) return;
      const set = found.get(other);
      if (set) set.add(signal);
      else found.set(other, new Set([signal]));
    };
    for (const other of this.lsh.query(signature, doc)) note(other, 'lsh');
    const shingleHits = new Map<number, number>();
    for (const h of sampled) {
      const list = this.sampled.get(h);
      if (!list || list.length > MAX_POSTING_DOCS) continue;
      for (const other of list) shingleHits.set(other, (shingleHits.get(other) ?? 0) + 1);
    }
    for (const [other, n] of shingleHits) if (n >= MIN_SHARED_SAMPLED_SHINGLES) note(other, 'shingles');
    const anchorHits = new Map<number, number>();
    for (const k of this.rarest(this.anchorKeys[doc] ?? [])) {
      const list = this.anchorPostings.get(k);
      if (!list || list.length > this.maxAnchorDocs()) continue;
      for (const other of list) anchorHits.set(other, (anchorHits.get(other) ?? 0) + 1);
    }
    const ranked = [...anchorHits].filter(([, n]) => n >= MIN_SHARED_ANCHORS).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    for (const [other] of ranked.slice(0, MAX_ANCHOR_CANDIDATES)) note(other, 'anchors');
    return found;
  }

  /** Longest anchor posting list that still counts as rare. */
  private maxAnchorDocs(): number {
    return Math.max(MAX_POSTING_DOCS, Math.ceil(this.size * MAX_ANCHOR_DOC_SHARE));
  }

  private rarest(keys: number[]): number[] {
    const max = this.maxAnchorDocs();
    return keys
      // An anchor no other document has cannot propose a pair; one too many have is not rare.
      .filter((k) => {
        const df = this.anchorDf.get(k) ?? 0;
        return df >= 2 && df <= max;
      })
      .sort((x, y) => (this.anchorDf.get(x) ?? 0) - (this.anchorDf.get(y) ?? 0) || x - y)
      .slice(0, ANCHORS_PER_ARTICLE);
  }
}

function sampleShingles(shingles: Uint32Array): Set<number> {
  const out = new Set<number>();
  for (const h of shingles) if (h % SHINGLE_SAMPLE_MOD === 0) out.add(h);
  return out;
}

function pushCapped(map: Map<number, number[]>, key: number, doc: number, cap = MAX_POSTING_DOCS): void {
  const list = map.get(key);
  if (!list) map.set(key, [doc]);
  else if (list.length <= cap && list[list.length - 1] !== doc) list.push(doc);
}

/** All candidate pairs (a < b) of a list of profiles. */
export function findCandidatePairs(profiles: readonly (ReuseProfile | IndexKeys)[]): CandidatePair[] {
  return findCandidatePairsOf(profiles.map(keysOf), profiles.map((_, i) => i));
}

/**
 * Candidate pairs (a < b) that involve one of the `queried` documents, over an index of every document: an analysis
 * that adds articles queries only the new ones against what is stored.
 */
export function findCandidatePairsOf(keys: readonly IndexKeys[], queried: Iterable<number>): CandidatePair[] {
  const index = new ReuseIndex();
  for (const k of keys) index.add(k);
  index.finish();
  const pairs = new Map<string, CandidatePair>();
  for (const i of queried) {
    for (const [j, signals] of index.query(i, keys[i])) {
      const [a, b] = i < j ? [i, j] : [j, i];
      const key = `${a}:${b}`;
      const pair = pairs.get(key);
      if (pair) for (const s of signals) (pair.signals.includes(s) ? null : pair.signals.push(s));
      else pairs.set(key, { a, b, signals: [...signals] });
    }
  }
  return [...pairs.values()].sort((x, y) => x.a - y.a || x.b - y.b);
}
