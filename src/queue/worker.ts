/**
 * A worker process: takes ingest, per-article and corpus-update jobs from the queue of a PostgreSQL store until told
 * to stop. Ingest and per-article jobs run in parallel across workers; the corpus update runs on one worker at a time.
 */
import type PgBoss from 'pg-boss';
import { openSqlDriver, openStore } from '../store/index.js';
import type { SqlDriver } from '../store/driver.js';
import type { Store } from '../store/store.js';
import { JOB_KINDS, runAnalyzeArticleJob, runIngestJob, runUpdateCorpusJob, type Enqueue, type JobData, type JobKind } from './jobs.js';
import { JobQueue } from './queue.js';
import { WorkerRegistration } from './worker-registry.js';

/** Seconds between two polls of an idle queue (pg-boss also wakes a worker at once when the same process sends). */
const POLL_S = 0.5;
/** Key of the advisory lock that serialises corpus updates, whatever the queue does. */
export const CORPUS_LOCK = 'triangulate:corpus';

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
    await startHandlers(queue, store, driver, registration, concurrency, options.onEvent ?? (() => undefined));
    options.onEvent?.({ type: 'started', id: registration.id, concurrency });
    await aborted(options.signal);
    // Graceful: pg-boss stops fetching, waits for running handlers, then the registration is marked stopped.
    await queue.close({ graceful: true, timeoutMs: options.graceMs ?? 60_000 });
    queue = undefined;
    await registration.stop();
    options.onEvent?.({ type: 'stopped', id: registration.id });
  } finally {
    await queue?.close().catch(() => undefined);
    await driver?.close();
    await store.close();
  }
}

async function startHandlers(
  queue: JobQueue,
  store: Store,
  driver: SqlDriver,
  registration: WorkerRegistration,
  concurrency: number,
  onEvent: NonNullable<WorkerOptions['onEvent']>,
): Promise<void> {
  const enqueue: Enqueue = (kind, data, key, after) => queue.send(kind, data, key, after);
  const withLock = <T>(fn: () => Promise<T>) => driver.transaction(() => fn(), { lockKey: CORPUS_LOCK });
  const run = {
    ingest: (data: JobData['ingest']) => runIngestJob(store, data, enqueue),
    'analyze-article': (data: JobData['analyze-article']) => runAnalyzeArticleJob(store, data, enqueue),
    'update-corpus': (data: JobData['update-corpus']) =>
      runUpdateCorpusJob(store, data, enqueue, () => queue.pending(['ingest', 'analyze-article']), withLock),
  } as const;
  for (const kind of JOB_KINDS) {
    const handler = async ([job]: PgBoss.Job<object>[]) => {
      const label = `${kind} ${job.id}`;
      await registration.began(label);
      const started = Date.now();
      try {
        const result = await (run[kind] as (data: object) => Promise<unknown>)(job.data);
        onEvent({ type: 'done', kind, job: job.id, result, ms: Date.now() - started });
        return result;
      } catch (error) {
        // Thrown back to pg-boss, which retries the job and, once its retries are spent, fails it with this reason.
        onEvent({ type: 'failed', kind, job: job.id, reason: (error as Error)?.message ?? String(error) });
        throw error;
      } finally {
        await registration.ended(label).catch(() => undefined);
      }
    };
    for (let i = 0; i < concurrency; i++) await queue.boss.work(kind, { batchSize: 1, pollingIntervalSeconds: POLL_S }, handler);
  }
}

function aborted(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
