import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { analyzeStore } from '../app/analyze.js';
import { ingestInto } from '../app/ingest.js';
import { PROPOSITION_STATUSES } from '../report/export-schema.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import type { JobEvent } from './api-schemas.js';
import { createServer, type Server } from './app.js';
import { listen } from './listen.js';

const EXAMPLES = resolve(import.meta.dirname, '../../examples/corpus');
const TOKEN = 'test-token-1234';

let store: Store;
let server: Server;
let webDir: string;

beforeAll(async () => {
  store = await openStore(':memory:');
  await ingestInto(store, [EXAMPLES]);
  await analyzeStore(store);
  webDir = await mkdtemp(join(tmpdir(), 'triangulate-web-'));
  await writeFile(join(webDir, 'index.html'), '<!doctype html><title>ui</title>');
  server = createServer({ store, token: TOKEN, webDir, maxUploadBytes: 4096, maxJsonBytes: 1024 });
}, 120_000);

afterAll(async () => {
  await server.jobs.idle();
  await store.close();
  await rm(webDir, { recursive: true, force: true });
});

const getJson = async (path: string) => {
  const res = await server.app.request(path);
  return { status: res.status, body: await res.json(), res };
};

/** Waits for a job through its event stream and returns the events. */
async function events(jobId: string): Promise<JobEvent[]> {
  const res = await server.app.request(`/api/jobs/${jobId}/events`);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return (await res.text())
    .split('\n')
    .filter((l) => l.startsWith('data:'))
    .map((l) => JSON.parse(l.slice(5)));
}

