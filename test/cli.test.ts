import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportSchema, type ExportDocument } from '../src/report/export-schema.js';
import { openStore } from '../src/store/index.js';
import { runCli } from './cli-helpers.js';

const SEEDS = resolve(__dirname, '../../shared/seeds');
const EXAMPLES = resolve(__dirname, '../examples/corpus');
const tmp = mkdtempSync(join(tmpdir(), 'triangulate-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('triangulate analyze on the seeds', () => {
  const db = join(tmp, 'seeds.db');
  const json = join(tmp, 'seeds.json');

  it('stores five articles and writes a JSON export that follows the schema', async () => {
    expect(existsSync(SEEDS)).toBe(true);
    const result = await runCli('analyze', SEEDS, '--db', db, '--json', json);
    expect(result.stderr).not.toMatch(/✗/);
    expect(result.code).toBe(0);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as ExportDocument;
    const parsed = ExportSchema.safeParse(doc);
    expect(parsed.success, JSON.stringify(parsed.error?.issues?.slice(0, 3))).toBe(true);
    expect(doc.articles).toHaveLength(5);
  });

  it('drops captions, credits, the donation appeal, the visit counter and the popular-posts list, with reasons', async () => {
    const doc = JSON.parse(readFileSync(json, 'utf8')) as ExportDocument;
    const reasons = new Set(doc.articles.flatMap((a) => a.dropped.map((d) => d.reason)));
    for (const reason of ['boilerplate:photo-credit', 'boilerplate:donation-appeal', 'boilerplate:visit-counter']) {
      expect(reasons, reason).toContain(reason);
    }
    const dropped = doc.articles.flatMap((a) => a.dropped.map((d) => d.text)).join('\n');
    expect(dropped).toMatch(/Photo credits/);
    expect(dropped).toMatch(/Visited \d+ times/);
    expect(dropped).toMatch(/Popular posts/);
    // No dropped piece may reappear in the kept text.
    for (const a of doc.articles) for (const d of a.dropped) if (d.text.length > 30) expect(a.text).not.toContain(d.text);
  });

  it('keeps every line of every seed that the hand annotation does not mark as boilerplate', async () => {
    const doc = JSON.parse(readFileSync(json, 'utf8')) as ExportDocument;
    const annotations = JSON.parse(readFileSync(resolve(__dirname, 'fixtures/seeds-boilerplate/annotations.json'), 'utf8')) as Record<
      string,
      { drop: Array<{ line: number }> }
    >;
    const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
    const kept = doc.articles.map((a) => flat(`${a.title ?? ''} ${a.text}`)).join('\n');
    for (const [file, annotation] of Object.entries(annotations)) {
      const dropped = new Set(annotation.drop.map((d) => d.line));
      const lines = readFileSync(join(SEEDS, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        // Lines split mid-sentence ("on Nov." / "1,") are rejoined, so compare their first words only.
        if (!dropped.has(i + 1) && line.trim().length > 3) expect(kept, `${file}:${i + 1}`).toContain(flat(line).slice(0, 60));
      });
    }
  });

  it('re-ingesting the same articles is a no-op that says so', async () => {
    const result = await runCli('ingest', SEEDS, '--db', db);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/0 added, 5 already stored/);
    const store = await openStore(db);
    expect(await store.countArticles()).toBe(5);
    await store.close();
  });

  it('show lists stored claims and links, filtered, without re-running analysis', async () => {
    const quotes = await runCli('show', 'claims', '--db', db, '--kind', 'quote', '--json');
    expect(quotes.code).toBe(0);
    const rows = quotes.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: { kind: string }) => r.kind === 'quote')).toBe(true);
    const links = await runCli('show', 'links', '--db', db);
    expect(links.stdout).toMatch(/^rewrite\s/m);
    expect((await runCli('show', 'nonsense', '--db', db)).code).toBe(2);
  });

  it('exports Markdown from the store', async () => {
    const result = await runCli('export', '--format', 'markdown', '--db', db);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# Triangulate report');
    expect(result.stdout).toContain('## Dropped boilerplate');
  });
});

