/** Issue 11: with a PostgreSQL store, the API's ingest goes to the workers' queue and returns; a worker does the work. */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../server/app.js';
import { dropTestSchemas, testSchemaUrl } from '../store/postgres/test-schema.js';
import { openStore } from '../store/index.js';
import { queueHandOff, waitForQueue } from './enqueue.js';
import { JobQueue } from './queue.js';
import { runWorker } from './worker.js';

const TOKEN = 'test-token';
const PAGE = `<html><head><title>Bridge inspection</title></head><body><article>${Array.from(
  { length: 5 },
  (_, i) => `<p>Inspectors found ${i + 4} cracked bearings on the river bridge, the highways agency said, and closed ${i + 1} lanes until repairs end.</p>`,
).join('')}</article></body></html>`;

let http: HttpServer;
let page: string;

beforeAll(async () => {
  http = createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE));
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  page = `http://127.0.0.1:${(http.address() as AddressInfo).port}/bridge`;
});

afterAll(async () => {
  await new Promise((done) => http.close(done));
  await dropTestSchemas();
});

describe('API on a PostgreSQL store', () => {
  it('POST /api/ingest queues the URL and a corpus update, answers at once, and a worker stores and analyses it', async () => {
    const url = testSchemaUrl('api');
    const store = await openStore(url);
    const queue = await JobQueue.open(url);
    const ingest = { allowPrivate: true, perHostDelayMs: 0 };
    const server = createServer({ store, token: TOKEN, ingest, handOff: queueHandOff(queue, store, ingest) });
    const stop = new AbortController();
    let worker: Promise<void> | undefined;
    try {
      const res = await server.app.request('/api/ingest', {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ urls: [page], analyze: true }),
      });
      expect(res.status).toBe(202);
      await server.jobs.idle();
      expect(server.jobs.get((await res.json()).id)).toMatchObject({ status: 'done' });
      // Nothing was done in the server: the work waits in the queue.
      expect(await store.countArticles()).toBe(0);
      expect(Object.fromEntries((await queue.depth()).map((d) => [d.kind, d.waiting]))).toEqual({ ingest: 1, 'analyze-article': 0, 'update-corpus': 1, 'update-story': 0 });
      worker = runWorker(url, { signal: stop.signal });
      await waitForQueue(queue);
      expect((await store.listArticles()).map((a) => a.meta.title)).toEqual(['Bridge inspection']);
      expect((await store.loadAnalysis()).stories).toHaveLength(1);
    } finally {
      stop.abort();
      await worker;
      await queue.close();
      await store.close();
    }
  }, 120_000);
});