describe('read API', () => {
  it('stories: article and independent-origin counts, contested count, latest update, largest first', async () => {
    const { status, body } = await getJson('/api/stories');
    expect(status).toBe(200);
    expect(body[0]).toMatchObject({ articles: 7, origins: 4, contested: 2, latest: '2031-03-19T14:05:00Z' });
    expect(body[0].label).toMatch(/Ember River flood/);
    expect(body[1]).toMatchObject({ articles: 1, origins: 1, contested: 0 });
    expect((await getJson('/api/stories?q=PORTAVEL')).body.map((s: { articles: number }) => s.articles)).toEqual([1]);
  });

  it('long lists come a page at a time when asked, with the total in X-Total-Count', async () => {
    const all = (await getJson('/api/stories')).body;
    const second = await getJson('/api/stories?offset=1&limit=1');
    expect(second.body).toEqual([all[1]]);
    expect(second.res.headers.get('x-total-count')).toBe(String(all.length));
    const articles = (await getJson('/api/articles')).body;
    const tail = await getJson(`/api/articles?offset=${articles.length - 2}`);
    expect(tail.body).toEqual(articles.slice(-2));
    expect(tail.res.headers.get('x-total-count')).toBe(String(articles.length));
    const bad = await getJson('/api/articles?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/limit/);
  });

  it('ledger: contested first, and every claim a proposition points at comes with it', async () => {
    const [flood] = (await getJson('/api/stories')).body;
    const { body } = await getJson(`/api/stories/${flood.id.slice(0, 10)}/propositions`);
    expect(body.story).toBe(flood.id);
    const statuses: string[] = body.propositions.map((p: { status: string }) => p.status);
    expect(statuses.slice(0, 2)).toEqual(['contested', 'contested']);
    const rank = statuses.map((st) => PROPOSITION_STATUSES.indexOf(st as (typeof PROPOSITION_STATUSES)[number]));
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
    const displaced = body.propositions.find((p: { label: string }) => p.label === 'people displaced');
    expect(displaced.values.map((v: { text: string }) => v.text)).toEqual(expect.arrayContaining(['about 4,200', 'up to 6,000']));
    const claimIds = new Set(body.claims.map((c: { id: string }) => c.id));
    for (const p of body.propositions) for (const id of p.claims) expect(claimIds.has(id)).toBe(true);
  });

  it('article: cleaned text with every layer as offsets into it, its claims, links and dropped pieces', async () => {
    const articles = (await getJson('/api/articles')).body as { id: string; title: string }[];
    const rewrite = articles.find((a) => a.title.startsWith('Dam Collapse Forces'))!;
    const { body } = await getJson(`/api/articles/${rewrite.id}`);
    expect(Object.keys(body.layers)).toEqual(expect.arrayContaining(['sentence', 'entity', 'quantity', 'date', 'attribution', 'modality']));
    const quantity = body.layers.quantity[0];
    expect(body.text.slice(quantity.start, quantity.end)).toBe('Nearly 4,000');
    expect(quantity.attrs).toMatchObject({ value: 4000, approx: 'nearly' });
    const attribution = body.layers.attribution[0];
    expect(Object.keys(attribution.parts)).toEqual(expect.arrayContaining(['speaker', 'cue']));
    expect(body.claims.length).toBeGreaterThan(5);
    expect(body.links.map((l: { kind: string }) => l.kind)).toContain('rewrite');
    expect(body.additions.length).toBeGreaterThan(0);
    const withDropped = await Promise.all(articles.map(async (a) => (await getJson(`/api/articles/${a.id}`)).body.dropped));
    expect(withDropped.flat().every((d: { reason: string }) => /^[a-z-]+:[a-z-]+/.test(d.reason))).toBe(true);
  });

  it('graph: links inside the story, origin groups, and a compare view for each link', async () => {
    const [flood] = (await getJson('/api/stories')).body;
    const { body } = await getJson(`/api/stories/${flood.id}/graph`);
    expect(body.nodes).toHaveLength(7);
    expect(body.origins).toHaveLength(4);
    const rewrite = body.links.find((l: { kind: string }) => l.kind === 'rewrite');
    const compare = (await getJson(`/api/articles/${rewrite.from}/compare/${rewrite.to}`)).body;
    // Every verbatim passage of the link, in the derivative's order, plus any paraphrased sentence pairs.
    expect(compare.pairs.filter((p: { similarity: number }) => p.similarity === 1).map((p: { from: number[] }) => p.from)).toEqual(
      [...rewrite.passages].sort((a: { from: number[] }, b: { from: number[] }) => a.from[0] - b.from[0]).map((p: { from: number[] }) => p.from),
    );
    const starts = compare.pairs.map((p: { from: number[] }) => p.from[0]);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect((await getJson(`/api/articles/${rewrite.to}/compare/${rewrite.from}`)).status).toBe(404);
  });

  it('report: the story as the self-contained HTML export, as a download', async () => {
    const [flood] = (await getJson('/api/stories')).body;
    const res = await server.app.request(`/api/stories/${flood.id}/report`);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="triangulate-${flood.id}.html"`);
    const html = await res.text();
    expect(html).toContain('<h2>Ember River flood');
    expect(html).toContain('people displaced');
    expect(html).not.toContain('Portavel United');
  });

  it('timeline: dated events and one trajectory per dated figure', async () => {
    const [flood] = (await getJson('/api/stories')).body;
    const { body } = await getJson(`/api/stories/${flood.id}/timeline`);
    expect(body.timeline.length).toBeGreaterThan(5);
    expect(body.trajectories[0]).toMatchObject({ label: 'people displaced', status: 'contested' });
    expect(body.trajectories[0].points.filter((p: { date: string | null }) => p.date).length).toBeGreaterThan(2);
  });

  it("reads one story at a time: what the whole stored analysis says of the story, without reading every article's text", async () => {
    const whole = await store.loadAnalysis();
    // The same store behind a second server that counts the reads which cost the whole store.
    const wide: string[] = [];
    const counting = new Proxy(store, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        if (key === 'listArticles' || key === 'loadAnalysis') wide.push(String(key));
        return value.bind(target);
      },
    });
    const app = createServer({ store: counting, token: TOKEN, webDir }).app;
    const get = async (path: string) => (await app.request(path)).json();
    const stories = await get('/api/stories');
    for (const summary of stories) {
      const ledger = await get(`/api/stories/${summary.id}/propositions`);
      const own = whole.propositions.filter((p) => p.story === summary.id);
      expect(ledger.propositions.map((p: { id: string }) => p.id).sort()).toEqual(own.map((p) => p.id).sort());
      expect(summary.propositions).toBe(own.length);
      expect(summary.contested).toBe(own.filter((p) => p.status === 'contested').length);
      const members = new Set(whole.stories.find((s) => s.id === summary.id)!.articles);
      const graph = await get(`/api/stories/${summary.id}/graph`);
      expect(graph.links).toEqual(whole.links.filter((l) => members.has(l.from) && members.has(l.to)));
      await app.request(`/api/stories/${summary.id}/report`);
    }
    for (const { id } of await get('/api/articles')) {
      const detail = await get(`/api/articles/${id}`);
      expect(detail.claims).toEqual(whole.claims.filter((c) => c.article === id));
      expect(detail.links).toEqual(whole.links.filter((l) => l.from === id || l.to === id));
    }
    expect(wide).toEqual([]);
  });

  it('every read route answers what its OpenAPI schema says', async () => {
    const [flood] = (await getJson('/api/stories')).body;
    const [article] = (await getJson('/api/articles')).body;
    for (const route of server.routes.filter((r) => r.method === 'get' && !r.events && !r.html && !r.path.includes('/jobs/') && !r.path.includes('/compare/'))) {
      const path = route.path.replace(':id', route.path.startsWith('/api/stories') ? flood.id : article.id);
      const { status, body } = await getJson(path);
      expect(status, path).toBe(200);
      expect(() => route.response.parse(body), path).not.toThrow();
    }
  });

  it('unknown ids and bad parameters get a message naming them', async () => {
    const missing = await getJson('/api/stories/story-nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toContain('story-nope');
    const bad = await getJson(`/api/stories?q=${'x'.repeat(300)}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^invalid query: q:/);
    expect((await getJson('/api/nothing-here')).status).toBe(404);
  });
});

