/**
 * MinHash signatures and a banded LSH index over them, built here rather than from npm because
 * the npm packages tried could not separate real copies from same-topic articles (research §5).
 */
import { mix32 } from './shingles.js';

/** Hash functions per signature. */
export const MINHASH_PERMUTATIONS = 64;
/** LSH bands; rows per band = permutations / bands. 32 x 2 puts the 50% candidate point near Jaccard 0.18. */
export const LSH_BANDS = 32;
/** A bucket holding more documents than this is boilerplate shared by many pages; it yields no candidates. */
export const LSH_MAX_BUCKET_DOCS = 50;

const SEED_BASE = 0x2545f491;

/** Seeded permutation salts; the same for every run. */
const SALTS: Uint32Array = (() => {
  const salts = new Uint32Array(MINHASH_PERMUTATIONS);
  for (let i = 0; i < salts.length; i++) salts[i] = mix32(SEED_BASE + Math.imul(i + 1, 0x9e3779b9));
  return salts;
})();

/** MinHash signature of a set of 32-bit shingle hashes (all 0xffffffff for an empty set). */
export function minhashSignature(shingles: Uint32Array, permutations = MINHASH_PERMUTATIONS): Uint32Array {
  const sig = new Uint32Array(permutations).fill(0xffffffff);
  for (let p = 0; p < permutations; p++) {
    const salt = SALTS[p];
    let min = 0xffffffff;
    for (let i = 0; i < shingles.length; i++) {
      const h = mix32(shingles[i] ^ salt);
      if (h < min) min = h;
    }
    sig[p] = min;
  }
  return sig;
}

/** Fraction of equal signature slots: an unbiased estimate of the Jaccard similarity of the two sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++;
  return a.length ? same / a.length : 0;
}

/** Banded LSH over MinHash signatures: documents sharing any whole band become candidates. */
export class LshIndex {
  private readonly buckets: Map<number, number[]>[];
  private readonly rows: number;

  constructor(
    readonly bands = LSH_BANDS,
    readonly maxBucketDocs = LSH_MAX_BUCKET_DOCS,
  ) {
    this.rows = Math.floor(MINHASH_PERMUTATIONS / bands);
    this.buckets = Array.from({ length: bands }, () => new Map<number, number[]>());
  }

  /** Adds a document's signature under a numeric id. */
  add(doc: number, signature: Uint32Array): void {
    for (let b = 0; b < this.bands; b++) {
      const key = this.key(signature, b);
      if (key < 0) continue;
      const bucket = this.buckets[b].get(key);
      if (bucket) {
        if (bucket.length <= this.maxBucketDocs) bucket.push(doc);
      } else this.buckets[b].set(key, [doc]);
    }
  }

  /** Documents sharing at least one band with the signature (the querying document excluded). */
  query(signature: Uint32Array, self = -1): number[] {
    const out = new Set<number>();
    for (let b = 0; b < this.bands; b++) {
      const key = this.key(signature, b);
      const bucket = key < 0 ? undefined : this.buckets[b].get(key);
      if (!bucket || bucket.length > this.maxBucketDocs) continue;
      for (const doc of bucket) if (doc !== self) out.add(doc);
    }
    return [...out];
  }

  /** The signature's key in each band (-1 for an empty signature): documents sharing one share that band's bucket. */
  bandKeys(signature: Uint32Array): number[] {
    return Array.from({ length: this.bands }, (_, b) => this.key(signature, b));
  }

  /** Hash of one band's rows, or -1 for an empty signature. */
  private key(signature: Uint32Array, band: number): number {
    let h = band;
    let empty = true;
    for (let r = 0; r < this.rows; r++) {
      const v = signature[band * this.rows + r];
      if (v !== 0xffffffff) empty = false;
      h = mix32((h ^ v) + r);
    }
    return empty ? -1 : h;
  }
}
