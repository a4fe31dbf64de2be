/** `triangulate worker`: takes jobs from a PostgreSQL store's queue until SIGTERM or SIGINT. */
import { isPostgresUrl } from '../../store/postgres/url.js';
import { resolveDbLocation } from '../../store/index.js';
import { termSafe } from '../../report/escape.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';

export async function runWorkerCommand(flags: { db?: string; concurrency?: number }, out: Output): Promise<number> {
  const location = resolveDbLocation(flags.db);
  if (!isPostgresUrl(location)) {
    out.error('worker: workers need a PostgreSQL store (--db postgres://… or TRIANGULATE_DB); with SQLite, ingest, analyze and watch do the work in one process');
    return EXIT.USAGE;
  }
  const { runWorker } = await import('../../queue/worker.js');
  const stop = new AbortController();
  // SIGTERM (a deployment stopping) and Ctrl-C: stop taking jobs, finish the running ones, mark this worker stopped.
  const onSignal = () => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    await runWorker(location, {
      concurrency: flags.concurrency,
      signal: stop.signal,
      onEvent: (event) => {
        if (event.type === 'started') out.info(`worker ${event.id} started (concurrency ${event.concurrency}); SIGTERM stops it after the running jobs`);
        else if (event.type === 'done') out.detail(`✓ ${event.kind} ${event.job} in ${event.ms} ms`);
        else if (event.type === 'failed') out.error(`✗ ${event.kind} ${event.job}: ${termSafe(event.reason)} (retried, then dead-lettered)`);
        else out.info(`worker ${event.id} stopped`);
      },
    });
    return EXIT.OK;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}
