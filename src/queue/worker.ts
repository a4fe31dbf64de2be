/**
 * A worker process: takes ingest, per-article, corpus-update and story-update jobs from the queue of a PostgreSQL
 * store until told to stop. Ingest, per-article and story jobs run in parallel across workers (one job per story at a
 * time); the corpus update runs on one worker at a time.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { openSqlDriver, openStore } from '../store/index.js';
import type { SqlDriver } from '../store/driver.js';
import type { Store } from '../store/store.js';
import { JOB_KINDS, runAnalyzeArticleJob, runIngestJob, runUpdateCorpusJob, runUpdateStoryJob, type Enqueue, type JobData, type JobKind } from './jobs.js';
import { JobQueue } from './queue.js';
import { WorkerRegistration } from './worker-registry.js';

/** Milliseconds between two polls of an idle queue. */
const POLL_MS = 250;
/** Milliseconds before fetching again after the queue could not be reached. */
const FETCH_RETRY_MS = 2_000;
/** Key of the advisory lock that serialises corpus updates, whatever the queue does. */
export const CORPUS_LOCK = 'triangulate:corpus';
/** Key of the advisory lock that serialises the updates of one story, whatever the queue does (the driver scopes it to the store's schema). */
export function storyLockKey(story: string): string {
  return `triangulate:story:${story}`;
}

export interface WorkerOptions {
  /** Jobs of each kind this process runs at once (default 1; the analysis is CPU-bound, so more processes scale better). */
  concurrency?: number;
  /** Aborting stops taking jobs, finishes the running ones (up to `graceMs`), then resolves. */
  signal?: AbortSignal;
  graceMs?: number;
  onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { type: 'started'; id: string; concurrency: number }
  | { type: 'done'; kind: JobKind; job: string; result: unknown; ms: number }
  | { type: 'failed'; kind: JobKind; job: string; reason: string }
  | { type: 'stopped'; id: string };

/**
 * Runs a worker on the PostgreSQL store at `location` until `signal` aborts.
 * @example await runWorker('postgres://postgres@127.0.0.1/test', { concurrency: 2, signal })
 */
export async function runWorker(location: string, options: WorkerOptions = {}): Promise<void> {
  const store = await openStore(location);
  let driver: SqlDriver | undefined;
  let queue: JobQueue | undefined;
  try {
    driver = await openSqlDriver(location);
    queue = await JobQueue.open(location);
    const registration = new WorkerRegistration(driver);
    await registration.start();
    const concurrency = Math.max(1, options.concurrency ?? 1);
    const stopping = new AbortController();
    const loops = startLoops(location, queue, store, driver, registration, concurrency, options.onEvent ?? (() => undefined), stopping.signal);
    options.onEvent?.({ type: 'started', id: registration.id, concurrency });
    await Promise.race([aborted(options.signal), loops]);
    // Graceful: no new job is taken; the running ones finish (a job still running after graceMs is left to expire and be retried).
    stopping.abort();
    const grace = new AbortController();
    await Promise.race([loops, sleep(options.graceMs ?? 60_000, grace.signal)]);
    grace.abort(); // the grace timer must not keep the process alive once the loops are done
    await registration.stop();
    options.onEvent?.({ type: 'stopped', id: registration.id });
  } finally {
    await queue?.close().catch(() => undefined);
    await driver?.close();
    await store.close();
  }
}

/**
 * One loop per job kind and concurrency slot, on pg-boss's fetch/complete/fail: a busy loop takes its next job at
 * once (pg-boss's own `work` waits a polling interval between jobs, which halved throughput on short jobs), an idle
 * one polls every POLL_MS. Stopping lets each loop finish the job it holds; resolves when all have.
 */
function startLoops(
  location: string,
  queue: JobQueue,
  store: Store,
  driver: SqlDriver,
  registration: WorkerRegistration,
  concurrency: number,
  onEvent: NonNullable<WorkerOptions['onEvent']>,
  stopping: AbortSignal,
): Promise<void[]> {
  const enqueue: Enqueue = (kind, data, key, after) => queue.send(kind, data, key, after);
  const withLock = <T>(fn: () => Promise<T>) => driver.transaction(() => fn(), { lockKey: CORPUS_LOCK });
  const withStoryLock = <T>(story: string, fn: () => Promise<T>) => driver.transaction(() => fn(), { lockKey: storyLockKey(story) });
  const run = {
    ingest: (data: JobData['ingest'], lastTry: boolean) => runIngestJob(store, data, enqueue, lastTry, (delayMs) => queue.politeness(delayMs)),
    'analyze-article': (data: JobData['analyze-article']) => runAnalyzeArticleJob(store, data, enqueue),
    'update-corpus': (data: JobData['update-corpus']) =>
      runUpdateCorpusJob(store, data, enqueue, () => queue.pending(['ingest', 'analyze-article']), withLock, (pending) => queue.sendStories(pending)),
    'update-story': (data: JobData['update-story']) => runUpdateStoryJob(store, data, withStoryLock),
  } as const;
  const loop = async (kind: JobKind) => {
    while (!stopping.aborted) {
      // A lost connection (server restart) is waited out rather than ending the worker.
      const [job] = await queue.boss
        .fetch<object>(kind, { batchSize: 1, includeMetadata: true })
        .catch(() => sleep(FETCH_RETRY_MS, stopping).then(() => []));
      if (!job) {
        await sleep(POLL_MS, stopping);
        continue;
      }
      const label = `${kind} ${job.id}`;
      await registration.began(label);
      const started = Date.now();
      try {
        const result = await (run[kind] as (data: object, lastTry: boolean) => Promise<unknown>)(job.data, job.retryCount >= job.retryLimit);
        await queue.boss.complete(kind, job.id, toOutput(result));
        onEvent({ type: 'done', kind, job: job.id, result, ms: Date.now() - started });
      } catch (error) {
        // pg-boss retries the job (with backoff) and, once its retries are spent, fails it for good with this reason.
        const reason = (error as Error)?.message ?? String(error);
        await queue.boss.fail(kind, job.id, { message: reason });
        onEvent({ type: 'failed', kind, job: job.id, reason });
      } finally {
        await registration.ended(label).catch(() => undefined);
      }
    }
  };
  return Promise.all(JOB_KINDS.flatMap((kind) => Array.from({ length: concurrency }, () => loop(kind))));
}

function toOutput(result: unknown): object {
  return result && typeof result === 'object' ? (result as object) : { result };
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return delay(ms, undefined, { signal }).catch(() => undefined);
}

function aborted(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
