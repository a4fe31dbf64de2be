/** Issue 11: feed polling against a local server whose feeds change between polls. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-helpers.js';
import { openSqlDriver, openStore } from '../store/index.js';
import type { SqlDriver } from '../store/driver.js';
import type { Store } from '../store/store.js';
import { getFeed } from './feed-state.js';
import { feedsFromOpml } from './opml.js';
import { JobQueue } from '../queue/queue.js';
import { waitForQueue } from '../queue/enqueue.js';
import { runWorker } from '../queue/worker.js';
import { dropTestSchemas, testSchemaUrl } from '../store/postgres/test-schema.js';
import { queueSink, storeSink } from './sinks.js';
import { backoffSeconds, FeedWatcher } from './watch.js';

const INTERVAL_S = 60;
const MAX_BACKOFF_S = 300;

/** An item long enough to be used as the article itself (no page fetch): a made-up local story with its own numbers. */
function item(n: number): string {
  const body = Array.from(
    { length: 6 },
    (_, i) => `Paragraph ${i + 1} of bulletin ${n}: the ${['river', 'tunnel', 'school', 'market'][n % 4]} works in district ${n} reached stage ${i + 2}, the council said on day ${n + i}, adding that ${n * 10 + i} residents were told.`,
  ).join('</p><p>');
  return `<item><title>Bulletin ${n}</title><link>https://news.example/bulletin-${n}</link><pubDate>Tue, 0${(n % 9) + 1} Oct 2024 09:00:00 GMT</pubDate><description><![CDATA[<p>${body}</p>]]></description></item>`;
}

