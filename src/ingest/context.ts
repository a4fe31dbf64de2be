import type { FetchOptions } from './fetch.js';
import { resolveIngestOptions, type IngestOptions, type ResolvedIngestOptions } from './limits.js';
import { HostScheduler } from './politeness.js';
import type { LookupFunction } from './ssrf-guard.js';

/** State shared by one `readInputs` run: resolved options, the politeness queue, paths already read. */
export interface IngestContext {
  options: ResolvedIngestOptions;
  fetch: FetchOptions;
  seenPaths: Set<string>;
}

/** Creates the state for one run; `lookup` replaces DNS in tests. */
export function createIngestContext(options: IngestOptions = {}, lookup?: LookupFunction): IngestContext {
  const resolved = resolveIngestOptions(options);
  return {
    options: resolved,
    fetch: {
      allowPrivate: resolved.allowPrivate,
      timeoutMs: resolved.timeoutMs,
      maxBytes: resolved.maxBytes,
      maxRedirects: resolved.maxRedirects,
      userAgent: resolved.userAgent,
      scheduler: options.scheduler ?? new HostScheduler(resolved.perHostDelayMs),
      lookup,
    },
    seenPaths: new Set(),
  };
}

/** ISO time stamp for `fetchedAt`; ingestion is I/O, so reading the clock here is intended. */
export function nowIso(): string {
  return new Date().toISOString();
}