describe('OpenAPI', () => {
  it('documents every route, with schemas generated from the export contract', async () => {
    const { body } = await getJson('/api/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    for (const route of server.routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      expect(body.paths[path]?.[route.method], `${route.method} ${path}`).toBeDefined();
    }
    const ledger = body.paths['/api/stories/{id}/propositions'].get.responses['200'].content['application/json'].schema;
    expect(ledger.properties.propositions.items.properties.status.enum).toContain('contested');
    expect(body.paths['/api/ingest'].post.security).toEqual([{ token: [] }]);
    expect(body.paths['/api/ingest/upload'].post.requestBody.content['multipart/form-data']).toBeDefined();
  });

  it('the docs page loads Swagger UI from this server only', async () => {
    const page = await (await server.app.request('/api/docs')).text();
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<script>(?!<)/);
    expect((await server.app.request('/api/docs/swagger-ui-bundle.js')).status).toBe(200);
    expect((await server.app.request('/api/docs/package.json')).status).toBe(404);
  });
});

describe('security', () => {
  it('every response carries a strict CSP, nosniff, no referrer and no framing', async () => {
    for (const path of ['/', '/api/stories', '/api/docs', '/api/nothing', '/missing.js']) {
      const res = await server.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('static files: only those built, no path outside the folder', async () => {
    expect(await (await server.app.request('/')).text()).toContain('<title>ui</title>');
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/../../package.json']) {
      expect((await server.app.request(path)).status, path).toBe(404);
    }
  });

  it('writes: refused without the token, with a wrong one, or when the server has none', async () => {
    const post = (headers: Record<string, string>, app = server.app) => app.request('/api/analyze', { method: 'POST', headers });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: 'Bearer wrong-token-1234' })).status).toBe(401);
    expect((await post({ authorization: `Basic ${TOKEN}` })).status).toBe(401);
    const readOnly = createServer({ store, webDir });
    const refused = await post({ authorization: `Bearer ${TOKEN}` }, readOnly.app);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toContain('TRIANGULATE_TOKEN');
  });

  it('ingest: URLs only (no local paths), capped body, and the SSRF guard on every fetch', async () => {
    const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const send = (body: string) => server.app.request('/api/ingest', { method: 'POST', headers: auth, body });
    const local = await send(JSON.stringify({ urls: ['/etc/passwd', 'file:///etc/passwd'] }));
    expect(local.status).toBe(400);
    expect((await local.json()).error).toMatch(/urls\.0: Invalid URL; urls\.1: Invalid URL/);
    expect((await send('{not json')).status).toBe(400);
    expect((await send(JSON.stringify({ urls: ['https://example.org/' + 'a'.repeat(2000)] }))).status).toBe(413);
    const accepted = await send(JSON.stringify({ urls: ['http://127.0.0.1:9/article'], analyze: false }));
    expect(accepted.status).toBe(202);
    const log = await events((await accepted.json()).id);
    expect(log.find((e) => e.type === 'failed')).toMatchObject({ input: 'http://127.0.0.1:9/article', ruleId: 'fetch:blocked-address' });
    expect(log.at(-1)).toMatchObject({ type: 'status', status: 'done' });
  });

  it('upload: stores the files under safe names, caps the size, and streams progress', async () => {
    const form = new FormData();
    form.append('files', new Blob(['Portavel United signed a new goalkeeper for 3 million euros on Friday, the club said in a statement.\n']), '../../etc/x<script>.txt');
    form.append('analyze', 'false');
    const res = await server.app.request('/api/ingest/upload', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: form });
    expect(res.status).toBe(202);
    const log = await events((await res.json()).id);
    const added = log.find((e) => e.type === 'added' || e.type === 'failed')!;
    expect(added.input).toMatch(/triangulate-upload-[^/]+\/0\/x_script_\.txt$/);
    const big = new FormData();
    big.append('files', new Blob(['x'.repeat(5000)]), 'big.txt');
    expect((await server.app.request('/api/ingest/upload', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: big })).status).toBe(413);
  });
});

