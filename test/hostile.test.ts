/**
 * Issue 9 rows 2 and 3: the hostile corpus (test/fixtures/hostile) through every command and output. Text from
 * inputs is shown, never acted on: no terminal control or bidi character reaches a terminal, no raw HTML, live
 * link or structure reaches Markdown, and JSON keeps the data exactly.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDocument } from '../src/report/export-schema.js';
import { runCli, type CliResult } from './cli-helpers.js';

const FIXTURE = resolve(__dirname, 'fixtures/hostile');
const tmp = mkdtempSync(join(tmpdir(), 'triangulate-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const corpus = join(tmp, 'corpus');
const db = join(tmp, 'hostile.db');
const json = join(tmp, 'out', 'report.json');
const markdown = join(tmp, 'out', 'report.md');
const ESC = '\u001b';
const BEL = '\u0007';
/** File names an attacker controls: an escape sequence that retitles the terminal, and a newline. */
const EVIL_NAME = `evil${ESC}]0;owned${BEL}\nname.txt`;
const EVIL_BINARY = `photo${ESC}[2J.html`;

/** Characters a terminal acts on or that reorder what a reader sees; raw CR rewrites a line too. */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

function expectTerminalSafe(result: CliResult): void {
  expect(result.stdout, 'stdout').not.toMatch(TERMINAL_UNSAFE);
  expect(result.stderr, 'stderr').not.toMatch(TERMINAL_UNSAFE);
}

