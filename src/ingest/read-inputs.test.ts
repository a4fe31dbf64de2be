import { chmod, mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputFailure, RawDocument } from '../core/raw-document.js';
import { encodeSingleByte } from '../../test/fixtures/ingest/encode.js';
import { isInputFailure } from './failure.js';
import type { IngestOptions } from './limits.js';
import { failureForFsError, readInputs } from './read-inputs.js';

const FIXTURES = resolve(__dirname, '../../test/fixtures/ingest');
const LONG = 'The council approved the new bridge after a long debate about its cost and the traffic it would bring. '.repeat(8);

let dir: string;
async function collect(specs: string[], options?: IngestOptions): Promise<Array<RawDocument | InputFailure>> {
  const out: Array<RawDocument | InputFailure> = [];
  for await (const x of readInputs(specs, options)) out.push(x);
  return out;
}
const docs = (xs: Array<RawDocument | InputFailure>) => xs.filter((x): x is RawDocument => !isInputFailure(x));
const failures = (xs: Array<RawDocument | InputFailure>) => xs.filter(isInputFailure);
const at = (...parts: string[]) => join(dir, ...parts);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'triangulate-ingest-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readInputs: files by extension', () => {
  it('reads .txt, .md and .html with their formats and bodies as written', async () => {
    await writeFile(at('a.txt'), 'Title line\n\nBody text.');
    await writeFile(at('b.md'), '# Heading\n\nBody.');
    await writeFile(at('c.html'), '<html><body><p>Hi</p></body></html>');
    const out = await collect([at('a.txt'), at('b.md'), at('c.html')]);
    expect(out.map((d) => [(d as RawDocument).format, (d as RawDocument).body])).toEqual([
      ['text', 'Title line\n\nBody text.'],
      ['markdown', '# Heading\n\nBody.'],
      ['html', '<html><body><p>Hi</p></body></html>'],
    ]);
    expect(out[0]).toMatchObject({ input: at('a.txt'), path: at('a.txt') });
    expect(Number.isNaN(Date.parse((out[0] as RawDocument).fetchedAt))).toBe(false);
  });

  it('sniffs HTML in a .txt that is a whole HTML document, and in a file without extension', async () => {
    await writeFile(at('saved.txt'), '<!DOCTYPE html><html><body>x</body></html>');
    await writeFile(at('noext'), '<html><body>y</body></html>');
    await writeFile(at('plain'), 'just words');
    expect((await collect([at('saved.txt'), at('noext'), at('plain')])).map((d) => (d as RawDocument).format)).toEqual(['html', 'html', 'text']);
  });

  it('decodes a koi8-r HTML file by its <meta> and a BOM-marked UTF-8 file', async () => {
    await writeFile(at('ru.html'), encodeSingleByte('<meta charset="koi8-r"><p>Новости дня</p>', 'koi8-r'));
    await writeFile(at('bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Zürich')]));
    const [ru, bom] = docs(await collect([at('ru.html'), at('bom.txt')]));
    expect(ru.body).toContain('Новости дня');
    expect(bom.body).toBe('Zürich');
    expect(ru.notes).toBeUndefined();
  });
});

describe('readInputs: gzip-compressed files', () => {
  it('reads page.html.gz as HTML, and a directory includes .html.gz files', async () => {
    await mkdir(at('gz'));
    await writeFile(at('gz', 'page.html.gz'), gzipSync('<html><body><p>Compressed page</p></body></html>'));
    const out = await collect([at('gz')]);
    expect(out).toEqual([expect.objectContaining({ format: 'html', body: '<html><body><p>Compressed page</p></body></html>', path: at('gz', 'page.html.gz') })]);
  });
  it('refuses a gzip holding a PDF, and one that expands past maxBytes', async () => {
    await writeFile(at('gz', 'doc.pdf.gz'), gzipSync('%PDF-1.4 x'));
    await writeFile(at('gz', 'bomb.txt.gz'), gzipSync(Buffer.alloc(200_000, 0x61)));
    const out = await collect([at('gz', 'doc.pdf.gz'), at('gz', 'bomb.txt.gz')], { maxBytes: 100_000 });
    expect(out.map((x) => (x as InputFailure).ruleId)).toEqual(['ingest:binary', 'ingest:too-large']);
    expect((out[0] as InputFailure).reason).toBe('gzip-compressed file is a PDF document, not text, HTML, JSON or a feed');
  });
});