describe('feed URLs', () => {
  it('a feed URL gives one article per item, each reported as it is stored', async () => {
    const feed = await readFile(resolve(import.meta.dirname, '../../test/fixtures/ingest/rss.xml'));
    // A local feed server: the guard is lifted for this server only (allowPrivate), as `--allow-private` does on the CLI.
    const http = createHttpServer((req, res) => {
      if (req.url === '/feed.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed);
      else res.writeHead(404).end();
    });
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
    const feedStore = await openStore(':memory:');
    try {
      const local = createServer({ store: feedStore, token: TOKEN, webDir, ingest: { allowPrivate: true, timeoutMs: 2000, perHostDelayMs: 0 } });
      const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/feed.xml`;
      const res = await local.app.request('/api/ingest', {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ urls: [url], analyze: false }),
      });
      const job = await res.json();
      const log = (await (await local.app.request(`/api/jobs/${job.id}/events`)).text())
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => JSON.parse(l.slice(5)) as JobEvent);
      expect(log.filter((e) => e.type === 'added').map((e) => e.title)).toContain('Breakwater to close for repairs');
      expect(log.at(-1)).toMatchObject({ type: 'status', status: 'done' });
      expect(await feedStore.countArticles()).toBeGreaterThan(0);
    } finally {
      http.close();
      await feedStore.close();
    }
  });
});

describe('over a real socket', () => {
  it('serves the API on loopback and streams a re-analysis as Server-Sent Events', async () => {
    const live = await listen({ store, token: TOKEN, webDir }, { host: '127.0.0.1', port: 0 });
    try {
      expect(live.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const stories = await (await fetch(`${live.url}/api/stories`)).json();
      expect(stories[0].articles).toBe(7);
      const job = await (await fetch(`${live.url}/api/analyze`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } })).json();
      const stream = await fetch(`${live.url}/api/jobs/${job.id}/events`);
      const log = (await stream.text()).split('\n').filter((l) => l.startsWith('data:')).map((l) => JSON.parse(l.slice(5)));
      expect(log.filter((e) => e.type === 'stage').length).toBeGreaterThan(5);
      expect(log.at(-1)).toMatchObject({ type: 'status', status: 'done' });
      expect((await (await fetch(`${live.url}/api/jobs/${job.id}`)).json()).status).toBe('done');
      expect(z.array(z.object({ articles: z.number() })).parse(await (await fetch(`${live.url}/api/stories`)).json())[0].articles).toBe(7);
    } finally {
      await live.close();
    }
  });
});
