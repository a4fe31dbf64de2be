import type { ArticleMeta } from './article.js';

/**
 * One decoded input before extraction: what ingestion hands to `extract`.
 * `body` is already decoded to a JS string (charset handled by ingestion).
 */
export interface RawDocument {
  /** Names the input in messages: a path, a URL, `path#3` for a record, `-` for stdin. */
  input: string;
  path?: string;
  url?: string;
  feed?: string;
  record?: number;
  format: 'text' | 'markdown' | 'html';
  body: string;
  /** Metadata given alongside the body (JSON record fields, feed item fields, HTTP headers). */
  meta?: Partial<ArticleMeta>;
  fetchedAt: string;
  /** Problems ingestion recovered from (e.g. a charset fallback); extraction copies them to `Article.messages`. */
  notes?: InputFailure[];
}

/** An input that could not be turned into a RawDocument; the batch goes on without it. */
export interface InputFailure {
  input: string;
  /** `fatal` (the default) when the input was skipped; `warning` when it was read with a fallback. */
  severity?: 'warning' | 'fatal';
  /** `ingest:binary`, `ingest:empty`, `ingest:too-large`, `ingest:bad-charset`, `ingest:bad-json`, `fetch:timeout`… */
  ruleId: string;
  reason: string;
}
