/**
 * What `reuse/links` keeps between runs so that an analysis adding articles profiles and compares only the new ones:
 * each article's index keys (with a digest of what its profile is made from), the links as compared pair by pair,
 * and the results of story-wide support look-ups (with a digest of what they were computed from).
 */
import { hashId, type Article } from '../core/article.js';
import type { ReuseLink } from './types.js';

/** One article's stored reuse features. */
export interface StoredFeatures {
  /** Digest of the article's text, sentences and metadata under the stage version: a different one means profile again. */
  digest: string;
  /** Index keys as 32-bit hashes: typed arrays hold them in 4 bytes each, where a JS array boxes each (about 20). */
  signature: Uint32Array;
  sampled: Uint32Array;
  anchors: Uint32Array;
  contentTokens: number;
  /** Wire agencies its lead credits, as written. */
  wires: string[];
}

/** A support look-up's result, with the digest of its inputs. */
export interface StoredSupport {
  digest: string;
  body: unknown;
}

/** Everything reuse/links stored after a run. */
export interface ReuseState {
  features: Map<string, StoredFeatures>;
  /** Links as compared (before story-wide orientation and pruning), one per linked pair. */
  links: ReuseLink[];
  /** Support results by key (`orient:<story>`, `additions:<article>`). */
  support: Map<string, StoredSupport>;
}

/** What one run changed in that state: the store writes only this. */
export interface ReuseChanges {
  /** Features of articles profiled in this run. */
  features: Map<string, StoredFeatures>;
  /** Articles whose links were compared again: their stored links are replaced by those in `links` that touch them. */
  compared: string[];
  links: ReuseLink[];
  support: Map<string, StoredSupport>;
  /** Support terms (additions.ts `supportTerms`) of articles profiled in this run, or found missing from the store. */
  terms: Map<string, StoredTerms>;
}

/** An article's support terms as stored: JSON of its indexed sentences' terms, under its features digest. */
export interface StoredTerms {
  digest: string;
  json: string;
}

export function emptyReuseChanges(): ReuseChanges {
  return { features: new Map(), compared: [], links: [], support: new Map(), terms: new Map() };
}

export function emptyReuseState(): ReuseState {
  return { features: new Map(), links: [], support: new Map() };
}

/** Digest of what an article's reuse profile and comparisons read: text, sentences, metadata, source and dropped credits. */
export function featuresDigest(article: Article, version: string): string {
  const { text, meta, layers, data, source } = article;
  return hashId(JSON.stringify([version, text, layers.sentence ?? null, meta, source.url ?? null, data.dropped ?? null]), 24);
}

const HASH_LISTS = ['signature', 'sampled', 'anchors'] as const;

/** An article's features as stored: JSON with each hash list as base64 of its little-endian bytes (parsed as one string, not a number each). */
export function encodeFeatures(features: StoredFeatures): { digest: string; json: string } {
  const { digest, ...body } = features;
  const out: Record<string, unknown> = { ...body };
  for (const key of HASH_LISTS) out[key] = Buffer.from(body[key].buffer, body[key].byteOffset, body[key].byteLength).toString('base64');
  return { digest, json: JSON.stringify(out) };
}

/** Features read back from {@link encodeFeatures}'s JSON, or from rows written before as arrays of numbers. */
export function decodeFeatures(digest: string, json: string): StoredFeatures {
  const body = JSON.parse(json) as Record<string, unknown>;
  for (const key of HASH_LISTS) {
    const value = body[key];
    if (typeof value === 'string') {
      const bytes = Buffer.from(value, 'base64');
      // Copied out of the decode buffer: a Uint32Array view needs a 4-byte-aligned offset.
      body[key] = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    } else body[key] = Uint32Array.from((value as number[] | undefined) ?? []);
  }
  return { ...(body as Omit<StoredFeatures, 'digest'>), digest };
}

/** Digest of any JSON-serialisable inputs. */
export function digestOf(value: unknown): string {
  return hashId(JSON.stringify(value), 24);
}

/** Deep copy of a link, so orientation (which swaps and annotates) never alters the link as compared and stored. */
export function copyLink(link: ReuseLink): ReuseLink {
  return { ...link, passages: link.passages.map((p) => ({ from: { ...p.from }, to: { ...p.to } })), evidence: link.evidence.map((e) => ({ ...e })) };
}
