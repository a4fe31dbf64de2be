import type { HostPoliteness } from './politeness.js';

/** Largest input read whole (file, response body, stdin, one JSONL line): 20 MiB. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
/** Whole-fetch time limit (connect, redirects and body) per URL. */
export const FETCH_TIMEOUT_MS = 15_000;
/** Time allowed to open a TCP/TLS connection, within the overall fetch limit. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** Redirect hops followed before giving up. */
export const MAX_REDIRECTS = 5;
/** Pause between the end of one request and the start of the next to the same host (politeness). */
export const PER_HOST_DELAY_MS = 1000;
/** User-Agent sent with every request; names the tool so site owners can see who is fetching. */
export const USER_AGENT = 'Triangulate/0.1 (open-source news cross-checking engine)';
/** Bytes scanned for `<meta charset>` and for binary magic numbers / NUL bytes. */
export const SNIFF_BYTES = 4096;
/** Bytes scanned for NUL bytes when deciding that an input is binary. */
export const BINARY_SCAN_BYTES = 8192;
/** A feed item whose content has fewer visible characters than this is a teaser, not the article. */
export const FEED_MIN_CONTENT_CHARS = 500;

/** Options for `readInputs`; every field has a named default above. */
export interface IngestOptions {
  /** Allow fetching private, loopback and link-local addresses (default false: SSRF guard on). */
  allowPrivate?: boolean;
  /** Whole-fetch time limit per URL in ms (default FETCH_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Largest input in bytes (default MAX_INPUT_BYTES). */
  maxBytes?: number;
  /** Redirect hops followed (default MAX_REDIRECTS). */
  maxRedirects?: number;
  /** Delay between requests to one host in ms (default PER_HOST_DELAY_MS). */
  perHostDelayMs?: number;
  /** User-Agent header (default USER_AGENT). */
  userAgent?: string;
  /** Stream read for the `-` spec (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Fetch a feed item's link when the item carries only a summary (default: true for URL feeds, false for feed files). */
  followFeedLinks?: boolean;
  /** Decode every file, response and feed as this encoding (a WHATWG label), whatever it declares (default: declared or detected). */
  encoding?: string;
  /** Per-host politeness queue to share across runs (a worker's jobs); default: a new one per run with `perHostDelayMs`. */
  scheduler?: HostPoliteness;
}

/** IngestOptions with every default filled in. */
export interface ResolvedIngestOptions {
  allowPrivate: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  perHostDelayMs: number;
  userAgent: string;
  stdin?: NodeJS.ReadableStream;
  followFeedLinks?: boolean;
  encoding?: string;
}

/** Fills in the defaults of IngestOptions. */
export function resolveIngestOptions(options: IngestOptions = {}): ResolvedIngestOptions {
  return {
    allowPrivate: options.allowPrivate ?? false,
    timeoutMs: options.timeoutMs ?? FETCH_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? MAX_INPUT_BYTES,
    maxRedirects: options.maxRedirects ?? MAX_REDIRECTS,
    perHostDelayMs: options.perHostDelayMs ?? PER_HOST_DELAY_MS,
    userAgent: options.userAgent ?? USER_AGENT,
    stdin: options.stdin,
    followFeedLinks: options.followFeedLinks,
    encoding: options.encoding,
  };
}

/** Formats a byte count for messages, e.g. `50.0 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
