import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makeArticle, type Article } from './article.js';
import { PipelineError } from './errors.js';
import { createPipeline, type CorpusStage, type Stage } from './pipeline.js';
import { Registry } from './registry.js';

const sentences: Stage = {
  name: 'test/sentences',
  requires: ['text'],
  produces: ['layers.sentence'],
  run(article) {
    article.layers.sentence = [{ start: 0, end: article.text.length }];
    return article;
  },
};

const counter: CorpusStage = {
  kind: 'corpus',
  name: 'test/count',
  requires: ['layers.sentence'],
  produces: ['corpus.count'],
  run(corpus) {
    (corpus.data as Record<string, unknown>).count = corpus.articles.length;
    return corpus;
  },
};

describe('pipeline', () => {
  it('lists every unmet requirement at once, with a stable code', () => {
    const needsTwo: Stage = { ...sentences, name: 'test/needs', requires: ['layers.entity', 'layers.date'] };
    try {
      createPipeline([needsTwo]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PipelineError);
      expect((error as PipelineError).code).toBe('E_UNMET_REQUIRES');
      expect((error as PipelineError).issues).toHaveLength(2);
    }
  });

  it('runs article stages then corpus stages, and skips articles with a fatal message', async () => {
    const ok = makeArticle({ text: 'One sentence.' });
    const dead = makeArticle({ text: 'Broken.' });
    dead.messages.push({ ruleId: 'extract:empty', source: 'extract', severity: 'fatal', reason: 'no text' });
    const corpus = await createPipeline([sentences, counter]).run([ok, dead]);
    expect(corpus.articles[0].layers.sentence).toEqual([{ start: 0, end: 13 }]);
    expect(corpus.articles[1].layers.sentence).toBeUndefined();
    expect((corpus.data as Record<string, unknown>).count).toBe(1);
  });

  it('turns a stage crash on one article into a fatal message on that article only', async () => {
    const crashy: Stage = {
      name: 'test/crashy',
      requires: [],
      produces: [],
      run(article) {
        if (article.text.includes('boom')) throw new Error('bad data');
        return article;
      },
    };
    const corpus = await createPipeline([crashy, sentences]).run([makeArticle({ text: 'boom' }), makeArticle({ text: 'fine' })]);
    expect(corpus.articles[0].messages[0]).toMatchObject({ ruleId: 'pipeline:stage-failed', severity: 'fatal', source: 'test/crashy' });
    expect(corpus.articles[1].layers.sentence).toHaveLength(1);
  });

  it('rejects a stage that returns something other than an Article (spaCy E005)', async () => {
    const bad: Stage = { name: 'test/bad', requires: [], produces: [], run: () => undefined as unknown as Article };
    await expect(createPipeline([bad]).run([makeArticle({ text: 'x' })])).rejects.toMatchObject({ code: 'E_NOT_ARTICLE' });
  });

  it('skips an article a stage of the same version already analysed, re-runs it (and later stages) after a version change, and replaces rather than repeats its messages', async () => {
    const calls: string[] = [];
    const noting = (name: string, version: string | undefined): Stage => ({
      name,
      version,
      requires: [],
      produces: [`layers.${name}`],
      run(article) {
        calls.push(name);
        article.messages.push({ ruleId: `${name}:note`, source: name, severity: 'info', reason: 'noted' });
        return article;
      },
    });
    const article = makeArticle({ text: 'One sentence.' });
    await createPipeline([noting('a', '1'), noting('b', '1')]).run([article]);
    await createPipeline([noting('a', '1'), noting('b', '1')]).run([article]);
    expect(calls).toEqual(['a', 'b']);
    await createPipeline([noting('a', '2'), noting('b', '1')]).run([article]);
    expect(calls).toEqual(['a', 'b', 'a', 'b']);
    expect(article.analysed).toEqual({ a: '2', b: '1' });
    expect(article.messages.map((m) => m.ruleId)).toEqual(['a:note', 'b:note']);
    // A stage without a version has nothing to compare with: it always runs.
    await createPipeline([noting('a', '2'), noting('c', undefined)]).run([article]);
    await createPipeline([noting('a', '2'), noting('c', undefined)]).run([article]);
    expect(calls.slice(4)).toEqual(['c', 'c']);
  });

  it('is frozen once built', () => {
    const pipeline = createPipeline([sentences]);
    expect(Object.isFrozen(pipeline)).toBe(true);
    expect(Object.isFrozen(pipeline.stages)).toBe(true);
  });
});

describe('registry', () => {
  const registry = new Registry([
    { name: 'test/sentences', options: z.object({ maxChars: z.number().int().positive().default(500) }), create: () => sentences },
  ]);

  it('builds stages by name with default options', () => {
    expect(registry.build(['test/sentences']).map((s) => s.name)).toEqual(['test/sentences']);
  });

  it("stamps a versioned factory's stages with the version and the options, so either change marks stored output stale", () => {
    const versioned = new Registry([
      { name: 'test/sentences', version: 3, options: z.object({ maxChars: z.number().int().positive().default(500) }), create: () => sentences },
    ]);
    const [defaults] = versioned.build(['test/sentences']);
    const [other] = versioned.build([{ name: 'test/sentences', options: { maxChars: 80 } }]);
    expect(defaults.version).toMatch(/^3:/);
    expect(other.version).toMatch(/^3:/);
    expect(other.version).not.toBe(defaults.version);
    expect(registry.build(['test/sentences'])[0].version).toBeUndefined();
  });

  it('reports unknown stages and bad options together', () => {
    try {
      registry.build(['nope/stage', { name: 'test/sentences', options: { maxChars: -1 } }]);
      expect.unreachable();
    } catch (error) {
      const codes = (error as PipelineError).issues.map((i) => i.code);
      expect(codes).toEqual(['E_UNKNOWN_STAGE', 'E_BAD_OPTIONS']);
    }
  });
});
