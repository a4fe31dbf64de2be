import { describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article.js';
import { LinkSchema } from '../report/export-schema.js';
import { exportLinks } from './export-links.js';
import { renderDerivationGraph } from './graph.js';
import { runReuseLinks } from './links-stage.js';

// Invented text: an origin, a verbatim repost with junk, and an unrelated article.
const origin = [
  'Engineers at the Halden Bridge found three cracked cables on Tuesday, the Orvik Transport Agency said.',
  'The bridge, which carries 40,000 vehicles a day, will close for repairs from Friday for about 12 days.',
  'Agency director Mara Tollefsen said the cracks were found during a routine inspection and posed no immediate danger.',
  'Buses will be diverted through the Nordvik tunnel, adding roughly 25 minutes to each journey.',
].join('\n\n');
const repost = `${origin}\n\nSubscribe to our newsletter.\n\nShare this article`;
const other = 'The Kessel Orchestra opened its winter season on Saturday with a programme of Nordic music conducted by Ansel Varga, who returns after two years abroad. Tickets for the remaining concerts are on sale at the box office.';

function corpus() {
  const articles = [
    makeArticle({ id: 'origin', text: origin, meta: { site: 'Orvik Post' } }),
    makeArticle({ id: 'repost', text: repost, meta: { site: 'Daily Relay' } }),
    makeArticle({ id: 'other', text: other, meta: { site: 'Culture Desk' } }),
  ];
  return runReuseLinks({ articles, data: {} });
}

describe('reuse: export and derivation graph', () => {
  it('exports links that satisfy the export schema, with [start, end] passages', () => {
    const links = exportLinks(corpus());
    expect(links).toHaveLength(1);
    expect(() => links.forEach((l) => LinkSchema.parse(l))).not.toThrow();
    expect(links[0]).toMatchObject({ from: 'repost', to: 'origin', direction: 'inferred' });
    expect(links[0].passages[0].to[0]).toBe(0);
  });

  it('draws origin -> derivative with kind and score, by site name', () => {
    const text = renderDerivationGraph(corpus());
    expect(text).toMatch(/Orvik Post\n\s+└─▶ Daily Relay\s+(copy|duplicate) \d\.\d\d/);
    expect(text).toContain('2 independent origin(s)');
  });

  it('has a plain ASCII fallback', () => {
    const text = renderDerivationGraph(corpus(), { ascii: true });
    expect(text).toMatch(/`-- Daily Relay/);
    expect(/[^\x00-\x7f]/.test(text)).toBe(false);
  });
});
