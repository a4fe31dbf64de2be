import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputFailure } from '../core/raw-document.js';
import { encodeSingleByte } from '../../test/fixtures/ingest/encode.js';
import { decodeBytes } from './charset.js';
import { fetchUrl, type FetchedResponse, type FetchOptions } from './fetch.js';
import { HostScheduler } from './politeness.js';
import { classifyAddress, type LookupFunction } from './ssrf-guard.js';

const CYRILLIC = 'Войска прибыли в Курскую область';
const PAGE = '<html><head><title>Harbour</title></head><body><p>The breakwater closes for repairs.</p></body></html>';
const arrivals: Array<{ path: string; at: number; endAt?: number }> = [];

function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  const path = req.url ?? '/';
  const record = { path, at: Date.now() } as { path: string; at: number; endAt?: number };
  arrivals.push(record);
  res.on('finish', () => (record.endAt = Date.now()));
  const html = (body: Buffer | string, headers: http.OutgoingHttpHeaders = {}) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  if (path === '/html') return html(PAGE, { 'content-language': 'en-GB' });
  if (path === '/ua') return html(String(req.headers['user-agent']));
  if (path === '/gzip') return html(zlib.gzipSync(PAGE), { 'content-encoding': 'gzip' });
  if (path === '/br') return html(zlib.brotliCompressSync(PAGE), { 'content-encoding': 'br' });
  if (path === '/deflate-raw') return html(zlib.deflateRawSync(PAGE), { 'content-encoding': 'deflate' });
  if (path === '/deflate') return html(zlib.deflateSync(PAGE), { 'content-encoding': 'deflate' });
  if (path === '/zstd') return html(Buffer.from('xx'), { 'content-encoding': 'zstd' });
  if (path === '/bad-gzip') return html(Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' });
  // Issue 9 row 15: a gzip stream cut after its header decompresses to nothing, with no zlib error.
  if (path === '/cut-gzip') return html(zlib.gzipSync(PAGE).subarray(0, 12), { 'content-encoding': 'gzip' });
  if (path === '/gzip-bomb') return html(zlib.gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x61)), { 'content-encoding': 'gzip' });
  if (path === '/cp1251-header') {
    res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
    return void res.end(encodeSingleByte(`<p>${CYRILLIC}</p>`, 'windows-1251'));
  }
  if (path === '/koi8-meta') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return void res.end(encodeSingleByte(`<html><head><meta charset="koi8-r"></head><body>${CYRILLIC}</body></html>`, 'koi8-r'));
  }
  if (path.startsWith('/loop/')) {
    const n = Number(path.slice(6));
    res.writeHead(302, { location: `/loop/${n + 1}` });
    return void res.end();
  }
  if (path === '/redirect-once') {
    res.writeHead(301, { location: 'html' });
    return void res.end();
  }
  const redirects: Record<string, string> = {
    '/to-file': 'file:///etc/passwd',
    '/to-creds': 'http://user:secret@example.com/',
    '/to-private': 'http://10.0.0.1/admin',
    '/to-documentation': 'http://192.0.2.2:PORT/html',
    '/to-metadata-name': 'http://metadata.example/latest',
  };
  if (redirects[path]) {
    res.writeHead(302, { location: redirects[path].replace('PORT', String(port)) });
    return void res.end();
  }
  if (path === '/big') {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(3 * 1024 * 1024) });
    return void res.end(Buffer.alloc(3 * 1024 * 1024, 0x61));
  }
  if (path === '/big-chunked') {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 0x62);
    let sent = 0;
    const pump = () => {
      while (sent < 3 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (sent = Infinity));
    return pump();
  }
  if (path === '/slow') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<p>start');
    return; // never ends
  }
  if (path === '/silent') return; // never answers
  if (path === '/404') {
    res.writeHead(404);
    return void res.end('gone');
  }
  if (path === '/500') {
    res.writeHead(500);
    return void res.end('oops');
  }
  if (path.startsWith('/polite/')) {
    setTimeout(() => html(`<p>${path}</p>`), 50);
    return;
  }
  res.writeHead(404);
  res.end();
}

let server: http.Server;
let port = 0;
let base = '';
const open: FetchOptions = { allowPrivate: true, timeoutMs: 5000 };

