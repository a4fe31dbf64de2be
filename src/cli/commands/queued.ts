/** `ingest` and `analyze` on a PostgreSQL store: the inputs become jobs for the workers; `--wait` follows them. */
import type { QueueDepth } from '../../queue/queue.js';
import { listWorkers } from '../../queue/worker-registry.js';
import { openSqlDriver } from '../../store/index.js';
import { jsonPiecesPaged } from '../../report/json-pieces.js';
import { pagedExport } from '../../report/export-stream.js';
import { buildExport } from '../../report/json.js';
import { renderMarkdown } from '../../report/markdown.js';
import type { Store } from '../../store/store.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { writeFileAtomic } from '../write-file.js';
import { showIngestEvent, toIngestOptions, type InputFlags } from './shared.js';

/** How long `--wait` waits before saying that no worker is alive. */
const NO_WORKER_WARN_MS = 10_000;

export interface QueuedFlags extends InputFlags {
  wait?: boolean;
  json?: string;
  markdown?: string;
}

/**
 * Sends the inputs (and, for `analyze`, a corpus update) to the queue of `store`, then returns, or with `--wait`
 * follows the queue until it is drained and writes the exports asked for.
 */
export async function runQueued(
  command: 'ingest' | 'analyze',
  store: Store,
  location: string,
  inputs: string[],
  flags: QueuedFlags,
  out: Output,
): Promise<number> {
  const started = new Date().toISOString();
  const [{ JobQueue }, { enqueueInputs, waitForQueue }] = await Promise.all([import('../../queue/queue.js'), import('../../queue/enqueue.js')]);
  const queue = await JobQueue.open(location);
  try {
    const summary = await enqueueInputs(queue, store, inputs, toIngestOptions(flags), (e) => showIngestEvent(out, e, { n: 0 }));
    if (command === 'analyze') await queue.send('update-corpus', { since: Date.now() });
    out.info(`${command}: ${summary.queued} job(s) queued, ${summary.folded} already waiting, ${summary.failed} input(s) failed (store: ${store.location})`);
    if ((flags.json || flags.markdown) && !flags.wait) out.info(`${command}: --json and --markdown are written only with --wait; run \`triangulate export\` once the workers are done`);
    if (!flags.wait) {
      out.info('workers take the jobs (`triangulate worker`); `triangulate status` shows progress, or add --wait');
      return summary.failed ? (summary.queued + summary.folded ? EXIT.INPUT_FAILURES : EXIT.ERROR) : EXIT.OK;
    }
    // A worker just started may take a few seconds to register: look once after NO_WORKER_WARN_MS.
    const check = setTimeout(() => void warnIfNoWorker(location, out).catch(() => undefined), NO_WORKER_WARN_MS);
    try {
      await waitForQueue(queue, (depth) => out.info(`waiting: ${describeDepth(depth)}`));
    } finally {
      clearTimeout(check);
    }
    out.info(`${command}: done; ${await store.countArticles()} article(s) stored`);
    const failed = (await queue.failed()).filter((job) => job.at >= started);
    for (const job of failed) out.error(`✗ ${job.kind} job failed: ${job.reason}`);
    if (flags.json || flags.markdown) {
      if (flags.json) await writeFileAtomic(flags.json, jsonPiecesPaged(await pagedExport(store, new Date().toISOString())));
      if (flags.markdown) await writeFileAtomic(flags.markdown, renderMarkdown(buildExport(await store.listArticles({ layers: false }), await store.loadAnalysis(), new Date().toISOString())));
    }
    return summary.failed || failed.length ? EXIT.INPUT_FAILURES : EXIT.OK;
  } finally {
    await queue.close();
  }
}

/** `--wait` with no worker alive would wait forever without saying why. */
async function warnIfNoWorker(location: string, out: Output): Promise<void> {
  const driver = await openSqlDriver(location);
  try {
    if (!(await listWorkers(driver)).some((w) => w.alive)) out.error(`no worker is alive on this store: start one with \`triangulate worker --db …\` (waiting meanwhile)`);
  } finally {
    await driver.close();
  }
}

/** `ingest 2 waiting 1 running · analyze-article …` */
export function describeDepth(depth: QueueDepth[]): string {
  return depth.map((d) => `${d.kind} ${d.waiting} waiting ${d.active} running${d.failed ? ` ${d.failed} failed` : ''}`).join(' · ');
}