describe('bad input', () => {
  it('names each bad input, goes on with the rest, exits 1, and leaves stored articles unchanged', async () => {
    const db = join(tmp, 'bad.db');
    const good = join(tmp, 'good');
    mkdirSync(good);
    writeFileSync(join(good, 'a.txt'), 'Bridge reopens after repairs\n\nThe city council said on Monday that the bridge over the river reopened after six weeks of repairs costing about 2 million euros.\n');
    expect((await runCli('ingest', good, '--db', db)).code).toBe(0);
    const before = readFileSync(db).length > 0 ? await snapshot(db) : '';

    const bad = join(tmp, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'empty.txt'), '');
    // A PNG named .html: sniffing, not the extension, decides that it is binary.
    writeFileSync(join(bad, 'image.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    writeFileSync(join(bad, 'broken.json'), '{"text": "unterminated');
    writeFileSync(join(bad, 'ok.txt'), 'Ferry service resumes\n\nThe ferry operator said on Tuesday that crossings resumed after the storm, with 12 sailings a day.\n');
    const result = await runCli('ingest', bad, '--db', db);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('empty.txt');
    expect(result.stderr).toContain('image.html');
    expect(result.stderr).toContain('broken.json');
    expect(result.stderr).toMatch(/1 added/);
    const after = await snapshot(db);
    expect(after).toContain(before.split('\n')[0]);
    const store = await openStore(db);
    expect(await store.countArticles()).toBe(2);
    expect((await store.listFailures()).length).toBe(3);
    await store.close();
  });

  it('exits 3 when every input fails', async () => {
    const result = await runCli('ingest', join(tmp, 'does-not-exist.txt'), '--db', join(tmp, 'none.db'));
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('does-not-exist.txt');
  });
});

describe('extract and usage', () => {
  it('extract prints one JSON line per input and stores nothing', async () => {
    const result = await runCli('extract', join(SEEDS, '002_74cb888c7f6563bf.txt'), join(SEEDS, '003_44704ef96eb3a8f2.txt'));
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(Object.keys(line).sort()).toEqual(['dropped', 'language', 'published', 'source', 'text', 'title']);
    expect(lines[0].dropped.map((d: { reason: string }) => d.reason)).toContain('boilerplate:donation-appeal');
  });

  it('exits 2 on an unknown option and 0 on --help', async () => {
    expect((await runCli('ingest', '--no-such-flag', 'x')).code).toBe(2);
    const help = await runCli('analyze', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit codes/);
  });
});

describe('the bundled example corpus', () => {
  it('analyses end to end with no failed input', async () => {
    const db = join(tmp, 'examples.db');
    const json = join(tmp, 'examples.json');
    const result = await runCli('analyze', EXAMPLES, '--db', db, '--json', json, '--quiet');
    expect(result.stderr).not.toMatch(/✗/);
    expect(result.code).toBe(0);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as ExportDocument;
    expect(doc.articles.length).toBeGreaterThanOrEqual(8);
    expect(doc.stories.length).toBeGreaterThanOrEqual(2);
  });

  it('a re-run analyses no stored article again, says so, and exports the same analysis', async () => {
    const db = join(tmp, 'examples.db');
    const json = join(tmp, 'examples-again.json');
    const result = await runCli('analyze', '--db', db, '--json', json, '--timings');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^analyze: 0 article\(s\) analysed, 8 already up to date; reuse links compared for 0 new or changed article\(s\)/m);
    // --timings: every step with the articles it worked on; nothing new, so the per-article stages and reuse touched none.
    expect(result.stdout).toMatch(/^store\/load +[\d.]+ s +8$/m);
    expect(result.stdout).toMatch(/^claims\/entities +[\d.]+ s +0$/m);
    expect(result.stdout).toMatch(/^reuse\/links +[\d.]+ s +0$/m);
    expect(result.stdout).toMatch(/^total +[\d.]+ s/m);
    const strip = (file: string) => ({ ...(JSON.parse(readFileSync(file, 'utf8')) as ExportDocument), generatedAt: undefined });
    expect(strip(json)).toEqual(strip(join(tmp, 'examples.json')));
  });
});

async function snapshot(db: string): Promise<string> {
  const store = await openStore(db);
  const articles = await store.listArticles();
  await store.close();
  return articles.map((a) => `${a.id}:${a.text}`).join('\n');
}

describe('provenance in the seeds export', () => {
  it('links the padded rewrite to its origin and flags the claims it added with no support', async () => {
    const db = join(tmp, 'prov.db');
    const json = join(tmp, 'prov.json');
    expect((await runCli('analyze', SEEDS, '--db', db, '--json', json, '--quiet')).code).toBe(0);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as ExportDocument;
    const byPath = (name: string) => doc.articles.find((a) => a.source.path?.endsWith(name))!;
    const origin = byPath('000_7feaf728ae14c171.txt');
    const rewrite = byPath('001_49c94936fb6f00b9.txt');
    const derived = doc.links.filter((l) => ['duplicate', 'copy', 'partial', 'rewrite', 'translation'].includes(l.kind));
    expect(derived.map((l) => [l.from, l.to, l.kind])).toEqual([[rewrite.id, origin.id, 'rewrite']]);
    const unsupported = doc.claims.filter((c) => c.unsupported);
    expect(unsupported.length).toBeGreaterThan(0);
    expect(unsupported.every((c) => c.article === rewrite.id)).toBe(true);
    // The rewrite's one direct quote (found at run time; no seed text in the repo) is invented: no other seed has it.
    const quoteAt = rewrite.text.indexOf('\u201c');
    expect(quoteAt).toBeGreaterThan(0);
    expect(rewrite.additions?.some((a) => a.start <= quoteAt && quoteAt < a.end)).toBe(true);
    expect(unsupported.some((c) => c.start <= quoteAt && quoteAt < c.end)).toBe(true);
  });
});

describe('the ledger', () => {
  const db = join(tmp, 'ledger.db');

  it('analyze prints the ledger with the contested total first, each value with its speakers', async () => {
    const result = await runCli('analyze', SEEDS, '--db', db);
    expect(result.code).toBe(0);
    const ledger = result.stdout.slice(result.stdout.indexOf('Ledger'));
    expect(ledger.indexOf('CONTESTED')).toBeGreaterThan(0);
    const contested = ledger.slice(ledger.indexOf('CONTESTED'), ledger.indexOf('SINGLE-ORIGIN'));
    for (const figure of ['nearly 11,000', 'up to 12,000', '10,000']) expect(contested).toContain(figure);
    expect(contested).toMatch(/Zelensky/);
    expect(contested).not.toContain('2,600');
    // Contested before single-origin before unsupported before corroborated, as an editor reads them.
    const order = ['CONTESTED', 'SINGLE-ORIGIN', 'UNCONFIRMED', 'UNSUPPORTED'].map((s) => ledger.indexOf(s));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('show propositions filters by status and story, and prints JSON rows that follow the schema', async () => {
    const contested = await runCli('show', 'propositions', '--db', db, '--status', 'contested', '--json');
    expect(contested.code).toBe(0);
    const rows = contested.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.length).toBe(1);
    expect(rows.every((r) => r.status === 'contested')).toBe(true);
    expect(ExportSchema.shape.propositions.element.safeParse(rows[0]).success).toBe(true);
    const text = await runCli('show', 'propositions', '--db', db, '--story', rows[0].story.slice(0, 8), '--chains');
    expect(text.stdout).toContain('↳');
    const none = await runCli('show', 'propositions', '--db', db, '--story', 'no-such-story');
    expect(none.stdout).toMatch(/no propositions stored/);
  });

  it('export --format markdown is a brief: contested figures with who says what, then what rests on one origin', async () => {
    const md = await runCli('export', '--format', 'markdown', '--db', db);
    expect(md.code).toBe(0);
    const brief = md.stdout;
    expect(brief).toMatch(/### Contested[\s\S]*\| \*\*nearly 11,000\*\* \|/);
    expect(brief.indexOf('### Contested')).toBeLessThan(brief.indexOf('### Resting on one origin'));
    expect(brief).toMatch(/### Unsupported: only in text a copy added/);
  });

  it('export --format html writes one self-contained story report, and refuses a story that does not exist', async () => {
    const file = join(tmp, 'report.html');
    const stories = JSON.parse((await runCli('show', 'stories', '--db', db, '--json')).stdout.trim().split('\n')[0]);
    const result = await runCli('export', '--format', 'html', '--story', stories.id.slice(0, 10), '--db', db, '--out', file);
    expect(result.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h3>Ledger</h3>');
    expect(html).not.toMatch(/<script|<link /);
    const missing = await runCli('export', '--format', 'html', '--story', 'no-such-story', '--db', db);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/no stored story/);
  });
});
