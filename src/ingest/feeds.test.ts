import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEntities, parseJsonFeed, parseXmlFeed, visibleTextLength } from './feeds.js';

const fixture = (name: string) => readFileSync(resolve(__dirname, '../../test/fixtures/ingest', name), 'utf8');

describe('feeds: parseXmlFeed', () => {
  it('reads RSS 2.0 items with content:encoded, creator, dates and escaped descriptions', () => {
    const feed = parseXmlFeed(fixture('rss.xml'), 'rss.xml');
    if ('ruleId' in feed) throw new Error(feed.reason);
    expect(feed).toMatchObject({ format: 'rss', title: 'Marrowby Gazette', lang: 'en-gb' });
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      title: 'Breakwater to close for repairs',
      link: 'https://gazette.example/news/breakwater',
      published: 'Tue, 08 Oct 2024 09:30:00 GMT',
      byline: 'Ada Quill',
    });
    expect(feed.items[0].contentHtml).toMatch(/^<p>The harbour authority/);
    expect(feed.items[1].summaryHtml).toBe('<p>The island ferry runs a reduced timetable &amp; more.</p>');
  });

  it('reads Atom entries: alternate link, xhtml content kept as markup, html summary unescaped', () => {
    const feed = parseXmlFeed(fixture('atom.xml'), 'atom.xml');
    if ('ruleId' in feed) throw new Error(feed.reason);
    expect(feed).toMatchObject({ format: 'atom', title: 'Harbour Notes', lang: 'en' });
    expect(feed.items[0]).toMatchObject({ link: 'https://notes.example/breakwater', published: '2024-10-08T11:00:00+02:00', byline: 'Ben Tarrow' });
    expect(feed.items[0].contentHtml).toMatch(/^<div xmlns="http:\/\/www.w3.org\/1999\/xhtml"><p>The harbour/);
    expect(feed.items[1]).toMatchObject({ link: 'https://notes.example/short', published: '2024-10-09T08:00:00Z', summaryHtml: '<p>Only a teaser.</p>' });
  });

  it('reads RSS 1.0 (RDF) items', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://r.example/"><title>R</title></channel>
      <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><dc:date>2024-10-01</dc:date><description>Short.</description></item>
    </rdf:RDF>`;
    const feed = parseXmlFeed(rdf, 'r.rdf');
    expect(feed).toMatchObject({ format: 'rdf', title: 'R', items: [{ title: 'One', link: 'https://r.example/1', published: '2024-10-01', summaryHtml: 'Short.' }] });
  });

  it('reports malformed XML with its line and column', () => {
    const out = parseXmlFeed('<rss version="2.0">\n<channel>\n<item><title>x</title>\n</channel></rss>', 'bad.xml');
    expect(out).toMatchObject({ input: 'bad.xml', ruleId: 'ingest:bad-feed' });
    expect((out as { reason: string }).reason).toMatch(/line \d+, column \d+/);
  });

  // Issue 9 row 16: the validator's own words ("Invalid '[ "rss", "channel" ]' found") said neither where nor what.
  it.each([
    ['<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<item><title>a</title></item>\n', 'at line 5: the document ends with <rss>, <channel> still open (cut off, or an end tag is missing)'],
    ['<rss>\n<channel><title>A & B</title></channel></rss>', "at line 2, column 19: a bare '&' (write &amp;)"],
    ['<rss>\n<channel>\n<item><title>a</item>\n</channel></rss>', "at line 3, column 15: Expected closing tag 'title' (opened in line 3, col 7) instead of closing tag 'item'"],
    ['', 'at line 1: no XML element found (empty or not XML)'],
  ])('says what is wrong with a malformed feed, and on which line (%#)', (xml, words) => {
    expect(parseXmlFeed(xml, 'bad.xml')).toMatchObject({ input: 'bad.xml', ruleId: 'ingest:bad-feed', reason: `malformed feed XML ${words}` });
  });

  it('refuses XML that is not a feed', () => {
    expect(parseXmlFeed('<?xml version="1.0"?><catalog><book/></catalog>', 'c.xml')).toMatchObject({ ruleId: 'ingest:not-a-feed' });
  });
});

describe('feeds: parseJsonFeed', () => {
  it('reads items with content_html, content_text as paragraphs, and authors', () => {
    const feed = parseJsonFeed(JSON.parse(fixture('feed.json')), 'feed.json');
    if ('ruleId' in feed) throw new Error(feed.reason);
    expect(feed).toMatchObject({ format: 'jsonfeed', title: 'Island Radio', lang: 'en' });
    expect(feed.items[0]).toMatchObject({ link: 'https://radio.example/1', byline: 'Cora Vell', published: '2024-10-08T09:00:00Z' });
    expect(feed.items[1].contentHtml).toMatch(/^<p>The harbour[\s\S]*<\/p>\n<p>Second paragraph of the item.<\/p>$/);
  });
  it('refuses a JSON Feed without items', () => {
    expect(parseJsonFeed({ version: 'https://jsonfeed.org/version/1' }, 'f.json')).toMatchObject({ ruleId: 'ingest:bad-feed' });
  });
});

describe('feeds: helpers', () => {
  it('decodes numeric and common named entities, leaving unknown ones', () => {
    expect(decodeEntities('A&nbsp;&amp;&#8212;&#x2019;&bogus;')).toBe('A\u00a0&\u2014\u2019&bogus;');
  });
  it('counts visible text, not markup or scripts', () => {
    expect(visibleTextLength('<p>Hello <b>world</b></p><script>var x = 1;</script>')).toBe('Hello world'.length);
  });
});
