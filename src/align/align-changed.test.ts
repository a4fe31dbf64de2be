/** Only stories whose alignment inputs changed are aligned again; the others keep what was stored, and the result is what aligning everything gives. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticles, type AnalyzeResult } from '../app/analyze.js';
import { extractInputs } from '../app/ingest.js';
import type { Article } from '../core/article.js';
import { defaultRegistry } from '../stages.js';
import { alignChanged, alignCorpus, type StoredAlignment } from './stage.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/corpus');

let result: AnalyzeResult;
let stored: Map<string, StoredAlignment>;
/** The version the registry stamps on the align stage, part of every stored digest. */
const VERSION = defaultRegistry().build(['align/propositions'])[0].version!;

beforeAll(async () => {
  const articles: Article[] = [];
  for await (const item of extractInputs([EXAMPLES])) if (item.type === 'article') articles.push(item.article);
  result = await analyzeArticles(articles);
  stored = result.corpus.data.alignments!;
});

describe('align: only changed stories', () => {
  it('keeps every stored alignment when nothing changed', () => {
    const stories = result.corpus.data.stories!;
    const { aligned, redone } = alignChanged(result.corpus, stories, stored, VERSION);
    expect(redone).toBe(0);
    expect([...aligned.values()].flatMap((a) => a.propositions)).toEqual(result.corpus.data.propositions);
  });

  it('aligns again only the story whose articles changed, as a full alignment would', () => {
    const stories = result.corpus.data.stories!;
    const big = stories.reduce((a, b) => (b.articleIds.length > a.articleIds.length ? b : a));
    const changed = stories.map((s) => (s === big ? { ...s, articleIds: s.articleIds.slice(0, -1) } : s));
    const { aligned, redone } = alignChanged(result.corpus, changed, stored, VERSION);
    expect(redone).toBe(1);
    const full = alignCorpus(result.corpus, changed);
    for (const story of changed) {
      expect(aligned.get(story.id)!.propositions, story.id).toEqual(full.get(story.id)!.propositions);
      expect(aligned.get(story.id)!.timeline, story.id).toEqual(full.get(story.id)!.timeline);
    }
    expect(aligned.get(big.id)!.propositions).not.toEqual(stored.get(big.id)!.propositions);
  });

  it('aligns every story again when the stage version changes', () => {
    const stories = result.corpus.data.stories!;
    expect(alignChanged(result.corpus, stories, stored, `${VERSION}+1`).redone).toBe(stories.length);
  });
});

