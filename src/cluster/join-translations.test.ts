import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article } from '../core/article.js';
import type { CorpusStage } from '../core/pipeline.js';
import { extractDocument } from '../extract/extract.js';
import { runReuseLinks } from '../reuse/links-stage.js';
import type { ReuseLink } from '../reuse/types.js';
import { joinLinkedStories, joinTranslationsStage } from './join-translations.js';
import { clusterStories, type Story } from './stories.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const GERMAN = 'tallis-courier-dam-breach.de.txt';

function read(file: string): Article {
  const body = readFileSync(file, 'utf8');
  const name = path.basename(file);
  return { ...extractDocument({ input: name, path: name, format: file.endsWith('.html') ? 'html' : 'text', body, fetchedAt: '2031-03-21T00:00:00Z' }), id: name };
}

describe('cluster/join-translations', () => {
  it('joins a German translation of a report to its story, adding no independent origin', () => {
    const corpusDir = path.join(root, 'examples/corpus');
    const articles = [
      ...readdirSync(corpusDir).sort().map((f) => read(path.join(corpusDir, f))),
      read(path.join(root, 'test/fixtures/corpora/dam-breach-translation', GERMAN)),
    ];
    const stories = clusterStories(articles);
    // Clustering alone keeps the German page apart: languages never share a story there.
    expect(stories.find((s) => s.articleIds.includes(GERMAN))?.articleIds).toEqual([GERMAN]);
    const linked = runReuseLinks({ articles, data: { stories } });
    expect(linked.data.links?.some((l) => l.kind === 'translation' && [l.from, l.to].includes(GERMAN) && [l.from, l.to].includes('tallis-courier-dam-breach.html'))).toBe(true);
    const stage = joinTranslationsStage.create(joinTranslationsStage.options.parse({})) as CorpusStage;
    const out = stage.run(linked, { logger: { info() {}, warn() {} } }) as ReturnType<typeof runReuseLinks>;
    const dam = out.data.stories!.find((s) => s.articleIds.includes('tallis-courier-dam-breach.html'))!;
    expect(dam.articleIds).toContain(GERMAN);
    expect(dam.articleIds).toHaveLength(8);
    expect(out.data.stories!.map((s) => s.articleIds.length).sort()).toEqual([1, 8]);
    // The translation sits in the Tallis Courier's origin group: still four independent origins.
    expect(dam.origins.find((g) => g.includes(GERMAN))).toContain('tallis-courier-dam-breach.html');
    expect(dam.origins).toHaveLength(4);
    expect(out.data.origins).toEqual(out.data.stories!.flatMap((s) => s.origins));
  });

  const story = (id: string, articleIds: string[]): Story => ({ id, label: id, articleIds, origins: articleIds.map((a) => [a]), centroid: [] });
  const link = (from: string, to: string, kind: ReuseLink['kind']): ReuseLink => ({ from, to, kind, score: 1, direction: 'unknown', passages: [], evidence: [] });
  const cases: [string, ReuseLink[], string[][]][] = [
    ['a translation link merges two stories into the larger one', [link('c', 'a', 'translation')], [['a', 'b', 'c']]],
    ['a partial quotation does not merge', [link('c', 'a', 'partial')], [['a', 'b'], ['c']]],
    ['a shared source does not merge', [link('c', 'a', 'shared-source')], [['a', 'b'], ['c']]],
    ['links inside one story change nothing', [link('b', 'a', 'translation')], [['a', 'b'], ['c']]],
  ];
  it.each(cases)('%s', (_name, links, expected) => {
    const joined = joinLinkedStories([story('s1', ['a', 'b']), story('s2', ['c'])], links);
    expect(joined.map((s) => s.articleIds)).toEqual(expected);
    expect(joined[0].id).toBe('s1');
  });
});
