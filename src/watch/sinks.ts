/** Where `watch` hands new feed items: this process (SQLite) or the workers' queue (PostgreSQL). */
import { analyzeStore, type StoreAnalyzeResult } from '../app/analyze.js';
import { extractOne } from '../app/ingest.js';
import type { InputFailure } from '../core/raw-document.js';
import { isInputFailure } from '../ingest/index.js';
import { ingestKey } from '../queue/jobs.js';
import type { JobQueue } from '../queue/queue.js';
import type { Store } from '../store/store.js';
import type { ItemSink } from './watch.js';

/** Stores each item here and, after a round that added any, runs the analysis (incremental: new articles only). */
export function storeSink(store: Store, onAnalysed?: (result: StoreAnalyzeResult) => void): ItemSink {
  let added = 0;
  return {
    async take(_feed, documents, failures) {
      await recordAll(store, failures);
      let n = 0;
      for (const doc of documents) {
        const article = extractOne(doc);
        if (isInputFailure(article)) {
          await recordAll(store, [article]);
          continue;
        }
        if ((await store.addArticle(article)).status === 'added') n++;
      }
      added += n;
      return { added: n };
    },
    async afterRound() {
      if (!added) return;
      added = 0;
      onAnalysed?.(await analyzeStore(store));
    },
  };
}

/** Sends each item to the workers as an ingest job carrying its document; the workers store and analyse it. */
export function queueSink(queue: JobQueue, store: Store): ItemSink {
  return {
    async take(_feed, documents, failures) {
      await recordAll(store, failures);
      let n = 0;
      for (const document of documents) {
        const data = { document };
        if (await queue.send('ingest', data, ingestKey(data))) n++;
      }
      return { added: n };
    },
  };
}

async function recordAll(store: Store, failures: InputFailure[]): Promise<void> {
  if (failures.length) await store.recordFailures(failures.map((f) => ({ ...f, at: new Date().toISOString() })));
}