const rss = (items: number[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>District Wire</title><language>en</language>${items.map(item).join('')}</channel></rss>`;

const feed = { items: [1, 2], etag: '"v1"', broken: true };
const LAST_MODIFIED = 'Tue, 08 Oct 2024 09:30:00 GMT';
const requests: { path: string; headers: IncomingHttpHeaders }[] = [];
let server: Server;
let base: string;
const dir = mkdtempSync(join(tmpdir(), 'triangulate-watch-'));
let store: Store;
let driver: SqlDriver;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    if (req.url === '/broken.xml') {
      if (feed.broken) {
        res.writeHead(503).end('down');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([9]));
      return;
    }
    if (req.url === '/dated.xml') {
      // A server that knows only Last-Modified.
      if (req.headers['if-modified-since'] === LAST_MODIFIED) res.writeHead(304).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml', 'last-modified': LAST_MODIFIED }).end(rss([20]));
      return;
    }
    if (req.headers['if-none-match'] === feed.etag) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: feed.etag }).end(rss(feed.items));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const path = join(dir, 'watch.db');
  store = await openStore(path);
  driver = await openSqlDriver(path);
});

afterAll(async () => {
  await store.close();
  await driver.close();
  await new Promise((done) => server.close(done));
  rmSync(dir, { recursive: true, force: true });
});

describe('watch: polling feeds', () => {
  it('honours ETag (304), picks up new items, backs off a failing feed (capped) and recovers', async () => {
    const analysed: number[] = [];
    const watcher = new FeedWatcher(
      driver,
      storeSink(store, (r) => analysed.push(r.articles)),
      { intervalSeconds: INTERVAL_S, maxBackoffSeconds: MAX_BACKOFF_S, ingest: { allowPrivate: true, perHostDelayMs: 0 } },
    );
    const good = `${base}/news.xml`;
    const broken = `${base}/broken.xml`;
    const t0 = Date.parse('2030-01-01T00:00:00Z');
    const at = (s: number) => new Date(t0 + s * 1000);
    await watcher.add([good, broken], at(0));

    // First poll: both items stored and analysed; the broken feed is retried after one interval.
    expect(await watcher.pollDue(at(0))).toBe(2);
    expect(await store.countArticles()).toBe(2);
    expect(analysed).toEqual([2]);
    expect(await getFeed(driver, good)).toMatchObject({ etag: '"v1"', lastNewItems: 2, totalItems: 2, failures: 0 });
    expect(await getFeed(driver, broken)).toMatchObject({ failures: 1, nextPollAt: at(INTERVAL_S).toISOString() });
    expect((await getFeed(driver, broken))!.lastError).toMatch(/HTTP 503.*fetch:http-503/);

    // Not due yet: nothing is requested.
    const before = requests.length;
    expect(await watcher.pollDue(at(30))).toBe(0);
    expect(requests.length).toBe(before);

    // Unchanged feed: the validator is sent back and the 304 costs nothing; the failing feed waits twice as long.
    expect(await watcher.pollDue(at(INTERVAL_S))).toBe(0);
    expect(requests.filter((r) => r.path === '/news.xml').at(-1)!.headers['if-none-match']).toBe('"v1"');
    expect(await getFeed(driver, good)).toMatchObject({ lastNewItems: 0, failures: 0 });
    expect(await getFeed(driver, broken)).toMatchObject({ failures: 2, nextPollAt: at(INTERVAL_S + 2 * INTERVAL_S).toISOString() });

    // The feed changes: only the new item is handed on, and the stored analysis grows by it.
    feed.items = [3, 1, 2];
    feed.etag = '"v2"';
    expect(await watcher.pollDue(at(2 * INTERVAL_S))).toBe(1);
    expect(await store.countArticles()).toBe(3);
    expect(analysed).toEqual([2, 3]);
    // Named by its place in the feed it came from.
    expect((await store.listArticles()).at(-1)!.source).toMatchObject({ url: 'https://news.example/bulletin-3', record: 1 });
    expect(await getFeed(driver, good)).toMatchObject({ etag: '"v2"', lastNewItems: 1, totalItems: 3 });

    // Failures keep doubling the wait up to the cap; a recovered feed is back to its interval.
    await watcher.pollDue(at(3 * INTERVAL_S));
    expect(await getFeed(driver, broken)).toMatchObject({ failures: 3, nextPollAt: at(3 * INTERVAL_S + 4 * INTERVAL_S).toISOString() });
    feed.items = [3, 1, 4, 2];
    feed.etag = '"v3"';
    expect(await watcher.pollDue(at(4 * INTERVAL_S))).toBe(1);
    expect((await store.listArticles()).at(-1)!.source).toMatchObject({ url: 'https://news.example/bulletin-4', record: 3 });
    feed.broken = false;
    expect(await watcher.pollDue(at(7 * INTERVAL_S))).toBe(1);
    expect(await getFeed(driver, broken)).toMatchObject({ failures: 0, lastError: null, nextPollAt: at(8 * INTERVAL_S).toISOString() });
    expect(await store.countArticles()).toBe(5);
  }, 60_000);

  it('honours Last-Modified when the server gives no ETag', async () => {
    const watcher = new FeedWatcher(driver, storeSink(store), { intervalSeconds: INTERVAL_S, ingest: { allowPrivate: true, perHostDelayMs: 0 } });
    const dated = `${base}/dated.xml`;
    const t0 = Date.parse('2031-01-01T00:00:00Z');
    await watcher.add([dated], new Date(t0));
    expect(await watcher.pollDue(new Date(t0), new Set([dated]))).toBe(1);
    expect(await getFeed(driver, dated)).toMatchObject({ etag: null, lastModified: LAST_MODIFIED, lastNewItems: 1 });
    expect(await watcher.pollDue(new Date(t0 + INTERVAL_S * 1000), new Set([dated]))).toBe(0);
    const last = requests.filter((r) => r.path === '/dated.xml').at(-1)!;
    expect(last.headers['if-modified-since']).toBe(LAST_MODIFIED);
    expect(await getFeed(driver, dated)).toMatchObject({ failures: 0, lastNewItems: 0 });
  });

  it('`watch --once` polls from the command line, and `status` lists the feed with its last poll', async () => {
    const db = join(dir, 'cli.db');
    const run = await runCli('watch', `${base}/dated.xml`, '--once', '--allow-private', '--delay', '0', '--db', db);
    expect(run.stderr).toMatch(/dated\.xml: 1 new of 1 item\(s\), 1 article handed on/);
    expect(run.code).toBe(0);
    const status = await runCli('status', '--db', db);
    expect(status.stdout).toMatch(/feeds: 1\n  http:\/\/127\.0\.0\.1:\d+\/dated\.xml · last poll 20\d\d-.* · 1 new last time, 1 in all/);
    expect(status.stdout).toMatch(/store: .*cli\.db · 1 article\(s\)/);
    const bad = await runCli('watch', 'file:///etc/passwd', '--once', '--db', db);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/feeds must be http\(s\) URLs: file:\/\/\/etc\/passwd/);
  }, 60_000);

  it('backoff doubles per failure from the interval and never passes the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 40].map((n) => backoffSeconds(n, 60, 300))).toEqual([60, 60, 120, 240, 300, 300, 300]);
  });

  it('reads feed URLs from OPML, nested outlines included, and refuses what is not OPML', () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><body><outline text="News"><outline xmlUrl="https://a.example/rss"/><outline xmlUrl="https://b.example/atom.xml"/></outline><outline xmlUrl="https://a.example/rss"/><outline xmlUrl="javascript:alert(1)"/></body></opml>`;
    expect(feedsFromOpml(opml, 'feeds.opml')).toEqual(['https://a.example/rss', 'https://b.example/atom.xml']);
    expect(() => feedsFromOpml('<rss/>', 'x.opml')).toThrow(/x\.opml: not OPML/);
    expect(() => feedsFromOpml('<opml><body>', 'y.opml')).toThrow(/y\.opml: not well-formed/);
  });

  it('on PostgreSQL, new items go to the queue and the workers store and analyse them', async () => {
    const url = testSchemaUrl('watch');
    const pgStore = await openStore(url);
    const pgDriver = await openSqlDriver(url);
    const queue = await JobQueue.open(url);
    const stop = new AbortController();
    try {
      const watcher = new FeedWatcher(pgDriver, queueSink(queue, pgStore), { ingest: { allowPrivate: true, perHostDelayMs: 0 } });
      await watcher.add([`${base}/news.xml`]);
      expect(await watcher.pollDue()).toBe(feed.items.length);
      expect((await queue.depth()).find((d) => d.kind === 'ingest')?.waiting).toBe(feed.items.length);
      const worker = runWorker(url, { signal: stop.signal });
      await waitForQueue(queue);
      stop.abort();
      await worker;
      expect(await pgStore.countArticles()).toBe(feed.items.length);
      expect((await pgStore.loadAnalysis()).stories.length).toBeGreaterThan(0);
    } finally {
      stop.abort();
      await queue.close();
      await pgDriver.close();
      await pgStore.close();
      await dropTestSchemas();
    }
  }, 120_000);
});
