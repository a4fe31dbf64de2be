/** Pieces the commands share: option mapping, store opening, ingest event display. */
import type { IngestEvent, IngestSummary } from '../../app/ingest.js';
import type { IngestOptions } from '../../ingest/index.js';
import { openStore, resolveDbLocation } from '../../store/index.js';
import { termSafe } from '../../report/escape.js';
import type { Store } from '../../store/store.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';

export interface InputFlags {
  allowPrivate?: boolean;
  timeout?: number;
  maxBytes?: number;
  delay?: number;
  encoding?: string;
}

export function toIngestOptions(flags: InputFlags): IngestOptions {
  return {
    allowPrivate: flags.allowPrivate,
    timeoutMs: flags.timeout,
    maxBytes: flags.maxBytes,
    perHostDelayMs: flags.delay,
    encoding: flags.encoding,
    stdin: process.stdin,
  };
}

/** Opens the store named by `--db` (or its defaults), runs `fn`, and always closes it; `readOnly` never creates or changes a database. */
export async function withStore<T>(db: string | undefined, fn: (store: Store, location: string) => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
  const location = resolveDbLocation(db);
  const store = await openStore(location, options);
  try {
    return await fn(store, location);
  } finally {
    await store.close();
  }
}

/** Shows one ingest event: failures always (stderr), the rest unless --quiet. */
export function showIngestEvent(out: Output, event: IngestEvent, count: { n: number }): void {
  switch (event.type) {
    case 'failed':
      out.error(`✗ ${termSafe(event.input)}: ${termSafe(event.reason)} [${event.ruleId}]`);
      break;
    case 'warning':
      out.info(`! ${termSafe(event.input)}: ${termSafe(event.reason)} [${event.ruleId}]`);
      break;
    case 'duplicate':
      // A re-run over a stored corpus would print one line per file: counted in the summary, listed with --verbose.
      out.detail(`= ${termSafe(event.input)}: already stored as ${event.duplicateOf} (${termSafe(event.reason)}); nothing changed`);
      break;
    case 'added':
      count.n++;
      out.progress('articles ingested', count.n);
      break;
  }
}

export function ingestSummaryLine(summary: IngestSummary, verbose = false): string {
  const parts = [`${summary.added.length} added`, `${summary.duplicates} already stored${summary.duplicates && !verbose ? ' (--verbose lists them)' : ''}`, `${summary.failed.length} failed`];
  if (summary.warnings) parts.push(`${summary.warnings} warnings`);
  return `ingest: ${parts.join(', ')}`;
}

/** 0 when no input failed, 1 when some did, 3 when all did. */
export function ingestExitCode(summary: IngestSummary): number {
  if (!summary.failed.length) return EXIT.OK;
  return summary.added.length + summary.duplicates > 0 ? EXIT.INPUT_FAILURES : EXIT.ERROR;
}