/** Markdown with no raw HTML, no followable non-http(s) link, and no structure but ours. */
function expectMarkdownSafe(md: string): void {
  expect(md).not.toMatch(TERMINAL_UNSAFE);
  expect(md).not.toMatch(/<\s*(script|img|iframe)/i);
  // An escaped \] ends no link text, so only an unescaped ](javascript: would be a live link.
  expect(md).not.toMatch(/(?<!\\)\]\(\s*javascript:/i);
  expect(md).toMatch(/\\\]\(javascript:/);
  expect(md).not.toMatch(/<javascript:/i);
  const lines = md.split('\n');
  const ours = /^(# Triangulate report|## Story: |### Who copied whom|### Figures|## Unsupported additions|## Entities|## Dropped boilerplate|### )/;
  for (const line of lines.filter((l) => l.startsWith('#'))) expect(line).toMatch(ours);
  // Only our Mermaid blocks open and close fences.
  const fences = lines.filter((l) => l.trimStart().startsWith('```'));
  expect(fences.filter((l) => l === '```mermaid').length * 2).toBe(fences.length);
  // A title's "# heading" and "```" stay inside the line that holds the title.
  for (const line of lines.filter((l) => /heading/.test(l))) expect(line).toMatch(/\\#/);
}

beforeAll(() => {
  cpSync(FIXTURE, corpus, { recursive: true });
  rmSync(join(corpus, 'README.md'));
  writeFileSync(
    join(corpus, EVIL_NAME),
    `Evil${ESC}]0;owned${BEL} title${ESC}[2J\n\nThe dam operator said on Thursday that 2,000 cubic metres a second were being released, ` +
      'twice the usual flow, and that villages downstream had been warned by the regional office before dawn.\n',
  );
  writeFileSync(join(corpus, EVIL_BINARY), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  // Row 1 in a batch: 100,000 nested elements are read within the budget; 300,000 elements fail, and the batch goes on.
  const story = '<p>The harbour master said on Friday that 14 boats had sunk at their moorings, and that divers would inspect the quay walls next week.</p>';
  writeFileSync(join(corpus, 'deep.html'), `<html><body>${'<div>'.repeat(100_000)}${story.repeat(3)}${'</div>'.repeat(100_000)}</body></html>`);
  writeFileSync(join(corpus, 'huge.html'), `<html><body>${story}${'<span>x</span>'.repeat(300_000)}</body></html>`);
});

describe('hostile corpus: every command and output', () => {
  it('analyze: the summary and the failure line show hostile names and titles without acting on them', async () => {
    const result = await runCli('analyze', corpus, '--db', db, '--json', json, '--markdown', markdown);
    expect(result.code).toBe(1); // the binary file and the oversized page fail, the rest is stored
    expectTerminalSafe(result);
    expect(result.stderr).toMatch(/✗ .*huge\.html: the page has 300,\d+ elements, over the 250,000 allowed; not extracted \[extract:too-complex\]/);
    expect(result.stderr).toContain(`✗ ${join(corpus, 'photo[2J.html')}: `);
    expect(result.stdout).toContain('Flood]0;owned in <script>alert(1)</script> towntxt.exe');
    expect(result.stdout).toContain('Title with newlines # and a heading ``` and a fence');
    expect(result.stdout).not.toMatch(/^# and a heading/m);
  });

  it('analyze --json keeps every character of the data, written as escapes where a terminal would act on it', () => {
    const raw = readFileSync(json, 'utf8');
    expect(raw).not.toMatch(TERMINAL_UNSAFE);
    const doc = JSON.parse(raw) as ExportDocument;
    const titles = doc.articles.map((a) => a.title);
    expect(titles).toContain('Title with\nnewlines\n# and a heading\n```\nand a fence');
    expect(titles).toContain(`${ESC}[2J${ESC}[HCleared screen \u2066story\u2069`);
    expect(doc.articles.some((a) => a.text.includes('\u202epeak on Wednesday\u202c'))).toBe(true);
    expect(doc.articles.find((a) => a.source.path?.endsWith('deep.html'))?.text).toContain('14 boats had sunk');
  });

  it('analyze --markdown escapes Markdown and HTML and links nothing that is not http(s)', () => {
    const md = readFileSync(markdown, 'utf8');
    expectMarkdownSafe(md);
    expect(md).toContain('Title with newlines \\# and a heading \\`\\`\\` and a fence');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('export --format markdown and json print the same safe documents', async () => {
    const md = await runCli('export', '--format', 'markdown', '--db', db);
    expect(md.code).toBe(0);
    expectTerminalSafe(md);
    expectMarkdownSafe(md.stdout);
    const js = await runCli('export', '--format', 'json', '--db', db);
    expect(js.code).toBe(0);
    expectTerminalSafe(js);
    expect((JSON.parse(js.stdout) as ExportDocument).articles).toHaveLength(5);
  });

  it('export --format html renders every piece of input as text: no element, attribute or link of its own', async () => {
    const html = await runCli('export', '--format', 'html', '--db', db);
    expect(html.code).toBe(0);
    expect(html.stdout).not.toMatch(TERMINAL_UNSAFE);
    const { document } = parseHTML(html.stdout);
    expect(document.querySelectorAll('script, img, iframe, a, object, embed, link').length).toBe(0);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) expect(`${el.tagName} ${attr.name}`).not.toMatch(/ on/i);
    }
    // The hostile text is still there, as text a reader can see.
    expect(document.body.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it.each(['stories', 'propositions', 'links', 'entities', 'claims', 'failures'])('show %s, as text and as JSON lines', async (what) => {
    const text = await runCli('show', what, '--db', db);
    expect(text.code).toBe(0);
    expectTerminalSafe(text);
    const lines = await runCli('show', what, '--db', db, '--json');
    expect(lines.code).toBe(0);
    expectTerminalSafe(lines);
    for (const line of lines.stdout.split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('show failures names the hostile file without its escape sequence, and the page over the budget', async () => {
    const result = await runCli('show', 'failures', '--db', db);
    expect(result.stdout).toContain('photo[2J.html');
    expect(result.stdout).toMatch(/huge\.html: .*\[extract:too-complex\]/);
  });

  it('show stories and claims carry titles on one line each', async () => {
    const stories = await runCli('show', 'stories', '--db', db);
    expect(stories.stdout).toContain('Title with newlines # and a heading ``` and a fence');
    expect(stories.stdout).toContain('[2J[HCleared screen story');
    const claims = await runCli('show', 'claims', '--db', db);
    expect(claims.stdout.split('\n').every((l) => !l.startsWith('# and a heading'))).toBe(true);
  });

  it('ingest and extract: re-runs, warnings and JSON lines stay safe', async () => {
    const again = await runCli('ingest', corpus, '--db', db, '--verbose');
    expectTerminalSafe(again);
    expect(again.stderr).toContain('evil]0;owned name.txt: already stored');
    const extracted = await runCli('extract', corpus);
    expect(extracted.code).toBe(1);
    expectTerminalSafe(extracted);
    const rows = extracted.stdout.trim().split('\n').map((l) => JSON.parse(l) as { title?: string });
    expect(rows.map((r) => r.title)).toContain(`${ESC}[2J${ESC}[HCleared screen \u2066story\u2069`);
  });
});
