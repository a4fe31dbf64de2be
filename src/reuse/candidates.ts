/**
 * Candidate retrieval so that only plausibly related pairs are aligned: three indexes whose cost
 * grows with the corpus, not with its square.
 * 1. MinHash LSH over word shingles (duplicates, copies).
 * 2. Sampled shingles in an inverted index (partial reuse: a quoted paragraph sharing few shingles overall).
 * 3. Rare anchors (numbers, names, long words) in an inverted index (rewrites and translations share facts, not wording).
 */
import { estimateJaccard, LshIndex } from './minhash.js';
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

const EMPTY = new Uint32Array(0);

/** A candidate pair and the signals that proposed it. */
/** What proposes a pair, in the order a pair's signals are listed. */
const SIGNALS = ['lsh', 'shingles', 'anchors'] as const;

export interface CandidatePair {
  a: number;
  b: number;
  signals: (typeof SIGNALS)[number][];
}

/** What the indexes hold of one article: small enough to store, so a stored article is indexed without profiling it again. */
export interface IndexKeys {
  signature: Uint32Array;
  /** Sampled shingle hashes (distinct). */
  sampled: Uint32Array;
  /** Anchor term hashes (distinct). */
  anchors: Uint32Array;
}

/** The index keys of a profile. */
export function indexKeysOf(profile: ReuseProfile): IndexKeys {
  return { signature: profile.signature, sampled: Uint32Array.from(sampleShingles(profile.shingles)), anchors: Uint32Array.from(new Set(profile.anchors.map(termHash))) };
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
  private readonly anchorKeys: Uint32Array[] = [];
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
    for (const k of this.rarest(this.anchorKeys[doc] ?? EMPTY)) {
      const list = this.anchorPostings.get(k);
      if (!list || list.length > this.maxAnchorDocs()) continue;
      for (const other of list) anchorHits.set(other, (anchorHits.get(other) ?? 0) + 1);
    }
    noteAnchorCandidates(doc, anchorHits, note);
    return found;
  }

  /** Longest anchor posting list that still counts as rare. */
  private maxAnchorDocs(): number {
    return Math.max(MAX_POSTING_DOCS, Math.ceil(this.size * MAX_ANCHOR_DOC_SHARE));
  }

  private rarest(keys: Uint32Array): number[] {
    return rarestAnchors(keys, this.anchorDf, this.maxAnchorDocs());
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

/** Signals that proposed a candidate, by candidate document. */
type Found = Map<number, Set<CandidatePair['signals'][number]>>;

/**
 * Queried documents up to this share of all are answered by scanning every document's keys for theirs, without
 * building the index over all of them (an analysis adding a few articles to a large store).
 */
const SCAN_MAX_QUERIED_SHARE = 0.02;

/**
 * Copy-like candidates (found by LSH or shared sampled shingles) an article is compared with among the articles before
 * it, the most similar first. Without a bound, a text reposted n times makes n²/2 pairs: the generated 30,000-article
 * bench had 37 candidates per article against 13.7 at 10,000 (docs/bench.md). A new copy linked to the most similar
 * earlier copies joins the same origin group; the links it no longer gets are those pruning drops anyway (a copy's
 * origin is the root, not its reposts).
 */
export const MAX_COPY_CANDIDATES = 16;

/** Documents whose candidates are held at once while pairs are proposed from an index over all. */
const ANSWER_CHUNK = 1024;

const COPY_SIGNALS = new Set<CandidatePair['signals'][number]>(['lsh', 'shingles']);

/**
 * Candidate pairs (a < b) that involve one of the `queried` documents, over an index of every document: an analysis
 * that adds articles queries only the new ones against what is stored. A pair is proposed by its later article
 * (b): a is among b's {@link MAX_COPY_CANDIDATES} most similar earlier copy-like candidates or its best earlier anchor
 * candidates. So the pairs are the same whether the articles arrive in one run or in several, and their number grows
 * with the articles, not with the square of the copies of one text.
 */
export function findCandidatePairsOf(keys: readonly IndexKeys[], queried: Iterable<number>, how: 'scan' | 'index' | 'auto' = 'auto'): CandidatePair[] {
  const pairs = proposedPairs(keys, queried, how);
  return Array.from(sortedKeys(pairs), (key) => {
    const [a, b] = [Math.floor(key / keys.length), key % keys.length];
    return { a, b, signals: SIGNALS.filter((_, bit) => pairs.get(key)! & (1 << bit)) };
  });
}

/**
 * {@link findCandidatePairsOf} without the signals, as positions `[a0, b0, a1, b1, …]` (a < b, in order): a first
 * analysis of 100,000 articles has about two million candidate pairs, which as objects took hundreds of megabytes.
 */
export function findCandidateIndexPairs(keys: readonly IndexKeys[], queried: Iterable<number>): Uint32Array {
  const sorted = sortedKeys(proposedPairs(keys, queried, 'auto'));
  const out = new Uint32Array(sorted.length * 2);
  sorted.forEach((key, i) => {
    out[2 * i] = Math.floor(key / keys.length);
    out[2 * i + 1] = key % keys.length;
  });
  return out;
}

/** Keys of the proposed pairs in order (a key is a × documents + b, so by a, then b). */
function sortedKeys(pairs: ReadonlyMap<number, number>): Float64Array {
  return Float64Array.from(pairs.keys()).sort();
}

/** Each proposed pair's key (a × documents + b, a < b) and the signals that proposed it, as bits of {@link SIGNALS}. */
function proposedPairs(keys: readonly IndexKeys[], queried: Iterable<number>, how: 'scan' | 'index' | 'auto'): Map<number, number> {
  const asked = [...new Set(queried)];
  const isAsked = new Set(asked);
  const scan = how === 'scan' || (how === 'auto' && asked.length <= keys.length * SCAN_MAX_QUERIED_SHARE);
  let index: ReuseIndex | undefined;
  const answer = (docs: readonly number[]): Found[] => {
    if (!docs.length) return [];
    if (scan) return scanQuery(keys, docs);
    if (!index) {
      index = new ReuseIndex();
      for (const k of keys) index.add(k);
      index.finish();
    }
    return docs.map((i) => index!.query(i, keys[i]));
  };
  const pairs = new Map<number, number>();
  const propose = (i: number, j: number, signals: Iterable<CandidatePair['signals'][number]>) => {
    const key = i < j ? i * keys.length + j : j * keys.length + i;
    let bits = pairs.get(key) ?? 0;
    for (const s of signals) bits |= 1 << SIGNALS.indexOf(s);
    pairs.set(key, bits);
  };
  const proposeFrom = (i: number, found: Found) => {
    const own = isAsked.has(i);
    for (const j of closestEarlierCopies(keys, i, found)) if (own || isAsked.has(j)) propose(j, i, found.get(j)!);
    for (const [j, signals] of found) if (j < i && signals.has('anchors') && (own || isAsked.has(j))) propose(j, i, signals);
  };
  // A later document not asked may keep an asked one among its own earliest copies: it is asked too, for that alone.
  const later = new Set<number>();
  // A chunk of answers at a time: every document's candidates at once held a few hundred bytes per candidate for the corpus.
  const chunkOf = (docs: readonly number[]) => (scan ? Math.max(1, docs.length) : ANSWER_CHUNK);
  for (let at = 0, chunk = chunkOf(asked); at < asked.length; at += chunk) {
    const docs = asked.slice(at, at + chunk);
    answer(docs).forEach((found, n) => {
      const i = docs[n];
      for (const j of found.keys()) if (j > i && !isAsked.has(j)) later.add(j);
      proposeFrom(i, found);
    });
  }
  const extra = [...later].sort((x, y) => x - y);
  for (let at = 0, chunk = chunkOf(extra); at < extra.length; at += chunk) {
    const docs = extra.slice(at, at + chunk);
    answer(docs).forEach((found, n) => proposeFrom(docs[n], found));
  }
  return pairs;
}

function hasCopySignal(signals: ReadonlySet<CandidatePair['signals'][number]>): boolean {
  for (const s of signals) if (COPY_SIGNALS.has(s)) return true;
  return false;
}

/** The earlier documents `doc`'s copy-like signals found, most similar first (MinHash estimate, then earliest), at most {@link MAX_COPY_CANDIDATES}. */
function closestEarlierCopies(keys: readonly IndexKeys[], doc: number, found: Found): number[] {
  const earlier: Array<[number, number]> = [];
  for (const [j, signals] of found) if (j < doc && hasCopySignal(signals)) earlier.push([j, estimateJaccard(keys[doc].signature, keys[j].signature)]);
  if (earlier.length > MAX_COPY_CANDIDATES) earlier.sort((x, y) => y[1] - x[1] || x[0] - y[0]).length = MAX_COPY_CANDIDATES;
  return earlier.map(([j]) => j);
}

/**
 * What {@link ReuseIndex.query} answers for each asked document, from one pass over every document's keys that keeps
 * only the postings the asked documents read (anchor frequencies are counted over all, as rarity needs).
 */
function scanQuery(keys: readonly IndexKeys[], asked: readonly number[]): Found[] {
  const lsh = new LshIndex();
  const maxAnchorDocs = Math.max(MAX_POSTING_DOCS, Math.ceil(keys.length * MAX_ANCHOR_DOC_SHARE));
  const anchorDf = new Map<number, number>();
  for (const k of keys) for (const a of k.anchors) anchorDf.set(a, (anchorDf.get(a) ?? 0) + 1);
  const rarest = (anchors: Uint32Array) => rarestAnchors(anchors, anchorDf, maxAnchorDocs);
  const askedBands = asked.map((i) => lsh.bandKeys(keys[i].signature));
  const askedRarest = asked.map((i) => rarest(keys[i].anchors));
  // The postings the asked documents read, in document order and uncapped (a capped list is skipped all the same).
  const bands = Array.from({ length: lsh.bands }, () => new Map<number, number[]>());
  for (const bandKeys of askedBands) bandKeys.forEach((k, b) => k >= 0 && bands[b].set(k, []));
  const sampled = new Map<number, number[]>(asked.flatMap((i) => Array.from(keys[i].sampled, (h) => [h, []] as [number, number[]])));
  const withAnchor = new Map<number, number[]>(askedRarest.flatMap((ks) => ks.map((k) => [k, []] as [number, number[]])));
  keys.forEach((k, doc) => {
    lsh.bandKeys(k.signature).forEach((key, b) => bands[b].get(key)?.push(doc));
    for (const h of k.sampled) sampled.get(h)?.push(doc);
    for (const a of k.anchors) withAnchor.get(a)?.push(doc);
  });
  // A document is posted under an anchor only if that anchor is among its own rarest.
  const rarestOf = new Map<number, Set<number>>();
  const anchorPostings = new Map<number, number[]>();
  for (const [anchor, docs] of withAnchor) {
    anchorPostings.set(
      anchor,
      docs.filter((doc) => (rarestOf.get(doc) ?? rarestOf.set(doc, new Set(rarest(keys[doc].anchors))).get(doc)!).has(anchor)),
    );
  }
  return asked.map((doc, n) => {
    const found: Found = new Map();
    const note = (other: number, signal: CandidatePair['signals'][number]) => {
      if (other === doc) return;
      const set = found.get(other);
      if (set) set.add(signal);
      else found.set(other, new Set([signal]));
    };
    const lshHits = new Set<number>();
    askedBands[n].forEach((key, b) => {
      const bucket = key < 0 ? undefined : bands[b].get(key);
      if (bucket && bucket.length <= lsh.maxBucketDocs) for (const other of bucket) if (other !== doc) lshHits.add(other);
    });
    for (const other of lshHits) note(other, 'lsh');
    const shingleHits = new Map<number, number>();
    for (const h of keys[doc].sampled) {
      const list = sampled.get(h)!;
      if (list.length > MAX_POSTING_DOCS) continue;
      for (const other of list) shingleHits.set(other, (shingleHits.get(other) ?? 0) + 1);
    }
    for (const [other, hits] of shingleHits) if (hits >= MIN_SHARED_SAMPLED_SHINGLES) note(other, 'shingles');
    const anchorHits = new Map<number, number>();
    for (const k of askedRarest[n]) {
      const list = anchorPostings.get(k)!;
      if (!list.length || list.length > maxAnchorDocs) continue;
      for (const other of list) anchorHits.set(other, (anchorHits.get(other) ?? 0) + 1);
    }
    noteAnchorCandidates(doc, anchorHits, note);
    return found;
  });
}

/**
 * Notes the documents sharing enough anchors with `doc`: among those before it the best {@link MAX_ANCHOR_CANDIDATES}
 * (a pair is proposed by the later article, as with copies), and every later one (a later article that may choose
 * `doc`, for a stored article asked again).
 */
function noteAnchorCandidates(doc: number, hits: Map<number, number>, note: (other: number, signal: 'anchors') => void): void {
  const earlier: Array<[number, number]> = [];
  for (const [other, n] of hits) {
    if (n < MIN_SHARED_ANCHORS) continue;
    if (other < doc) earlier.push([other, n]);
    else note(other, 'anchors');
  }
  earlier.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  for (const [other] of earlier.slice(0, MAX_ANCHOR_CANDIDATES)) note(other, 'anchors');
}

/** The anchors an article is retrieved by: those in 2 to `max` documents, rarest first, at most ANCHORS_PER_ARTICLE. */
function rarestAnchors(keys: Uint32Array, df: ReadonlyMap<number, number>, max: number): number[] {
  return Array.from(keys)
    // An anchor no other document has cannot propose a pair; one too many have is not rare.
    .filter((k) => {
      const n = df.get(k) ?? 0;
      return n >= 2 && n <= max;
    })
    .sort((x, y) => (df.get(x) ?? 0) - (df.get(y) ?? 0) || x - y)
    .slice(0, ANCHORS_PER_ARTICLE);
}