describe('readInputs: JSON and JSONL records', () => {
  it('reads a .json file that holds JSON Lines as JSONL', async () => {
    await writeFile(at('lines.json'), '{"text":"a"}\n{"text":"b"}\n');
    expect((await collect([at('lines.json')])).map((x) => x.input.slice(dir.length))).toEqual(['/lines.json#1', '/lines.json#2']);
  });

  it('reads an array, a wrapped {items:[...]} and a single record, with meta', async () => {
    await writeFile(
      at('arr.json'),
      JSON.stringify([
        { text: 'First body', title: 'One', url: 'https://n.example/1', published: '2024-10-22', outlet: 'Daily', lang: 'en-US' },
        { html: '<p>Second</p>', publishedAt: 'Tue, 22 Oct 2024 10:00:00 GMT', source: { name: 'Wire' }, language: 'uk' },
      ]),
    );
    await writeFile(at('wrapped.json'), JSON.stringify({ articles: [{ text: 'A', date: '2024-10-01' }] }));
    await writeFile(at('single.json'), JSON.stringify({ text: 'Only', site: 'S' }));
    const out = await collect([at('arr.json'), at('wrapped.json'), at('single.json')]);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({
      input: `${at('arr.json')}#1`,
      record: 1,
      format: 'text',
      body: 'First body',
      url: 'https://n.example/1',
      meta: { title: 'One', publishedAt: '2024-10-22', site: 'Daily', lang: 'en' },
    });
    expect(out[1]).toMatchObject({ record: 2, format: 'html', meta: { publishedAt: '2024-10-22T10:00:00.000Z', site: 'Wire', lang: 'uk' } });
    expect(out[2]).toMatchObject({ input: `${at('wrapped.json')}#1`, meta: { publishedAt: '2024-10-01' } });
    expect(out[3]).toMatchObject({ input: `${at('single.json')}#1`, body: 'Only', meta: { site: 'S' } });
  });

  it('reads JSONL one record per line, naming records by line, and goes on past bad lines', async () => {
    const lines = [JSON.stringify({ text: 'L1' }), '', '{"text": "broken', JSON.stringify({ title: 'no body' }), JSON.stringify({ html: '<p>L5</p>' })];
    await writeFile(at('recs.jsonl'), lines.join('\n') + '\n');
    const out = await collect([at('recs.jsonl')]);
    expect(out.map((x) => [x.input.replace(dir, ''), isInputFailure(x) ? x.ruleId : 'doc'])).toEqual([
      ['/recs.jsonl#1', 'doc'],
      ['/recs.jsonl#3', 'ingest:bad-json'],
      ['/recs.jsonl#4', 'ingest:no-text'],
      ['/recs.jsonl#5', 'doc'],
    ]);
    expect((out[1] as InputFailure).reason).toMatch(/^line 3: malformed JSON/);
    expect(out[3]).toMatchObject({ record: 5, format: 'html' });
  });

  it('reports malformed JSON with the line of the error', async () => {
    await writeFile(at('bad.json'), '[\n  {"text": "a"},\n  {"text": "b",,}\n]');
    const out = await collect([at('bad.json')]);
    expect(out).toEqual([expect.objectContaining({ ruleId: 'ingest:bad-json', input: at('bad.json') })]);
    expect((out[0] as InputFailure).reason).toMatch(/line 3/);
  });

  it('flags a bad published date instead of dropping it silently', async () => {
    await writeFile(at('date.json'), JSON.stringify({ text: 'x', date: 'sometime soon' }));
    const [doc] = docs(await collect([at('date.json')]));
    expect(doc.meta?.publishedAt).toBeUndefined();
    expect(doc.notes).toEqual([expect.objectContaining({ ruleId: 'ingest:bad-date', severity: 'warning' })]);
  });
});

