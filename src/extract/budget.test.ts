/** Issue 9 row 1: a hostile page cannot hold the batch; extraction is bounded in time, depth and size. */
import { describe, expect, it } from 'vitest';
import type { RawDocument } from '../core/raw-document.js';
import { capNesting } from './cap-nesting.js';
import { extractDocument } from './extract.js';

const PARAGRAPH = '<p>Flood waters rose overnight in the river town, officials said, and crews worked until dawn to reinforce the levees.</p>';
const page = (body: string): RawDocument => ({ input: 'hostile.html', format: 'html', body: `<html><body>${body}</body></html>`, fetchedAt: '2024-10-22T00:00:00.000Z' });
const timed = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
};

describe('extract: per-document budget', () => {
  it.each([
    ['100,000 nested <div>', `${'<div>'.repeat(100_000)}${PARAGRAPH.repeat(4)}${'</div>'.repeat(100_000)}`],
    ['100,000 unclosed <div>', `${'<div>'.repeat(100_000)}${PARAGRAPH.repeat(4)}`],
    ['100,000 unclosed <b>', `${'<b>x '.repeat(100_000)}${PARAGRAPH.repeat(4)}`],
  ])('%s: extracted in seconds, with the text kept and a warning', (_name, body) => {
    // Before the budget this took about 8 minutes (quadratic in depth in the parser and in Readability).
    const [article, ms] = timed(() => extractDocument(page(body)));
    expect(ms).toBeLessThan(15_000);
    expect(article.text).toContain('Flood waters rose overnight');
    expect(article.messages.find((m) => m.ruleId === 'extract:deep-dom')?.reason).toMatch(/elements nested deeper than \d+ levels were read as plain text/);
    expect(article.messages.some((m) => m.severity === 'fatal')).toBe(false);
  });

  it('refuses a page over the element limit as extract:too-complex, before building its DOM', () => {
    const [article, ms] = timed(() => extractDocument(page('<span>w</span>'.repeat(300_000))));
    expect(ms).toBeLessThan(5_000);
    const fatal = article.messages.find((m) => m.severity === 'fatal');
    expect(fatal?.ruleId).toBe('extract:too-complex');
    expect(fatal?.reason).toMatch(/300,002 elements, over the 250,000 allowed; not extracted/);
  });

  it('takes its limits as options: fewer elements, and a spent time budget falls back to the whole body', () => {
    const body = `<nav>${'<a href="/x">menu</a>'.repeat(50)}</nav>${PARAGRAPH.repeat(6)}`;
    expect(extractDocument(page(body), { budget: { maxElements: 20 } }).messages[0]?.ruleId).toBe('extract:too-complex');
    const late = extractDocument(page(body), { budget: { maxMs: 0 } });
    const attempt = late.messages.find((m) => m.ruleId === 'extract:attempt');
    expect(attempt?.reason).toBe('main content from attempt 7:whole-body');
    expect(attempt?.note).toMatch(/Readability skipped \(time budget spent\); past the 0 ms budget/);
    expect(late.text).toContain('Flood waters rose overnight');
  });

  it('leaves a page within the limits to Readability as before', () => {
    const article = extractDocument(page(`<article>${PARAGRAPH.repeat(5)}</article>`));
    expect(article.messages.find((m) => m.ruleId === 'extract:attempt')?.reason).toBe('main content from attempt 1:readability');
    expect(article.messages.some((m) => m.ruleId === 'extract:deep-dom')).toBe(false);
  });
});

describe('extract: capNesting', () => {
  it('returns a page within the cap unchanged, as the same string', () => {
    const html = `<html><body><div class="a>b"><p>one<p>two<ul><li>a<li>b</ul></div><svg><path d="x"/><path/></svg></body></html>`;
    expect(capNesting(html, 4).html).toBe(html);
  });

  it('drops start and end tags past the cap and keeps their text', () => {
    const { html, droppedTags } = capNesting('<div><div><div>deep<b>er</b></div></div>after</div>', 2);
    expect(html).toBe('<div><div>deeper</div>after</div>');
    expect(droppedTags).toBe(2);
  });

  it('does not read tags inside scripts, styles and comments', () => {
    const html = `<div><script>${"'<div>'.repeat(1);".repeat(50)}</script><!-- <div><div><div> --><style>a<b{}</style>text</div>`;
    expect(capNesting(html, 2).droppedTags).toBe(0);
  });
});
