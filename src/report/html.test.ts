import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderHtml, trajectoryChart } from './html.js';
import { EXPORT_VERSION, type ExportDocument, type ExportProposition } from './export-schema.js';

const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>\u202e';

function proposition(over: Partial<ExportProposition> = {}): ExportProposition {
  return {
    id: 'p1',
    story: 's1',
    label: `people killed ${hostile}`,
    kind: 'figure',
    thing: 'people:killed',
    scope: {},
    status: 'contested',
    reasons: ['20 is 43% above 14'],
    origins: 2,
    articles: 2,
    values: [
      { value: 14, approx: 'exact', text: '14', claims: ['c1'], speakers: [`Governor ${hostile}`], origins: 1, originChains: ['Governor → Post'], firstSeen: '2031-05-12', lastSeen: '2031-05-12' },
      { value: 20, approx: 'exact', text: '20', claims: ['c2'], speakers: ['Red Crescent'], origins: 1, originChains: ['Red Crescent → Herald'], firstSeen: '2031-05-14', lastSeen: '2031-05-14' },
    ],
    trajectory: [
      { date: '2031-05-12', value: '14', claim: 'c1', article: 'a1', speaker: 'Governor', origin: 'Governor', change: 'first' },
      { date: '2031-05-14', value: '20', claim: 'c2', article: 'a2', speaker: 'Red Crescent', origin: 'Red Crescent', change: 'rival' },
    ],
    claims: ['c1', 'c2'],
    ...over,
  };
}

function doc(): ExportDocument {
  const article = (id: string, title: string) => ({ id, source: { url: `javascript:alert('${id}')` }, title, published: null, language: 'en', text: `${title} text`, dropped: [] });
  return {
    version: EXPORT_VERSION,
    articles: [article('a1', `Post ${hostile}`), article('a2', 'Herald')],
    stories: [{ id: 's1', label: `Floods ${hostile}`, articles: ['a1', 'a2'], origins: [['a1'], ['a2']], timeline: [{ date: '2031-05-12', kind: 'event', text: hostile, claims: ['c1'], articles: ['a1'] }] }],
    links: [{ from: 'a2', to: 'a1', kind: 'rewrite', score: 0.7, direction: 'inferred', passages: [], evidence: [] }],
    entities: [],
    claims: [
      { id: 'c1', article: 'a1', start: 0, end: 4, text: `14 ${hostile}`, kind: 'quantity' },
      { id: 'c2', article: 'a2', start: 0, end: 4, text: '20 dead', kind: 'quantity' },
    ],
    propositions: [proposition()],
  };
}

describe('renderHtml', () => {
  const html = renderHtml(doc());
  const { document } = parseHTML(html);

  it('is one self-contained page: no script, no external resource, a policy that forbids loading any', () => {
    expect(document.querySelectorAll('script').length).toBe(0);
    for (const el of document.querySelectorAll('[src], link[href]')) expect(el.getAttribute('src') ?? el.getAttribute('href')).toMatch(/^(?:data:|#)/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect(html).not.toContain('javascript:');
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
  });

  it('renders text from the input as text, never as markup', () => {
    expect(document.querySelectorAll('img').length).toBe(0);
    expect(html).not.toContain('\u202e');
    expect(document.querySelector('h2')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('shows the ledger, the provenance graph and the timeline of the story', () => {
    expect(document.querySelector('article.proposition.contested h5')?.textContent).toContain('people killed');
    expect([...document.querySelectorAll('td.value')].map((td) => td.textContent)).toEqual(['14', '20']);
    expect(document.querySelectorAll('figure.graph circle').length).toBe(2);
    expect(document.querySelectorAll('table.timeline tbody tr').length).toBe(1);
  });

  it('draws a trajectory only when dated figures differ', () => {
    expect(trajectoryChart(proposition())).toContain('<circle');
    const flat = proposition({ trajectory: proposition().trajectory.map((t) => ({ ...t, value: '14' })) });
    expect(trajectoryChart(flat)).toBeUndefined();
  });
});