describe('readInputs: feed files', () => {
  it('reads RSS items: full content as is, summary-only items with a warning (links not followed for files)', async () => {
    const out = await collect([join(FIXTURES, 'rss.xml')]);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({
      input: `${join(FIXTURES, 'rss.xml')}#1`,
      feed: join(FIXTURES, 'rss.xml'),
      record: 1,
      url: 'https://gazette.example/news/breakwater',
      format: 'html',
      meta: { title: 'Breakwater to close for repairs', publishedAt: '2024-10-08T09:30:00.000Z', byline: 'Ada Quill', site: 'Marrowby Gazette', lang: 'en' },
    });
    expect((out[0] as RawDocument).notes).toBeUndefined();
    expect((out[1] as RawDocument).notes).toEqual([expect.objectContaining({ ruleId: 'ingest:feed-summary-only' })]);
  });

  it('reads Atom and JSON Feed files', async () => {
    const atom = await collect([join(FIXTURES, 'atom.xml')]);
    expect(atom[0]).toMatchObject({ url: 'https://notes.example/breakwater', meta: { byline: 'Ben Tarrow', publishedAt: '2024-10-08T11:00:00+02:00' } });
    const json = await collect([join(FIXTURES, 'feed.json')]);
    expect(docs(json)).toHaveLength(2);
    expect(json[1]).toMatchObject({ url: 'https://radio.example/2', feed: join(FIXTURES, 'feed.json'), meta: { site: 'Island Radio' } });
  });

  it('reports a malformed feed once', async () => {
    await writeFile(at('broken.xml'), '<?xml version="1.0"?>\n<rss version="2.0"><channel><item><title>x</item></channel></rss>');
    const out = await collect([at('broken.xml')]);
    expect(out).toEqual([expect.objectContaining({ ruleId: 'ingest:bad-feed', input: at('broken.xml') })]);
    expect((out[0] as InputFailure).reason).toMatch(/line 2/);
  });
});

describe('readInputs: directories and globs', () => {
  let tree: string;
  beforeAll(async () => {
    tree = at('tree');
    for (const d of ['b', 'a/deep', 'node_modules/pkg', '.git']) await mkdir(join(tree, d), { recursive: true });
    const files: Record<string, string> = {
      'z.txt': 'z',
      'b/2.html': '<p>2</p>',
      'b/1.md': '# 1',
      'a/deep/x.txt': 'x',
      'a/photo.jpg': 'not really a photo',
      'node_modules/pkg/readme.md': 'skip me',
      '.git/HEAD.txt': 'skip me',
      '.hidden.txt': 'skip me',
    };
    for (const [name, body] of Object.entries(files)) await writeFile(join(tree, name), body);
  });

  it('walks recursively in sorted order, skipping dotfiles and node_modules, noting unsupported files', async () => {
    const out = await collect([tree]);
    expect(docs(out).map((d) => d.path!.slice(tree.length + 1))).toEqual(['a/deep/x.txt', 'b/1.md', 'b/2.html', 'z.txt']);
    expect(failures(out)).toEqual([expect.objectContaining({ ruleId: 'ingest:skipped-files', severity: 'warning', input: tree })]);
    expect(failures(out)[0].reason).toContain('photo.jpg');
  });

  it.each([
    ['**/*.txt', ['a/deep/x.txt', 'z.txt']],
    ['*.txt', ['z.txt']],
    ['b/*.{md,html}', ['b/1.md', 'b/2.html']],
    ['b/?.html', ['b/2.html']],
    ['**/*.jpg', ['a/photo.jpg']],
  ])('expands the glob %s', async (pattern, expected) => {
    const out = await collect([`${tree}/${pattern}`]);
    expect(out.map((x) => (x as RawDocument).path?.slice(tree.length + 1) ?? x.input)).toEqual(expected);
  });

  it('reports a glob without matches and an empty directory', async () => {
    await mkdir(at('empty-dir'));
    const out = await collect([`${tree}/**/*.pdf`, at('empty-dir')]);
    expect(out.map((x) => (x as InputFailure).ruleId)).toEqual(['ingest:no-match', 'ingest:empty-directory']);
  });

  it('reads a file named twice (directory and glob) once', async () => {
    const out = await collect([join(tree, 'b'), `${tree}/b/*.md`, join(tree, 'b', '1.md')]);
    expect(docs(out)).toHaveLength(2);
  });

  it('accepts file:// URLs', async () => {
    expect(await collect([pathToFileURL(join(tree, 'z.txt')).href])).toEqual([expect.objectContaining({ body: 'z' })]);
  });

  it('streams: the first document arrives before a large directory is fully walked', async () => {
    const big = at('many');
    await mkdir(big);
    await Promise.all(Array.from({ length: 300 }, (_, i) => writeFile(join(big, `${String(i).padStart(4, '0')}.txt`), `doc ${i}`)));
    const iterator = readInputs([big]);
    const first = await iterator.next();
    expect(first.value).toMatchObject({ body: 'doc 0' });
    await iterator.return(undefined);
  });
});

