import { describe, expect, it } from 'vitest';
import { extractDocument } from './extract.js';
import { cleanTitle, dateFromUrl } from './metadata.js';
import type { RawDocument } from '../core/raw-document.js';

const PROSE = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the report says the committee met again and that the vote was postponed until the budget office has finished its review of the costs.</p>`).join('');

// The declared-language rows need prose in that language: a declared tag the text contradicts is replaced.
const PROSE_DE = Array.from({ length: 6 }, (_, i) => `<p>Absatz ${i + 1}: Der Ausschuss hat sich wieder getroffen und die Abstimmung wurde verschoben, bis das Amt die Prüfung der Kosten für den Haushalt abgeschlossen hat.</p>`).join('');
const PROSE_FR = Array.from({ length: 6 }, (_, i) => `<p>Paragraphe ${i + 1} : le comité s'est réuni de nouveau et le vote a été reporté jusqu'à ce que le bureau du budget ait terminé son examen des coûts.</p>`).join('');

function page(head: string, body = PROSE, htmlAttrs = ''): RawDocument {
  return { input: 'p.html', url: 'https://news.example/2031/05/06/some-story', format: 'html', body: `<!doctype html><html ${htmlAttrs}><head>${head}</head><body><article>${body}</article></body></html>`, fetchedAt: '2031-05-07T00:00:00Z' };
}

describe('extract: metadata sources', () => {
  it.each<[string, RawDocument, Partial<Record<string, string>>]>([
    ['og:title wins over <title>', page('<meta property="og:title" content="Vote postponed"><title>Other | Site</title>'), { title: 'Vote postponed' }],
    ['JSON-LD headline', page('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget vote delayed"}</script>'), { title: 'Budget vote delayed' }],
    ['<title> minus " | Site"', page('<title>Budget vote delayed | The Daily Example</title>'), { title: 'Budget vote delayed' }],
    ['h1 when nothing else', page('', `<h1>Council stalls</h1>${PROSE}`), { title: 'Council stalls' }],
    ['article:published_time', page('<meta property="article:published_time" content="2031-05-06T08:00:00Z">'), { publishedAt: '2031-05-06T08:00:00Z' }],
    ['JSON-LD datePublished', page('<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","datePublished":"2031-05-04"}</script>'), { publishedAt: '2031-05-04' }],
    ['<time datetime>', page('', `<time datetime="2031-05-03T10:00:00+02:00">3 May</time>${PROSE}`), { publishedAt: '2031-05-03T10:00:00+02:00' }],
    ['meta name=date', page('<meta name="date" content="2031-05-02">'), { publishedAt: '2031-05-02' }],
    ['a date in the URL path', page(''), { publishedAt: '2031-05-06' }],
    ['og:site_name', page('<meta property="og:site_name" content="The Daily Example">'), { site: 'The Daily Example' }],
    ['JSON-LD publisher', page('<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","publisher":{"@type":"Organization","name":"Example Media"}}</script>'), { site: 'Example Media' }],
    ['hostname', page(''), { site: 'news.example' }],
    ['link rel=canonical', page('<link rel="canonical" href="/canonical/story">'), { canonicalUrl: 'https://news.example/canonical/story' }],
    ['og:url', page('<meta property="og:url" content="https://news.example/og">'), { canonicalUrl: 'https://news.example/og' }],
    ['<html lang>', page('', PROSE_DE, 'lang="de-AT"'), { lang: 'de' }],
    ['meta content-language', page('<meta http-equiv="content-language" content="fr">', PROSE_FR), { lang: 'fr' }],
    ['language detected from text', page(''), { lang: 'en' }],
    ['meta author', page('<meta name="author" content="Ada Quill">'), { byline: 'Ada Quill' }],
  ])('meta: %s', (_name, raw, expected) => {
    const article = extractDocument(raw);
    for (const [key, value] of Object.entries(expected)) expect(article.meta[key as keyof typeof article.meta]).toBe(value);
  });

  it('meta: explicit raw.meta wins for the fields it has', () => {
    const raw = { ...page('<meta property="og:title" content="From page"><meta property="og:site_name" content="Page Site">'), meta: { title: 'From feed' } };
    const article = extractDocument(raw);
    expect(article.meta.title).toBe('From feed');
    expect(article.meta.site).toBe('Page Site');
  });

  it('meta: the id comes from the canonical URL when known', () => {
    const a = extractDocument(page('<link rel="canonical" href="https://news.example/c">'));
    const b = extractDocument({ ...page('<link rel="canonical" href="https://news.example/c">'), url: 'https://mirror.example/x' });
    expect(a.id).toBe(b.id);
    expect(a.source.url).toBe('https://news.example/c');
  });

  it.each([
    ['Budget vote delayed | The Daily Example', 'The Daily Example', 'Budget vote delayed'],
    ['The Daily Example - Budget vote delayed again', 'The Daily Example', 'Budget vote delayed again'],
    ['Budget vote delayed - BBC News', undefined, 'Budget vote delayed'],
    ['Trump - Biden debate: what we learned tonight', undefined, 'Trump - Biden debate: what we learned tonight'],
  ])('meta: cleanTitle(%j) -> %j', (title, site, expected) => expect(cleanTitle(title, site)).toBe(expected));

  it.each([
    ['https://x.example/2024/10/21/story', '2024-10-21'],
    ['https://x.example/news/2024-1-5-story', '2024-01-05'],
    ['https://x.example/story-2024', undefined],
  ])('meta: dateFromUrl(%j) -> %j', (url, expected) => expect(dateFromUrl(url)).toBe(expected));
});
