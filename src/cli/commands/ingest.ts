import { ingestInto } from '../../app/ingest.js';
import type { Output } from '../output.js';
import { ingestExitCode, ingestSummaryLine, showIngestEvent, toIngestOptions, withStore, type InputFlags } from './shared.js';

export async function runIngest(inputs: string[], flags: InputFlags & { db?: string }, out: Output): Promise<number> {
  return withStore(flags.db, async (store) => {
    const count = { n: 0 };
    const summary = await ingestInto(store, inputs, toIngestOptions(flags), (e) => showIngestEvent(out, e, count));
    out.endProgress();
    out.info(`${ingestSummaryLine(summary, out.verbose)} (store: ${store.location})`);
    return ingestExitCode(summary);
  });
}
