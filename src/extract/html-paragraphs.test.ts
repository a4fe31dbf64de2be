import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from './dom.js';
import { collectHtmlParagraphs } from './html-paragraphs.js';

const PARAGRAPHS = [
  'The county opened its third shelter on Monday after river levels rose overnight across the northern valley.',
  'Volunteers said supplies of bottled water and blankets would last until Thursday if no new families arrived.',
  'Officials expect the river to crest on Wednesday evening and have asked residents of low streets to leave.',
].map((t) => `<p>${t}</p>`).join('\n');

const texts = (html: string, readHidden = false) => {
  const body = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`).body!;
  return collectHtmlParagraphs(body, undefined, undefined, readHidden);
};

describe('html paragraphs: page wrappers are read, widgets are not', () => {
  it('a page laid out inside one <form> (ASP.NET) is read; a search form beside the text is not', () => {
    const found = texts(`<form action="/page.aspx"><form class="search"><label>Search the site</label><input name="q"></form>${PARAGRAPHS}</form>`);
    expect(found.map((p) => p.text).join(' ')).toContain('third shelter');
    expect(found.map((p) => p.text).join(' ')).not.toContain('Search the site');
  });

  it('a hidden element holding most of the page (shown by a script) is read as visible; a closed tab is not', () => {
    const found = texts(`<div style="display:none">${PARAGRAPHS}</div><div hidden><p>Shipping and returns</p></div>`, true);
    expect(found.find((p) => p.text.includes('third shelter'))?.hidden).toBeUndefined();
    expect(found.find((p) => p.text === 'Shipping and returns')?.hidden).toBe(true);
    expect(texts(`<div style="display:none">${PARAGRAPHS}</div><div hidden><p>Shipping and returns</p></div>`).map((p) => p.text)).not.toContain('Shipping and returns');
  });

  it('wrappers nested thousands deep (a hostile page) are each read as the page, the text inside them kept', () => {
    const depth = 3_000;
    const found = texts(`${'<div hidden>'.repeat(depth)}${PARAGRAPHS}${'</div>'.repeat(depth)}<div hidden><p>Shipping and returns</p></div>`);
    expect(found.map((p) => p.text).join(' ')).toContain('river to crest');
    expect(found.map((p) => p.text)).not.toContain('Shipping and returns');
  });
});
