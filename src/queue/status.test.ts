/** `triangulate status` on PostgreSQL: queue depth per kind, workers alive, and dead-lettered jobs with their reason. */
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-helpers.js';
import { dropTestSchemas, testSchemaUrl } from '../store/postgres/test-schema.js';
import { openStore } from '../store/index.js';
import { JobQueue } from './queue.js';
import { runWorker } from './worker.js';

afterAll(dropTestSchemas);

describe('status and dead letters', () => {
  it('a job that keeps failing ends failed with its reason, shown by status beside the queue and the live worker', async () => {
    const url = testSchemaUrl('status');
    await (await openStore(url)).close();
    const queue = await JobQueue.open(url);
    const stop = new AbortController();
    const events: string[] = [];
    const worker = runWorker(url, { signal: stop.signal, onEvent: (e) => events.push(e.type) });
    try {
      // One retry, one second apart, instead of the queue's three with backoff: the test need not wait 14 s.
      const id = await queue.boss.send('analyze-article', { id: 'no-such-article' }, { retryLimit: 1, retryDelay: 1 });
      for (let i = 0; i < 400; i++) {
        const job = await queue.boss.getJobById('analyze-article', id!);
        if (job?.state === 'failed') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await queue.failed()).toMatchObject([{ kind: 'analyze-article', reason: 'article no-such-article is not in the store' }]);
      expect(events.filter((e) => e === 'failed')).toHaveLength(2);
      await queue.send('ingest', { url: 'https://example.org/later' }, 'url:https://example.org/later', 3600);
      const status = await runCli('status', '--db', url);
      expect(status.code).toBe(0);
      expect(status.stdout).toMatch(/ingest: 1 waiting, 0 running, 0 failed/);
      expect(status.stdout).toMatch(/analyze-article: 0 waiting, 0 running, 1 failed/);
      expect(status.stdout).toMatch(/update-story: 0 waiting, 0 running, 0 failed/);
      expect(status.stdout).toMatch(/workers: 1 alive/);
      expect(status.stdout).toMatch(/failed jobs \(dead-lettered after their retries\): 1\n.*analyze-article: article no-such-article is not in the store/);
      const json = JSON.parse((await runCli('status', '--db', url, '--json')).stdout);
      expect(json.failedJobs).toHaveLength(1);
      expect(json.workers.filter((w: { alive: boolean }) => w.alive)).toHaveLength(1);
    } finally {
      stop.abort();
      await worker;
      await queue.close();
    }
  }, 120_000);
});
