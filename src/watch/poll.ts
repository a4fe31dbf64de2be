/**
 * One poll of one feed: a conditional GET (ETag / Last-Modified) through the ingest fetcher (SSRF guard, size and
 * time limits, per-host politeness), the feed parsed by the ingest parsers, and only items not handed on before
 * turned into documents (their pages fetched only then), so a steady feed costs one small request per poll.
 */
import { createHash } from 'node:crypto';
import type { InputFailure, RawDocument } from '../core/raw-document.js';
import type { IngestContext } from '../ingest/context.js';
import { decodeBytes } from '../ingest/charset.js';
import { feedDocuments } from '../ingest/feed-documents.js';
import { parseJsonFeed, parseXmlFeed, type FeedItem, type ParsedFeed } from '../ingest/feeds.js';
import { fetchUrl } from '../ingest/fetch.js';
import { isJsonFeed, parseJson } from '../ingest/json-records.js';
import type { FeedState } from './feed-state.js';

export type PollOutcome =
  | { kind: 'not-modified' }
  | { kind: 'failed'; ruleId: string; reason: string }
  | {
      kind: 'fetched';
      etag: string | null;
      lastModified: string | null;
      /** Documents (or failures) of the items not seen before, and those items' keys. */
      documents: (RawDocument | InputFailure)[];
      freshKeys: string[];
      items: number;
    };

/** An item's identity across polls: its link, else a hash of its title and content. */
export function itemKey(item: FeedItem): string {
  if (item.link) return item.link;
  const text = [item.title, item.published, item.contentHtml ?? item.summaryHtml].join('\0');
  return `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

/**
 * Polls `feed` once. `unseen` says which item keys are new. Never throws for a feed's own problems: a network error,
 * an HTTP error or an unparsable body comes back as `failed`, with the input named.
 */
export async function pollFeed(feed: FeedState, ctx: IngestContext, unseen: (keys: string[]) => Promise<Set<string>>): Promise<PollOutcome> {
  const fetchedAt = new Date().toISOString();
  const response = await fetchUrl(
    feed.url,
    { ...ctx.fetch, conditional: { etag: feed.etag ?? undefined, lastModified: feed.lastModified ?? undefined } },
    feed.url,
  );
  if ('ruleId' in response) return { kind: 'failed', ruleId: response.ruleId, reason: response.reason };
  if (response.status === 304) return { kind: 'not-modified' };
  const decoded = decodeBytes(response.body, feed.url, { contentType: response.contentType, override: ctx.options.encoding });
  const parsed = parseFeed(decoded.text, feed.url);
  if ('ruleId' in parsed) return { kind: 'failed', ruleId: parsed.ruleId, reason: parsed.reason };
  const keys = parsed.items.map(itemKey);
  const fresh = await unseen(keys);
  const positions = parsed.items.map((_, i) => i).filter((i) => fresh.has(keys[i]));
  const documents: (RawDocument | InputFailure)[] = [];
  if (positions.length) {
    const origin = { input: feed.url, url: response.finalUrl, feedRef: feed.url, fromNetwork: true, fetchedAt, notes: decoded.notes };
    const items = positions.map((i) => parsed.items[i]);
    for await (const doc of feedDocuments({ ...parsed, items }, origin, ctx)) documents.push(renumber(doc, feed.url, positions));
  }
  return {
    kind: 'fetched',
    etag: header(response.headers.etag),
    lastModified: header(response.headers['last-modified']),
    documents,
    freshKeys: keys.filter((k) => fresh.has(k)),
    items: parsed.items.length,
  };
}

/** Reads a feed body: JSON Feed when it is JSON, else RSS, RDF or Atom. */
function parseFeed(text: string, input: string): ParsedFeed | InputFailure {
  if (/^\s*[[{]/.test(text)) {
    const json = parseJson(text, input);
    if ('ruleId' in json) return json;
    if (!isJsonFeed(json.value)) return { input, ruleId: 'watch:not-a-feed', reason: 'JSON that is not a JSON Feed (no jsonfeed.org version)' };
    return parseJsonFeed(json.value, input);
  }
  return parseXmlFeed(text, input);
}

/** Names a fresh item by its place in the whole feed (`feed#7`), not among the fresh ones only, so messages point at it. */
function renumber<T extends RawDocument | InputFailure>(doc: T, feed: string, positions: number[]): T {
  const prefix = `${feed}#`;
  const fix = (input: string) => {
    if (!input.startsWith(prefix)) return input;
    const k = Number(input.slice(prefix.length));
    return Number.isInteger(k) && positions[k - 1] !== undefined ? `${prefix}${positions[k - 1] + 1}` : input;
  };
  const out = { ...doc, input: fix(doc.input) };
  if ('record' in out && typeof out.record === 'number') out.record = positions[out.record - 1] + 1;
  if ('notes' in out && out.notes) out.notes = out.notes.map((n) => ({ ...n, input: fix(n.input) }));
  return out;
}

function header(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
