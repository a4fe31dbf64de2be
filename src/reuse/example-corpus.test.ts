import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clusterStories } from '../cluster/stories.js';
import type { Article } from '../core/article.js';
import { extractDocument } from '../extract/extract.js';
import { runReuseLinks } from './links-stage.js';
import { DERIVED_KINDS } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const examples = path.resolve(here, '../../examples');

interface Expected {
  links: { from: string; to: string; kind: string }[];
  noLink: [string, string][];
  origins: string[][];
  stories: string[][];
  unsupportedAdditions: Record<string, string[]>;
}

function loadCorpus(): Article[] {
  const dir = path.join(examples, 'corpus');
  return readdirSync(dir)
    .sort()
    .map((file) => {
      const body = readFileSync(path.join(dir, file), 'utf8');
      const article = extractDocument({ input: file, path: file, format: file.endsWith('.html') ? 'html' : 'text', body, fetchedAt: '2031-03-21T00:00:00Z' });
      return { ...article, id: file };
    });
}

const sortGroups = (groups: string[][]) => groups.map((g) => [...g].sort()).sort((a, b) => a[0].localeCompare(b[0]));

describe('reuse/links and cluster/stories on the example corpus', () => {
  const expected = JSON.parse(readFileSync(path.join(examples, 'expected.json'), 'utf8')) as Expected;
  const articles = loadCorpus();
  const stories = clusterStories(articles);
  const corpus = runReuseLinks({ articles, data: { stories } });
  const links = corpus.data.links ?? [];
  const key = (a: string, b: string) => [a, b].sort().join(' | ');

  it('clusters the stories as expected (the unrelated story stands alone)', () => {
    expect(sortGroups(stories.map((s) => s.articleIds))).toEqual(sortGroups(expected.stories));
  });

  it.each(expected.links.map((l) => [l.from, l.to, l.kind] as const))('links %s to %s as %s', (from, to, kind) => {
    const link = links.find((l) => key(l.from, l.to) === key(from, to));
    expect(link?.kind).toBe(kind);
    // Direction matters for derivations; shared-source links are symmetric.
    if (DERIVED_KINDS.includes(link!.kind)) expect([link!.from, link!.to]).toEqual([from, to]);
  });

  it('links none of the independent pairs', () => {
    const found = new Set(links.map((l) => key(l.from, l.to)));
    expect(expected.noLink.filter(([a, b]) => found.has(key(a, b)))).toEqual([]);
  });

  it('groups independent origins as expected', () => {
    // expected.json lists the origin groups of the main story; other stories' groups are not compared.
    const covered = new Set(expected.origins.flat());
    const received = (corpus.data.origins ?? []).filter((g) => g.some((id) => covered.has(id)));
    expect(sortGroups(received)).toEqual(sortGroups(expected.origins));
  });

  it('flags the invented claims of the padded rewrite as unsupported additions', () => {
    for (const [file, snippets] of Object.entries(expected.unsupportedAdditions)) {
      const article = articles.find((a) => a.id === file)!;
      const additions = article.data.additions ?? [];
      const hits = snippets.filter((snippet) => {
        const at = article.text.indexOf(snippet);
        expect(at).toBeGreaterThanOrEqual(0);
        return additions.some((a) => a.start <= at && at < a.end);
      });
      expect(hits).toEqual(snippets);
    }
  });
});
