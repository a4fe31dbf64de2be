/** Ingest jobs: a URL that fails for a while (503) is retried by the queue; one that is gone (404) is stored as a failure at once. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropTestSchemas, testSchemaUrl } from '../store/postgres/test-schema.js';
import { openStore } from '../store/index.js';
import { ingestKey } from './jobs.js';
import { JobQueue } from './queue.js';
import { runWorker } from './worker.js';

const PAGE = `<html><head><title>Ferry timetable changes</title></head><body><article><h1>Ferry timetable changes</h1>${Array.from(
  { length: 5 },
  (_, i) => `<p>The island ferry will run ${i + 3} crossings a day from Monday, the operator said, after repairs to the north pier took ${i + 2} weeks longer than planned.</p>`,
).join('')}</article></body></html>`;

let server: Server;
let base: string;
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const n = (hits.get(req.url ?? '') ?? 0) + 1;
    hits.set(req.url ?? '', n);
    if (req.url === '/gone') res.writeHead(404).end('gone');
    else if (n <= 2) res.writeHead(503).end('busy');
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  await dropTestSchemas();
});

describe('ingest jobs and failing URLs', () => {
  it('retries a URL answering 503 until it answers, and stores a 404 as an input failure without retrying', async () => {
    const url = testSchemaUrl('retry');
    const store = await openStore(url);
    const queue = await JobQueue.open(url);
    const stop = new AbortController();
    const worker = runWorker(url, { signal: stop.signal });
    try {
      const options = { allowPrivate: true, perHostDelayMs: 0 };
      const flaky = { url: `${base}/flaky`, options };
      const gone = { url: `${base}/gone`, options };
      // Two retries one second apart (the queue's default waits 2 s, 4 s, 8 s).
      const ids = await Promise.all([flaky, gone].map((data) => queue.boss.send('ingest', data, { singletonKey: ingestKey(data), retryLimit: 2, retryDelay: 1 })));
      for (let i = 0; i < 400; i++) {
        const jobs = await Promise.all(ids.map((id) => queue.boss.getJobById('ingest', id!)));
        if (jobs.every((j) => j?.state === 'completed')) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(hits.get('/flaky')).toBe(3);
      expect(hits.get('/gone')).toBe(1);
      expect((await store.listArticles()).map((a) => a.meta.title)).toEqual(['Ferry timetable changes']);
      expect((await store.listFailures()).map((f) => [f.input, f.ruleId])).toEqual([[`${base}/gone`, 'fetch:http-404']]);
    } finally {
      stop.abort();
      await worker;
      await queue.close();
      await store.close();
    }
  }, 120_000);
});
