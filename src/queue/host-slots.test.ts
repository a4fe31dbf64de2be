/** Per-host politeness shared through PostgreSQL: two queues (as two worker processes) keep requests to a host apart. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropTestSchemas, testSchemaUrl } from '../store/postgres/test-schema.js';
import { openStore } from '../store/index.js';
import { JobQueue } from './queue.js';

let server: Server;
let base: string;
const arrivals: number[] = [];

beforeAll(async () => {
  server = createServer((_req, res) => {
    arrivals.push(Date.now());
    // A slow answer: the next request to the host must wait the delay after it, not after its start.
    setTimeout(() => res.writeHead(200).end('ok'), 150);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  await dropTestSchemas();
});

describe('politeness shared by every worker of a PostgreSQL store', () => {
  it('spaces requests to one host from two processes by the delay after each answer', async () => {
    const url = testSchemaUrl('hostslots');
    const store = await openStore(url); // creates the schema the queue lives beside
    const [a, b] = [await JobQueue.open(url), await JobQueue.open(url)];
    const delay = 300;
    try {
      const host = new URL(base).host;
      const get = (q: JobQueue, i: number) => q.politeness(delay).run(host, async () => (await fetch(`${base}/${i}`)).text());
      const answers = await Promise.all([0, 1, 2].flatMap((i) => [get(a, i), get(b, i)]));
      expect(answers).toEqual(Array(6).fill('ok'));
      const sorted = [...arrivals].sort((x, y) => x - y);
      const gaps = sorted.slice(1).map((t, i) => t - sorted[i]);
      // Each request starts at least the delay after the previous one's answer (150 ms of serving + 300 ms); timer slack allowed.
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(delay + 150 - 25);
    } finally {
      await a.close();
      await b.close();
      await store.close();
    }
  }, 60_000);
});
