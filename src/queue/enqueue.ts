/** The sending side: `ingest` and `analyze` on a PostgreSQL store turn inputs into jobs and return (or wait). */
import type { IngestEvent } from '../app/ingest.js';
import type { RawDocument } from '../core/raw-document.js';
import { isInputFailure, readInputs, type IngestOptions } from '../ingest/index.js';
import type { Store } from '../store/store.js';
import { ingestKey, type JobData, type JobIngestOptions } from './jobs.js';
import type { JobQueue, QueueDepth } from './queue.js';

/** How often `--wait` looks at the queue. */
const WAIT_POLL_MS = 500;

export interface EnqueueSummary {
  /** Jobs sent. */
  queued: number;
  /** Jobs folded into an identical one still waiting (same URL or same document). */
  folded: number;
  failed: number;
}

/**
 * Sends one ingest job per http(s) URL (a worker fetches it: a page, or a feed and its items) and one per document
 * read here from files, directories, globs or stdin (the job carries the text, so a worker on another machine can
 * take it). Inputs that cannot be read are stored as failures at once, as `ingest` does.
 */
export async function enqueueInputs(
  queue: JobQueue,
  store: Store,
  specs: string[],
  options: IngestOptions,
  onEvent: (event: IngestEvent) => void = () => undefined,
): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { queued: 0, folded: 0, failed: 0 };
  const carried: JobIngestOptions = {
    allowPrivate: options.allowPrivate,
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBytes,
    perHostDelayMs: options.perHostDelayMs,
    encoding: options.encoding,
  };
  const send = async (data: JobData['ingest']) => {
    const id = await queue.send('ingest', data, ingestKey(data));
    if (id) summary.queued++;
    else summary.folded++;
  };
  for (const spec of specs) {
    if (/^https?:\/\//i.test(spec)) {
      await send({ url: spec, options: carried });
      continue;
    }
    for await (const item of readInputs([spec], options)) {
      if (isInputFailure(item)) {
        if (item.severity === 'warning') continue;
        summary.failed++;
        await store.recordFailures([{ ...item, at: new Date().toISOString() }]);
        onEvent({ type: 'failed', input: item.input, ruleId: item.ruleId, reason: item.reason });
        continue;
      }
      await send({ document: item as RawDocument, options: carried });
    }
  }
  return summary;
}

/** Follows the queue until nothing is waiting or running, reporting the depth as it changes. */
export async function waitForQueue(queue: JobQueue, onProgress: (depth: QueueDepth[]) => void = () => undefined, signal?: AbortSignal): Promise<void> {
  let last = '';
  for (;;) {
    signal?.throwIfAborted();
    if ((await queue.pending()) === 0) return;
    const depth = await queue.depth();
    const shown = JSON.stringify(depth);
    if (shown !== last) onProgress(depth);
    last = shown;
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
  }
}

/**
 * The API's hand-off on a PostgreSQL store: inputs become ingest jobs (as `ingest` sends them) and, when asked, a
 * corpus update is requested; the API job ends once they are queued, and the workers do the rest.
 */
export function queueHandOff(queue: JobQueue, store: Store, options: IngestOptions) {
  return async (specs: string[], analyze: boolean, onEvent: (event: IngestEvent) => void): Promise<void> => {
    if (specs.length) await enqueueInputs(queue, store, specs, options, onEvent);
    if (analyze) await queue.send('update-corpus', { since: Date.now() });
  };
}
