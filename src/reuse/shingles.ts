/**
 * 32-bit hashing of tokens and word k-shingles. Seeded and deterministic, so that signatures built
 * in different runs and processes agree.
 */
import type { Token } from './tokens.js';

/** Word shingle length for verbatim reuse (a run of this many identical words is unlikely by chance). */
export const WORD_SHINGLE_WORDS = 5;
/** Character shingle length for scripts written without spaces (tokens are single characters there). */
export const CHAR_SHINGLE_CHARS = 8;

/** FNV-1a over a string's UTF-16 units, finished with a murmur3 mix for avalanche. */
export function hashString(value: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** murmur3 finaliser: spreads input bits over the whole 32-bit word. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hashes each token's normalised form. */
export function hashTokens(tokens: readonly Token[]): Uint32Array {
  const out = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = hashString(tokens[i].norm);
  return out;
}

/** Shingle length suited to the tokens: characters for unspaced scripts, words otherwise. */
export function shingleSizeFor(tokens: readonly Token[]): number {
  let chars = 0;
  for (const t of tokens) if (t.kind === 'char') chars++;
  return chars * 2 > tokens.length ? CHAR_SHINGLE_CHARS : WORD_SHINGLE_WORDS;
}

/** Hash of each k-token window, in order (index i covers tokens i..i+k-1). */
export function shingleHashes(tokenHashes: Uint32Array, k: number): Uint32Array {
  const n = tokenHashes.length - k + 1;
  if (n <= 0) return new Uint32Array(0);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x9747b28c;
    for (let j = 0; j < k; j++) h = mix32((h ^ tokenHashes[i + j]) + j);
    out[i] = h;
  }
  return out;
}

/** Distinct values of a hash list. */
export function distinct(hashes: Uint32Array): Uint32Array {
  return Uint32Array.from(new Set(hashes));
}
