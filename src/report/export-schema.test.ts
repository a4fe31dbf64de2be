import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article.js';
import { emptyAnalysis } from '../store/store.js';
import { exportJsonSchema } from './export-json-schema.js';
import { ExportSchema } from './export-schema.js';
import { buildExport } from './json.js';
import { renderMarkdown } from './markdown.js';

describe('export contract', () => {
  it('docs/export.schema.json is the schema generated from the code (run `npm run schema` after a change)', () => {
    const published = JSON.parse(readFileSync(new URL('../../docs/export.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(exportJsonSchema());
  });

  it('an export built from stored articles validates and carries dropped pieces with reasons', () => {
    const article = makeArticle({
      text: 'Officials said 4,000 people left.',
      source: { path: 'a.txt', fetchedAt: '2031-03-18T00:00:00Z' },
      meta: { title: 'Evacuation', lang: 'en' },
      data: { dropped: [{ text: 'Photo credits: X', reason: 'boilerplate:photo-credit', start: 0, end: 16 }] } as never,
    });
    const doc = buildExport([article], emptyAnalysis());
    expect(ExportSchema.safeParse(doc).success).toBe(true);
    expect(doc.articles[0]).toMatchObject({
      id: article.id,
      source: { path: 'a.txt' },
      title: 'Evacuation',
      published: null,
      language: 'en',
      dropped: [{ text: 'Photo credits: X', reason: 'boilerplate:photo-credit' }],
    });
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining(['version', 'articles', 'stories', 'links', 'entities', 'claims', 'propositions']),
    );
  });

  it('the schema rejects a link whose kind is not one of the documented kinds', () => {
    const doc = buildExport([], { ...emptyAnalysis(), links: [{ from: 'a', to: 'b', kind: 'copied' as never, score: 1, direction: 'known', passages: [], evidence: [] }] });
    expect(ExportSchema.safeParse(doc).success).toBe(false);
  });

  it('the Markdown report names dropped boilerplate and its reason', () => {
    const article = makeArticle({
      text: 'Body text.',
      meta: { title: 'T' },
      data: { dropped: [{ text: 'Become a Patron!', reason: 'boilerplate:donation-appeal' }] } as never,
    });
    const md = renderMarkdown(buildExport([article], emptyAnalysis()));
    expect(md).toContain('## Dropped boilerplate');
    expect(md).toContain('`boilerplate:donation-appeal`: Become a Patron!');
  });
});