describe('readInputs: stdin', () => {
  it('reads "-" from options.stdin and sniffs HTML', async () => {
    const out = await collect(['-'], { stdin: Readable.from([Buffer.from('<html><body><p>From stdin</p></body></html>')]) });
    expect(out).toEqual([expect.objectContaining({ input: '-', path: '-', format: 'html' })]);
  });
  it('reads JSON Lines from stdin', async () => {
    const out = await collect(['-'], { stdin: Readable.from(['{"text":"a"}\n{"text":"b"}\n']) });
    expect(out.map((x) => x.input)).toEqual(['-#1', '-#2']);
  });
  it('refuses stdin over maxBytes', async () => {
    const out = await collect(['-'], { stdin: Readable.from([Buffer.alloc(2000, 0x61)]), maxBytes: 1000 });
    expect(out).toEqual([expect.objectContaining({ input: '-', ruleId: 'ingest:too-large' })]);
  });
});

describe('readInputs: bad input gives one clear failure and the batch goes on', () => {
  const MAGIC: Record<string, [Buffer, RegExp]> = {
    'doc.pdf': [Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj'), /PDF/],
    'img.png': [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /PNG/],
    'img.jpg': [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), /JPEG/],
    'img.gif': [Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), /GIF/],
    'arch.zip': [Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), /ZIP/],
    'page.html.gz': [Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), /gzip/],
    'nul.txt': [Buffer.from('text\0with\0nuls'), /NUL/],
  };

  it('handles a whole batch of bad inputs, one failure each, keeping the good ones', async () => {
    const bad = at('bad');
    await mkdir(bad);
    for (const [name, [bytes]] of Object.entries(MAGIC)) await writeFile(join(bad, name), bytes);
    await writeFile(join(bad, 'empty.txt'), '');
    await writeFile(join(bad, 'blank.md'), ' \n\t\n  ');
    await writeFile(join(bad, 'good.txt'), 'A good article.');
    await writeFile(join(bad, 'norecords.json'), JSON.stringify([{ title: 'x' }, { url: 'y', text: '   ' }]));
    // A sparse 50 MiB file: refused from its size without being read.
    const handle = await open(join(bad, 'huge.html'), 'w');
    await handle.truncate(50 * 1024 * 1024);
    await handle.close();
    const specs = [
      join(bad, 'missing.html'),
      ...Object.keys(MAGIC).map((n) => join(bad, n)),
      join(bad, 'empty.txt'),
      join(bad, 'blank.md'),
      join(bad, 'huge.html'),
      join(bad, 'norecords.json'),
      join(bad, 'good.txt'),
    ];
    const started = Date.now();
    const out = await collect(specs);
    expect(Date.now() - started).toBeLessThan(5000);
    const byInput = (name: string) => out.filter((x) => x.input.startsWith(join(bad, name)));
    expect(byInput('missing.html')).toEqual([{ input: join(bad, 'missing.html'), severity: 'fatal', ruleId: 'ingest:not-found', reason: 'no such file or directory' }]);
    for (const [name, [, kind]] of Object.entries(MAGIC)) {
      const got = byInput(name);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ ruleId: 'ingest:binary', severity: 'fatal' });
      expect((got[0] as InputFailure).reason).toMatch(kind);
    }
    expect(byInput('empty.txt')).toEqual([expect.objectContaining({ ruleId: 'ingest:empty', reason: 'file is empty' })]);
    expect(byInput('blank.md')).toEqual([expect.objectContaining({ ruleId: 'ingest:empty', reason: 'file holds only whitespace' })]);
    expect(byInput('huge.html')).toEqual([expect.objectContaining({ ruleId: 'ingest:too-large' })]);
    expect((byInput('huge.html')[0] as InputFailure).reason).toContain('50.0 MiB');
    expect(byInput('norecords.json').map((x) => [x.input.slice(bad.length), (x as InputFailure).ruleId])).toEqual([
      ['/norecords.json#1', 'ingest:no-text'],
      ['/norecords.json#2', 'ingest:no-text'],
    ]);
    expect(byInput('good.txt')).toEqual([expect.objectContaining({ body: 'A good article.' })]);
    expect(out).toHaveLength(specs.length + 1); // norecords.json gives one failure per record
  });

  it('reads invalid UTF-8 as windows-1252 with a warning note (documented choice)', async () => {
    await writeFile(at('legacy.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]));
    const [doc] = await collect([at('legacy.txt')]);
    expect(doc).toMatchObject({ body: 'Café “ok”', notes: [expect.objectContaining({ ruleId: 'ingest:charset-fallback', severity: 'warning', input: at('legacy.txt') })] });
  });

  it('reads a page declaring an unknown charset, with a warning note', async () => {
    await writeFile(at('klingon.html'), '<meta charset="x-klingon"><p>text</p>');
    const [doc] = await collect([at('klingon.html')]);
    expect(doc).toMatchObject({ format: 'html', notes: [expect.objectContaining({ ruleId: 'ingest:unknown-charset' })] });
  });

  it('refuses a JSONL line longer than maxBytes but reads the others', async () => {
    await writeFile(at('longline.jsonl'), `${JSON.stringify({ text: 'short' })}\n${JSON.stringify({ text: 'x'.repeat(5000) })}\n${JSON.stringify({ text: 'after' })}\n`);
    const out = await collect([at('longline.jsonl')], { maxBytes: 1000 });
    expect(out.map((x) => (isInputFailure(x) ? x.ruleId : (x as RawDocument).body))).toEqual(['short', 'ingest:too-large', 'after']);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file (not testable as root)', async () => {
    await writeFile(at('secret.txt'), 'x');
    await chmod(at('secret.txt'), 0o000);
    expect(await collect([at('secret.txt')])).toEqual([expect.objectContaining({ ruleId: 'ingest:unreadable' })]);
  });

  it.each([
    ['EACCES', 'ingest:unreadable', /permission denied/],
    ['EPERM', 'ingest:unreadable', /permission denied/],
    ['ENOENT', 'ingest:not-found', /no such file/],
    ['EIO', 'ingest:unreadable', /EIO/],
  ])('maps file error %s to %s', (code, ruleId, reason) => {
    const out = failureForFsError('f.txt', Object.assign(new Error(code), { code }));
    expect(out).toMatchObject({ input: 'f.txt', ruleId });
    expect(out.reason).toMatch(reason);
  });
});

