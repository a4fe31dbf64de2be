import { gunzipSync } from 'node:zlib';
import type { ArticleMeta } from '../core/article.js';
import type { InputFailure, RawDocument } from '../core/raw-document.js';
import { decodeBytes } from './charset.js';
import type { IngestContext } from './context.js';
import { failInput } from './failure.js';
import { feedDocuments } from './feed-documents.js';
import { parseJsonFeed, parseXmlFeed } from './feeds.js';
import { isJsonFeed, parseJson, readJsonLinesText, readJsonRecords } from './json-records.js';
import { formatBytes } from './limits.js';
import { compactMeta } from './meta.js';
import { detectBinary, isGzip, looksLikeHtmlDocument, rootElementOf, FEED_ROOTS, sniffKind, type InputKind } from './sniff.js';

/** Where a byte buffer came from, and what its name or Content-Type says it is. */
export interface ByteOrigin {
  input: string;
  path?: string;
  url?: string;
  /** Kind implied by extension or Content-Type; undefined means sniff. */
  kindHint?: InputKind;
  contentType?: string;
  /** True for fetched inputs (feeds then follow item links by default). */
  fromNetwork: boolean;
  /** Meta known from outside the body (e.g. Content-Language). */
  meta?: Partial<ArticleMeta>;
  fetchedAt: string;
  /** What to call the input in messages: `file`, `response`, `input`. */
  noun: string;
  /** Set once a gzip layer was removed, so nested gzip is refused rather than unwrapped again. */
  gunzipped?: boolean;
}

/** Gunzips with the output capped at `maxBytes` (a small .gz must not expand past the input limit). */
function gunzipCapped(bytes: Uint8Array, maxBytes: number): { bytes: Buffer } | { error: 'too-large' | 'corrupt'; detail: string } {
  try {
    return { bytes: gunzipSync(bytes, { maxOutputLength: Math.max(1, maxBytes) }) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) return { error: 'too-large', detail: err.message };
    return { error: 'corrupt', detail: err.message };
  }
}

/** Final kind from the hint and the decoded text; strong evidence in the text wins over a weak hint. */
export function resolveKind(hint: InputKind | undefined, text: string): InputKind {
  const root = rootElementOf(text)?.toLowerCase();
  switch (hint) {
    case 'markdown':
      return 'markdown';
    case 'text':
      return looksLikeHtmlDocument(text) ? 'html' : 'text';
    case 'html':
      return root && FEED_ROOTS.has(root) ? 'feed' : 'html';
    case 'json': {
      // A `.json` holding one object per line is JSON Lines under the wrong name.
      const sniffed = sniffKind(text);
      return sniffed === 'jsonl' || text.trimStart().startsWith('<') ? sniffed : 'json';
    }
    case 'jsonl':
      return text.trimStart().startsWith('<') ? sniffKind(text) : 'jsonl';
    case 'feed':
    case 'xml': {
      const sniffed = sniffKind(text);
      return sniffed === 'xml' ? 'feed' : sniffed; // non-feed XML is reported by the feed parser
    }
    default:
      return sniffKind(text);
  }
}

/**
 * Turns one input's bytes into documents: unwraps one gzip layer (`.html.gz` corpora), refuses binary data, decodes the charset, refuses empty
 * text, then reads it as text, markdown, HTML, JSON records, JSON Lines or a feed.
 */
export async function* documentsFromBytes(
  bytes: Uint8Array,
  origin: ByteOrigin,
  ctx: IngestContext,
): AsyncGenerator<RawDocument | InputFailure> {
  const { input } = origin;
  if (bytes.length === 0) {
    yield failInput(input, 'ingest:empty', `${origin.noun} is empty`);
    return;
  }
  if (isGzip(bytes) && !origin.gunzipped) {
    const inflated = gunzipCapped(bytes, ctx.options.maxBytes);
    if ('error' in inflated) {
      const reason =
        inflated.error === 'too-large'
          ? `${origin.noun} decompresses to more than the ${formatBytes(ctx.options.maxBytes)} limit`
          : `${origin.noun} is a gzip-compressed file that could not be decompressed (${inflated.detail})`;
      yield failInput(input, inflated.error === 'too-large' ? 'ingest:too-large' : 'ingest:binary', reason);
      return;
    }
    yield* documentsFromBytes(inflated.bytes, { ...origin, gunzipped: true, noun: `gzip-compressed ${origin.noun}` }, ctx);
    return;
  }
  const binary = detectBinary(bytes);
  if (binary) {
    yield failInput(input, 'ingest:binary', `${origin.noun} is a ${binary}, not text, HTML, JSON or a feed`);
    return;
  }
  const decoded = decodeBytes(bytes, input, { contentType: origin.contentType, override: ctx.options.encoding });
  const text = decoded.text;
  if (!text.trim()) {
    yield failInput(input, 'ingest:empty', `${origin.noun} holds only whitespace`);
    return;
  }
  const notes = decoded.notes;
  const kind = resolveKind(origin.kindHint, text);
  const recordOrigin = { input, path: origin.path, url: origin.url, fetchedAt: origin.fetchedAt, notes };
  if (kind === 'text' || kind === 'markdown' || kind === 'html') {
    const doc: RawDocument = { input, format: kind, body: text, fetchedAt: origin.fetchedAt };
    if (origin.path) doc.path = origin.path;
    if (origin.url) doc.url = origin.url;
    const meta = compactMeta(origin.meta ?? {});
    if (meta) doc.meta = meta;
    if (notes.length) doc.notes = notes;
    yield doc;
    return;
  }
  if (kind === 'jsonl') {
    yield* readJsonLinesText(text, recordOrigin);
    return;
  }
  const feedRef = origin.url ?? origin.path ?? input;
  if (kind === 'json') {
    const parsed = parseJson(text, input);
    if ('ruleId' in parsed) {
      yield parsed;
      return;
    }
    if (isJsonFeed(parsed.value)) {
      const feed = parseJsonFeed(parsed.value, input);
      if ('ruleId' in feed) yield feed;
      else yield* feedDocuments(feed, { ...recordOrigin, feedRef, fromNetwork: origin.fromNetwork }, ctx);
      return;
    }
    yield* readJsonRecords(parsed.value, recordOrigin);
    return;
  }
  const feed = parseXmlFeed(text, input);
  if ('ruleId' in feed) yield feed;
  else yield* feedDocuments(feed, { ...recordOrigin, feedRef, fromNetwork: origin.fromNetwork }, ctx);
}
