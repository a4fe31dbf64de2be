import { ingestInto } from '../../app/ingest.js';
import type { Output } from '../output.js';
import { runQueued, type QueuedFlags } from './queued.js';
import { ingestExitCode, ingestSummaryLine, showIngestEvent, toIngestOptions, withStore } from './shared.js';

export async function runIngest(inputs: string[], flags: QueuedFlags & { db?: string }, out: Output): Promise<number> {
  return withStore(flags.db, async (store, location) => {
    // PostgreSQL: the inputs go to the workers' queue (src/queue); SQLite: this process does the work.
    if (store.kind === 'postgres') return runQueued('ingest', store, location, inputs, flags, out);
    const count = { n: 0 };
    const summary = await ingestInto(store, inputs, toIngestOptions(flags), (e) => showIngestEvent(out, e, count));
    out.endProgress();
    out.info(`${ingestSummaryLine(summary, out.verbose)} (store: ${store.location})`);
    return ingestExitCode(summary);
  });
}