describe('readInputs: URLs', () => {
  let server: http.Server;
  let base = '';
  const hits: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const path = req.url ?? '/';
      hits.push(path);
      const send = (type: string, body: string | Buffer, status = 200) => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      };
      if (path === '/article/1') return send('text/html; charset=utf-8', `<html><body><article><p>${LONG}</p></article></body></html>`);
      if (path === '/article/ru') return send('text/html; charset=koi8-r', encodeSingleByte('<p>Сводка новостей</p>', 'koi8-r'));
      if (path === '/records.json') return send('application/json', JSON.stringify({ items: [{ text: 'one' }, { text: 'two' }] }));
      if (path === '/doc.pdf') return send('application/pdf', '%PDF-1.5 binary');
      if (path === '/picture') return send('image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>');
      if (path === '/feed.xml') {
        const host = `http://${req.headers.host}`;
        return send(
          'application/rss+xml',
          `<rss version="2.0"><channel><title>Local Wire</title>
            <item><title>Full</title><link>${host}/elsewhere</link><description><![CDATA[<p>${LONG}</p>]]></description></item>
            <item><title>Teaser</title><link>${host}/article/1</link><description>Short teaser.</description></item>
            <item><title>Dead link with teaser</title><link>${host}/missing</link><description>Another teaser.</description></item>
            <item><title>Dead link alone</title><link>${host}/missing2</link></item>
          </channel></rss>`,
        );
      }
      if (path === '/slow') return void res.writeHead(200, { 'content-type': 'text/html' });
      send('text/plain', 'not found', 404);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });
  const local: IngestOptions = { allowPrivate: true, perHostDelayMs: 0, timeoutMs: 3000 };

  it('fetches a page with the final URL and Content-Type charset', async () => {
    const [a, b] = await collect([`${base}/article/1`, `${base}/article/ru`], local);
    expect(a).toMatchObject({ input: `${base}/article/1`, url: `${base}/article/1`, format: 'html' });
    expect((b as RawDocument).body).toBe('<p>Сводка новостей</p>');
  });

  it('reads JSON records from a URL', async () => {
    const out = await collect([`${base}/records.json`], local);
    expect(out.map((x) => [x.input, (x as RawDocument).body])).toEqual([
      [`${base}/records.json#1`, 'one'],
      [`${base}/records.json#2`, 'two'],
    ]);
  });

  it('follows feed item links for summary-only items, keeping content-rich items as they are', async () => {
    hits.length = 0;
    const out = await collect([`${base}/feed.xml`], local);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ input: `${base}/feed.xml#1`, feed: `${base}/feed.xml`, url: `${base}/elsewhere`, meta: { title: 'Full', site: 'Local Wire' } });
    expect(out[1]).toMatchObject({ input: `${base}/feed.xml#2`, url: `${base}/article/1`, format: 'html', meta: { title: 'Teaser' } });
    expect((out[1] as RawDocument).body).toContain('<article>');
    expect(out[2]).toMatchObject({ body: 'Another teaser.', notes: [expect.objectContaining({ ruleId: 'fetch:http-404', severity: 'warning' })] });
    expect(out[3]).toMatchObject({ input: `${base}/feed.xml#4`, ruleId: 'fetch:http-404', severity: 'fatal' });
    expect(hits).not.toContain('/elsewhere');
  });

  it('does not follow feed links when followFeedLinks is false', async () => {
    hits.length = 0;
    const out = await collect([`${base}/feed.xml`], { ...local, followFeedLinks: false });
    expect(hits).toEqual(['/feed.xml']);
    expect(out[1]).toMatchObject({ notes: [expect.objectContaining({ ruleId: 'ingest:feed-summary-only' })] });
    expect(out[3]).toMatchObject({ ruleId: 'ingest:no-text' });
  });

  it('refuses binary and non-article responses', async () => {
    const out = await collect([`${base}/doc.pdf`, `${base}/picture`], local);
    expect(out.map((x) => (x as InputFailure).ruleId)).toEqual(['ingest:binary', 'fetch:unsupported-type']);
  });

  it('turns 404s, timeouts, refused connections and blocked addresses into one failure each', async () => {
    const out = await collect([`${base}/nope`, `${base}/slow`, 'http://127.0.0.1:1/', `${base}/article/1`], { ...local, timeoutMs: 300 });
    expect(out.map((x) => (isInputFailure(x) ? x.ruleId : 'doc'))).toEqual(['fetch:http-404', 'fetch:timeout', 'fetch:refused', 'doc']);
    const blocked = await collect([`${base}/article/1`]);
    expect(blocked).toEqual([expect.objectContaining({ ruleId: 'fetch:blocked-address' })]);
  });

  it('waits perHostDelayMs between requests to the same host', async () => {
    const stamps: number[] = [];
    const timed = http.createServer((_req, res) => {
      stamps.push(Date.now());
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok text');
    });
    await new Promise<void>((r) => timed.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(timed.address() as AddressInfo).port}`;
    await collect([`${url}/1`, `${url}/2`], { ...local, perHostDelayMs: 400 });
    await new Promise<void>((r) => timed.close(() => r()));
    expect(stamps).toHaveLength(2);
    expect(stamps[1] - stamps[0]).toBeGreaterThanOrEqual(350);
  });
});

describe('readInputs: the fixture folder', () => {
  it('reads every bundled ingest fixture without failures', async () => {
    const out = await collect([`${FIXTURES}/*.{xml,json}`]);
    expect(failures(out)).toEqual([]);
    expect(docs(out).length).toBe(6);
  });
});

