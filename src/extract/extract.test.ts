import { describe, expect, it } from 'vitest';
import { textOf } from '../core/span.js';
import { createExtractStage, extractDocument, extractStage, isListing, MIN_TEXT_CHARS } from './extract.js';
import type { RawDocument } from '../core/raw-document.js';

const text = (body: string, format: RawDocument['format'] = 'text'): RawDocument => ({ input: 'in.txt', path: 'in.txt', format, body, fetchedAt: '2030-01-01T00:00:00Z' });

const P1 = 'The regional council approved the new water tariff on Tuesday after a debate that lasted more than four hours.';
const P2 = 'Opposition members said the increase would hit pensioners hardest, while the majority argued that the pipes could no longer wait.';
const P3 = 'The tariff takes effect in January and will be reviewed after one year, according to the final text of the decision.';

describe('extract: text and markdown input', () => {
  it('text: the first line is the title when short, unpunctuated and followed by a blank line', () => {
    const a = extractDocument(text(`Council approves water tariff\n\n${P1}\n\n${P2}`));
    expect(a.meta.title).toBe('Council approves water tariff');
    expect(a.text).toBe(`${P1}\n\n${P2}`);
  });

  it('text: a first line that is a sentence stays in the text', () => {
    const a = extractDocument(text(`${P1}\n${P2}\n${P3}`));
    expect(a.meta.title).toBeUndefined();
    expect(a.layers.paragraph).toHaveLength(3);
  });

  it('text: a title line followed directly by a longer paragraph is the title', () => {
    const a = extractDocument(text(`Council approves water tariff\n${P1}\n${P2}`));
    expect(a.meta.title).toBe('Council approves water tariff');
  });

  it('text: paragraph spans and the source map point at the paragraphs in the raw body', () => {
    const body = `Title here\n\n${P1}\n\n${P2}\n`;
    const a = extractDocument(text(body));
    for (const [i, span] of (a.layers.paragraph ?? []).entries()) {
      const map = a.data.sourceMap![i];
      expect(textOf(a, span)).toBe(body.slice(map.inputStart, map.inputEnd));
    }
  });

  it('text: hard-wrapped prose is joined into paragraphs', () => {
    const wrapped = 'The regional council approved the new water tariff\non Tuesday after a debate that lasted more than four\nhours, and the opposition said it would appeal the\ndecision in the administrative court next month.';
    const a = extractDocument(text(`${wrapped}\n\n${P2}`));
    expect(a.layers.paragraph).toHaveLength(2);
    expect(a.text.startsWith('The regional council approved the new water tariff on Tuesday')).toBe(true);
  });

  it('markdown: markup is stripped to text and headings stay paragraphs', () => {
    const md = `# Council approves tariff\n\n${P1} See [the decision](https://x.example/d) and **bold** _words_.\n\n## Reactions\n\n- ${P2}\n- ${P3}\n\n![chart](c.png)`;
    const a = extractDocument(text(md, 'markdown'));
    expect(a.meta.title).toBe('Council approves tariff');
    expect(a.text).toContain('See the decision and bold words.');
    expect(a.text).toContain('\n\nReactions\n\n');
    expect(a.text).not.toMatch(/[#*_[\]!]|https?:/);
  });

  it('text: an empty body is fatal', () => {
    const a = extractDocument(text('   \n\n'));
    expect(a.messages.find((m) => m.ruleId === 'extract:empty')?.severity).toBe('fatal');
  });

  it(`text: under ${MIN_TEXT_CHARS} chars warns extract:too-short`, () => {
    const a = extractDocument(text(P1));
    expect(a.messages.find((m) => m.ruleId === 'extract:too-short')?.severity).toBe('warning');
  });

  it('text: ingestion notes are copied to messages', () => {
    const a = extractDocument({ ...text(`${P1}\n\n${P2}\n\n${P3}`), notes: [{ input: 'in.txt', ruleId: 'ingest:bad-charset', severity: 'warning', reason: 'fell back to latin1' }] });
    expect(a.messages.some((m) => m.ruleId === 'ingest:bad-charset' && m.severity === 'warning')).toBe(true);
  });
});

describe('extract: rejoining paragraphs broken mid-sentence', () => {
  it.each([
    ['ends in an abbreviation, next starts with "1,"', 'They will be ready on Nov.', '1," the general told reporters at the briefing.'],
    ['no final punctuation, next starts lowercase', 'The ministry said that the convoy had crossed the border', 'late on Sunday evening, without naming its source.'],
    ['ends in a comma, next starts lowercase', 'According to the report,', 'most of the damage was done in the first hour.'],
  ])('rejoin: %s', (_name, a, b) => {
    const article = extractDocument(text(`${P1}\n\n${a}\n\n${b}\n\n${P2}`));
    expect(article.text).toContain(`${a} ${b}`);
    expect(article.messages.some((m) => m.ruleId === 'extract:rejoined' && m.severity === 'info')).toBe(true);
  });

  it.each([
    ['a finished sentence before a capitalised one', 'The convoy crossed the border.', 'Officials declined to comment on the report.'],
    ['a heading-like line before a capitalised one', 'Reactions from Kyiv', 'Officials declined to comment on the report.'],
  ])('rejoin: leaves %s apart', (_name, a, b) => {
    const article = extractDocument(text(`${P1}\n\n${a}\n\n${b}\n\n${P2}`));
    expect(article.text).not.toContain(`${a} ${b}`);
  });
});

describe('extract: stage', () => {
  it('stage: extract/main-text re-runs extraction from article.html', async () => {
    const html = `<html><head><title>Tariff | Site</title></head><body><article><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>Share this article</p></article></body></html>`;
    const first = extractDocument({ input: 'a.html', format: 'html', body: html, fetchedAt: '2030-01-01T00:00:00Z' });
    const stage = extractStage.create(extractStage.options.parse({}));
    expect(stage.name).toBe('extract/main-text');
    const again = await createExtractStage().run({ ...first, text: 'stale' }, { logger: { info() {}, warn() {} } });
    expect(again.text).toBe(first.text);
    expect(again.text).not.toContain('Share this article');
  });

  it('stage: an article without html passes through unchanged', async () => {
    const a = extractDocument(text(`${P1}\n\n${P2}`));
    const out = await createExtractStage().run(a, { logger: { info() {}, warn() {} } });
    expect(out).toBe(a);
  });
});

describe('extract: declared versus detected language', () => {
  const english =
    '<p>The regional council said on Monday that the new bridge over the river would open to traffic in the spring, after two years of work and a budget that grew by a third.</p>' +
    '<p>Engineers told the council that the last section of the deck was lifted into place last week and that the remaining work is on the approach roads and the lighting.</p>';
  const page = (lang: string) => `<html lang="${lang}"><head><title>Bridge to open in spring</title></head><body><article>${english}</article></body></html>`;
  const raw = (html: string, meta?: { lang?: string }) => ({ input: 'p.html', format: 'html' as const, body: html, fetchedAt: '2031-01-01T00:00:00Z', meta });

  it('keeps a declared language the text agrees with', () => {
    const article = extractDocument(raw(page('en-GB')));
    expect(article.meta.lang).toBe('en');
    expect(article.messages.some((m) => m.ruleId === 'extract:lang-mismatch')).toBe(false);
  });

  it('replaces a template lang attribute that the text clearly contradicts, and says so', () => {
    const article = extractDocument(raw(page('de')));
    expect(article.meta.lang).toBe('en');
    expect(article.messages.find((m) => m.ruleId === 'extract:lang-mismatch')?.reason).toMatch(/declares "de".*reads as "en"/);
  });

  it('trusts a language the user gave with the input', () => {
    expect(extractDocument(raw(page('de'), { lang: 'de' })).meta.lang).toBe('de');
  });
});

describe('extract: page structures around the article', () => {
  // The page declares one article, so the cascade's pick stands (the block model reads other pages).
  const page = (body: string) => ({ input: 'p.html', format: 'html' as const, body: `<html><head><title>Tariff</title><meta property="og:type" content="article"></head><body>${body}</body></html>`, fetchedAt: '2031-01-01T00:00:00Z' });

  it('leaves out a pop-up card of links inside a sentence, keeps a sentence that names several links', () => {
    const card = '<span class="person"><a href="/people/jane">Jane Doe</a><span class="card"><a href="/a">Senate passes the budget after a long night of votes</a> <a href="/b">Council weighs a new tariff for water users</a> <a href="/people/jane">MORE</a></span></span>';
    const named = 'The ministers of <em><a href="/fr">France</a>, <a href="/de">Germany</a> and <a href="/it">Italy</a> met on Friday</em> to discuss it.';
    const a = extractDocument(page(`<article><p>The bill was backed by Rep. ${card} (D-Minn.), the office said on Monday.</p><p>${P1}</p><p>${P2}</p><p>${named}</p><p>${P3}</p></article>`));
    expect(a.text).toContain('backed by Rep. Jane Doe (D-Minn.), the office said');
    expect(a.text).not.toContain('Senate passes the budget');
    expect(a.text).toContain('The ministers of France, Germany and Italy met on Friday to discuss it.');
  });

  it('reads a page whose template leaves a stray <![CDATA[ in the body as a browser does, not as a comment to the end', () => {
    const a = extractDocument(page(`<![CDATA[\n<div id="top"></div><article><p>${P1}</p><p>${P2}</p><p>${P3}</p></article><p>footer</p>`));
    expect(a.text).toContain(P1);
    expect(a.text).toContain(P3);
  });

  it('leaves a CDATA marker inside a script alone', () => {
    const a = extractDocument(page(`<script>//<![CDATA[\nvar x = 1 > 0; //]]></script><article><p>${P1}</p><p>${P2}</p><p>${P3}</p></article>`));
    expect(a.text).toBe(`${P1}\n\n${P2}\n\n${P3}`);
  });

  it('reads the post the headline heads, not the other posts Readability took with it', () => {
    const other = (n: number) => `<article class="post"><p>Other post ${n}: the harbour festival returns this summer with music on three stages, boat races, a market of local crafts and fireworks over the water on the last night.</p><p>Tickets go on sale next week at the town hall and online, with reduced prices for children, students and pensioners.</p></article>`;
    const a = extractDocument(page(`<div id="primary"><article class="post"><h1>Council approves water tariff</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></article><section class="post"><h3>You may also like</h3>${other(1)}${other(2)}${other(3)}</section></div>`));
    expect(a.text).toContain(P1);
    expect(a.text).toContain(P3);
    expect(a.text).not.toContain('harbour festival');
  });
});

describe('extract: a page of linked entries reads as a listing', () => {
  const para = (text: string, linkDensity: number) => ({ text, start: 0, end: text.length, linkDensity });
  const entries = [para('Why one-on-one sessions beat tutoring in pairs (example.org)', 0.9), para('8 points by reader 2 hours ago | 3 comments', 0.7), para(P1, 0)];
  it('linked lines holding a good share of the text make a listing, unless the page declares one article', () => {
    expect(isListing(entries, false)).toBe(true);
    expect(isListing(entries, true)).toBe(false);
  });
  it('prose with a linked line is not a listing', () => {
    expect(isListing([para(P1, 0), para(P2, 0), para(P3, 0), para('Related: tariffs', 1)], false)).toBe(false);
  });
});