beforeAll(async () => {
  server = http.createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function ok(result: FetchedResponse | InputFailure): FetchedResponse {
  if ('ruleId' in result) throw new Error(`${result.ruleId}: ${result.reason}`);
  return result;
}

describe('fetch: responses', () => {
  it('fetches a page with a User-Agent naming Triangulate', async () => {
    const res = ok(await fetchUrl(`${base}/html`, open));
    expect(res.body.toString()).toBe(PAGE);
    expect(res.headers['content-language']).toBe('en-GB');
    expect(ok(await fetchUrl(`${base}/ua`, open)).body.toString()).toMatch(/^Triangulate\//);
  });

  it.each(['/gzip', '/br', '/deflate', '/deflate-raw'])('decodes a %s response', async (path) => {
    expect(ok(await fetchUrl(`${base}${path}`, open)).body.toString()).toBe(PAGE);
  });

  it('fails clearly on an unsupported or corrupt content encoding', async () => {
    expect(await fetchUrl(`${base}/zstd`, open)).toMatchObject({ ruleId: 'fetch:bad-encoding' });
    expect(await fetchUrl(`${base}/bad-gzip`, open)).toMatchObject({ ruleId: 'fetch:bad-encoding' });
    expect(await fetchUrl(`${base}/cut-gzip`, open)).toMatchObject({
      ruleId: 'fetch:bad-encoding',
      reason: expect.stringMatching(/compressed response is corrupt \(gzip: 12 compressed bytes decompress to nothing/),
    });
  });

  it('gives bytes that decode to Cyrillic for windows-1251 (header) and koi8-r (meta) pages', async () => {
    const a = ok(await fetchUrl(`${base}/cp1251-header`, open));
    expect(decodeBytes(a.body, 'a', { contentType: a.contentType }).text).toBe(`<p>${CYRILLIC}</p>`);
    const b = ok(await fetchUrl(`${base}/koi8-meta`, open));
    expect(decodeBytes(b.body, 'b', { contentType: b.contentType }).text).toContain(CYRILLIC);
  });

  it('follows a relative redirect and reports the final URL', async () => {
    const res = ok(await fetchUrl(`${base}/redirect-once`, open));
    expect(res.finalUrl).toBe(`${base}/html`);
    expect(res.url).toBe(`${base}/redirect-once`);
  });
});

describe('fetch: failures', () => {
  it('stops after maxRedirects', async () => {
    const out = await fetchUrl(`${base}/loop/0`, { ...open, maxRedirects: 3 });
    expect(out).toMatchObject({ ruleId: 'fetch:too-many-redirects', input: `${base}/loop/0` });
    expect(arrivals.filter((a) => a.path.startsWith('/loop/')).length).toBe(4);
  });

  it.each([
    ['/404', 'fetch:http-404', /404 Not Found/],
    ['/500', 'fetch:http-500', /500 Internal Server Error/],
  ])('turns %s into %s', async (path, ruleId, reason) => {
    const out = await fetchUrl(`${base}${path}`, open);
    expect(out).toMatchObject({ ruleId, severity: 'fatal' });
    expect((out as InputFailure).reason).toMatch(reason);
  });

  it('refuses a body over maxBytes by Content-Length, while streaming, and after decompression', async () => {
    const cap = { ...open, maxBytes: 1024 * 1024 };
    expect(await fetchUrl(`${base}/big`, cap)).toMatchObject({ ruleId: 'fetch:too-large' });
    expect(await fetchUrl(`${base}/big-chunked`, cap)).toMatchObject({ ruleId: 'fetch:too-large' });
    expect(await fetchUrl(`${base}/gzip-bomb`, cap)).toMatchObject({ ruleId: 'fetch:too-large' });
  });

  it('times out on a slow body and on a silent server', async () => {
    const started = Date.now();
    expect(await fetchUrl(`${base}/slow`, { ...open, timeoutMs: 300 })).toMatchObject({ ruleId: 'fetch:timeout' });
    expect(await fetchUrl(`${base}/silent`, { ...open, timeoutMs: 300 })).toMatchObject({ ruleId: 'fetch:timeout' });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('reports a refused connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await fetchUrl(`http://127.0.0.1:${closedPort}/`, open)).toMatchObject({ ruleId: 'fetch:refused' });
  });

  it('reports a name that does not resolve', async () => {
    const nxdomain: LookupFunction = (host, _o, cb) => cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
    const out = await fetchUrl('http://no-such-host.invalid/', { lookup: nxdomain });
    expect(out).toMatchObject({ ruleId: 'fetch:dns' });
    expect((out as InputFailure).reason).toContain('no-such-host.invalid');
  });

  it('reports a TLS failure when https meets a plain HTTP server', async () => {
    expect(await fetchUrl(`https://127.0.0.1:${port}/html`, open)).toMatchObject({ ruleId: 'fetch:tls' });
  });

  it.each([
    ['ftp://example.com/a', 'fetch:bad-scheme'],
    ['file:///etc/passwd', 'fetch:bad-scheme'],
    ['http://user:pw@example.com/', 'fetch:credentials'],
    ['not a url', 'fetch:bad-url'],
  ])('refuses %s before any request (%s)', async (url, ruleId) => {
    expect(await fetchUrl(url, open)).toMatchObject({ ruleId });
  });
});

describe('fetch: SSRF guard', () => {
  it('refuses the local test server without allowPrivate', async () => {
    const before = arrivals.length;
    const out = await fetchUrl(`${base}/html`);
    expect(out).toMatchObject({ ruleId: 'fetch:blocked-address' });
    expect((out as InputFailure).reason).toMatch(/loopback/);
    expect(arrivals.length).toBe(before);
  });

  it.each(['http://localhost:1/', 'http://2130706433:1/', 'http://0x7f.1:1/', 'http://[::1]:1/', 'http://[::ffff:127.0.0.1]:1/', 'http://169.254.169.254/latest'])(
    'refuses %s',
    async (url) => {
      expect(await fetchUrl(url)).toMatchObject({ ruleId: 'fetch:blocked-address' });
    },
  );

  it('refuses documentation, benchmarking and shared addresses, naming the range (issue 9 row 11)', async () => {
    const before = arrivals.length;
    for (const [host, range] of [
      ['192.0.2.2', '192.0.2.0/24, documentation (TEST-NET-1)'],
      ['198.51.100.2', '198.51.100.0/24, documentation (TEST-NET-2)'],
      ['203.0.113.2', '203.0.113.0/24, documentation (TEST-NET-3)'],
      ['198.18.0.2', '198.18.0.0/15, benchmarking'],
      ['100.64.0.2', '100.64.0.0/10, shared address space'],
    ]) {
      const out = await fetchUrl(`http://${host}:${port}/html`);
      expect(out).toMatchObject({ ruleId: 'fetch:blocked-address' });
      expect((out as InputFailure).reason).toContain(`${host} is in ${range}`);
    }
    expect(arrivals.length).toBe(before);
  });

  it('checks the resolved address of a name', async () => {
    const toLoopback: LookupFunction = (_h, _o, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]);
    const out = await fetchUrl(`http://innocent.example:${port}/html`, { lookup: toLoopback });
    expect(out).toMatchObject({ ruleId: 'fetch:blocked-address' });
    expect((out as InputFailure).reason).toContain('127.0.0.1');
  });

  // Treat 127.0.0.1 as "public" so the first hop reaches the test server; the redirect target must still be checked.
  const classifyExceptServer = (a: string) => (a === '127.0.0.1' ? undefined : classifyAddress(a));
  const resolver: LookupFunction = (host, _o, cb) =>
    cb(null, [{ address: host === 'metadata.example' ? '169.254.169.254' : '127.0.0.1', family: 4 }]);

  it.each([
    ['/to-private', /10\.0\.0\.1/],
    ['/to-documentation', /192\.0\.2\.2 is in 192\.0\.2\.0\/24/],
    ['/to-metadata-name', /169\.254\.169\.254/],
  ])('checks the target of every redirect (%s)', async (path, reason) => {
    const out = await fetchUrl(`http://server.example:${port}${path}`, { lookup: resolver, classify: classifyExceptServer });
    expect(out).toMatchObject({ ruleId: 'fetch:blocked-address' });
    expect((out as InputFailure).reason).toMatch(reason);
  });

  it('refuses redirects to other schemes or to URLs with credentials', async () => {
    expect(await fetchUrl(`${base}/to-file`, open)).toMatchObject({ ruleId: 'fetch:bad-scheme' });
    expect(await fetchUrl(`${base}/to-creds`, open)).toMatchObject({ ruleId: 'fetch:credentials' });
  });
});

describe('fetch: politeness', () => {
  it('fetches one host one request at a time, with the delay between them', async () => {
    const scheduler = new HostScheduler(400);
    const paths = ['/polite/a', '/polite/b', '/polite/c'];
    const results = await Promise.all(paths.map((p) => fetchUrl(`${base}${p}`, { ...open, scheduler })));
    results.forEach(ok);
    const seen = arrivals.filter((a) => paths.includes(a.path)).sort((x, y) => x.at - y.at);
    expect(seen).toHaveLength(3);
    for (let i = 1; i < seen.length; i++) {
      // Each request starts only after the previous one finished plus (most of) the delay.
      expect(seen[i].at).toBeGreaterThanOrEqual(seen[i - 1].endAt! + 300);
    }
  });

  it('does not delay requests to different hosts', async () => {
    const scheduler = new HostScheduler(5000);
    const started = Date.now();
    const [a, b] = await Promise.all([
      fetchUrl(`http://127.0.0.1:${port}/html`, { ...open, scheduler }),
      fetchUrl(`http://localhost:${port}/html`, { ...open, scheduler }),
    ]);
    ok(a);
    ok(b);
    expect(Date.now() - started).toBeLessThan(2500);
  });
});
