import { describe, expect, it } from 'vitest';
import { contentBlocks, isFurniture, widenPick } from './containers.js';
import { parseHtmlDocument, type DomElement } from './dom.js';
import { extractDocument } from './extract.js';
import type { SourceParagraph } from './paragraph.js';

const PROSE = 'The committee published its findings on Monday after reviewing two years of records from the regional hospitals.';
const para = (text: string, extra: Partial<SourceParagraph> = {}): SourceParagraph => ({ text, start: 0, end: text.length, ...extra });

describe('containers: which blocks of a content container read as content', () => {
  const rows: Array<[string, SourceParagraph[], string[]]> = [
    ['prose is kept, a link list is not', [para(PROSE), para('Home News Sport Weather', { linkDensity: 1 })], [PROSE]],
    ['a short line between two prose blocks is kept', [para(PROSE), para('Step two'), para(PROSE.replace('Monday', 'Friday'))], [PROSE, 'Step two', PROSE.replace('Monday', 'Friday')]],
    ['a short line at the edge of the container is not', [para('By Jane Roe'), para(PROSE)], [PROSE]],
    ['a heading followed by prose is kept', [para('What the records show', { heading: true }), para(PROSE)], ['What the records show', PROSE]],
    ['a heading followed by nothing is not', [para(PROSE), para('Read next', { heading: true })], [PROSE]],
    ['prose on another subject cut off by a linked headline is not', [para(PROSE), para('Another story entirely', { linkDensity: 1 }), para('Fans queued overnight outside the stadium box office hoping for tickets to the cup final.')], [PROSE]],
    ['prose on the same subject past a linked name is kept (a thread)', [para(PROSE), para('reply by jo', { linkDensity: 1 }), para('Those hospital records from the committee were published without the regional findings.')], [PROSE, 'Those hospital records from the committee were published without the regional findings.']],
  ];
  for (const [name, blocks, kept] of rows) {
    it(`containers: ${name}`, () => expect(contentBlocks(blocks, new Set([PROSE.toLowerCase()])).map((p) => p.text)).toEqual(kept));
  }

  it('containers: furniture is named by tag or by a class/id word, not by a substring', () => {
    const doc = parseHtmlDocument('<body><aside id="a"></aside><div id="b" class="post-comments"></div><div id="c" class="commentary"></div></body>');
    const el = (id: string) => doc.querySelector(`#${id}`) as DomElement;
    expect([isFurniture(el('a')), isFurniture(el('b')), isFurniture(el('c'))]).toEqual([true, true, false]);
  });

  it('containers: a pick is widened only to a container that holds it and clearly more', () => {
    const picked = [para(PROSE)];
    const other = 'Nurses told the inquiry that staffing had fallen by a third since the merger of the two largest wards in the city.';
    const wide = { paragraphs: [para(PROSE), para(other), para(other.replace('third', 'quarter'))], ownChars: 3 * PROSE.length };
    expect(widenPick(picked, [wide])?.map((p) => p.text)).toEqual([PROSE, other, other.replace('third', 'quarter')]);
    const elsewhere = { paragraphs: [para(other), para(other), para(other)], ownChars: 3 * other.length };
    expect(widenPick(picked, [elsewhere])).toBeUndefined();
    const barely = { paragraphs: [para(PROSE), para('Short note.')], ownChars: PROSE.length + 11 };
    expect(widenPick(picked, [barely])).toBeUndefined();
  });
});

describe('extract: pages whose article Readability only partly finds', () => {
  it('extract: the text of a server-rendered <noscript> app shell is read when the page shows nothing else', () => {
    const posts = [PROSE, PROSE.replace('Monday', 'Tuesday'), PROSE.replace('committee', 'panel')].map((t) => `<div class="post"><p>${t}</p></div>`).join('');
    const body = `<html><head><title>Thread</title></head><body><div id="app"></div><noscript><div id="main">${posts}</div></noscript></body></html>`;
    const a = extractDocument({ input: 'forum.html', format: 'html', body, fetchedAt: '2030-01-01T00:00:00Z' });
    expect(a.text).toContain(PROSE.replace('committee', 'panel'));
    expect(a.text).not.toMatch(/<[a-z]/i);
  });

  it('extract: an article split in sections keeps every section and leaves out the furniture inside it', () => {
    const long = Array.from({ length: 3 }, (_, i) => `<p>${PROSE.replace('two', String(i + 2))} The figures, the report said, were checked twice.</p>`).join('');
    const section = (h: string, n: number) => `<div class="sect"><h2>${h}</h2><div class="body">${Array.from({ length: n }, (_, i) => `<div class="paragraph"><p>Section ${h} paragraph ${i}: staff numbers fell, and waiting lists grew, in every ward they visited.</p></div>`).join('')}</div></div>`;
    const html = `<html><body><nav><a href="/">Home</a></nav><main><article>${section('Background', 5)}<div class="sect"><h2>Findings</h2><div class="body">${long}</div></div>${section('Next steps', 5)}<div class="share-bar"><a href="/s">Share this story</a> on the networks you use every day of the week</div></article></main><footer>Copyright</footer></body></html>`;
    const a = extractDocument({ input: 'report.html', format: 'html', body: html, fetchedAt: '2030-01-01T00:00:00Z' });
    expect(a.text).toContain('Section Background paragraph 1');
    expect(a.text).toContain('Section Next steps paragraph 0');
    expect(a.text).toContain('The figures, the report said');
    expect(a.text).not.toContain('Share this story');
    expect(a.messages.find((m) => m.ruleId === 'extract:attempt')?.reason).toBe('main content from attempt 1:readability-widened');
  });
});
