import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractInputs } from '../app/ingest.js';
import { runCli } from '../../test/cli-helpers.js';
import { DEFAULT_CONFIG, defaultRegistry } from '../stages.js';
import { hashId, type Article } from './article.js';
import { closeArticleWorkers, useThreadEntry } from './article-workers.js';
import { createPipeline, type AnyStage, type RunOptions, type StageEvent } from './pipeline.js';
import type { StageConfig } from './registry.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const INPUTS = [path.resolve(HERE, '../../../shared/seeds'), path.resolve(HERE, '../../examples/corpus')];
/** Threads start through tsx here (a few seconds each on a loaded machine). */
const SLOW = 180_000;

/** The default stages up to the first corpus stage: the chain the threads take. */
function articleStages(config: readonly StageConfig[] = DEFAULT_CONFIG): AnyStage[] {
  const stages = defaultRegistry().build(config);
  return stages.slice(0, stages.findIndex((s) => s.kind === 'corpus'));
}

let inputs: Article[];

beforeAll(async () => {
  inputs = [];
  for await (const item of extractInputs(INPUTS)) if (item.type === 'article') inputs.push(item.article);
});

afterAll(() => {
  useThreadEntry(undefined);
  closeArticleWorkers();
});

interface Outcome {
  articles: Article[];
  ran: Record<string, number>;
  /** Stage labels of the per-article progress events. */
  labels: Set<string>;
}

async function run(articles: Article[], options: RunOptions, stages = articleStages()): Promise<Outcome> {
  const ran: Record<string, number> = {};
  const labels = new Set<string>();
  const corpus = await createPipeline(stages).run(articles, {
    ...options,
    onProgress: (e: StageEvent) => (ran[e.stage] = e.ran),
    onArticle: (e) => {
      labels.add(e.stage);
      options.onArticle?.(e);
    },
  });
  return { articles: corpus.articles, ran, labels };
}

/** Each article's id and a digest of all of it, keys in order (a failure names articles, not their text). */
const fingerprint = (articles: Article[]) => articles.map((a) => `${a.id} ${hashId(JSON.stringify(a))}`);

const POOLED: RunOptions = { workers: 2, workerThreshold: 2 };
const CHAIN_LABEL = 'segment/sentences…claims/claims';

describe('per-article stages in worker threads', () => {
  it(
    'gives the same layers, data, messages and stamps as the in-thread loop, in the same order',
    async () => {
      const local = await run(structuredClone(inputs), { workers: 1 });
      const pooled = await run(structuredClone(inputs), POOLED);
      expect(local.labels.has(CHAIN_LABEL)).toBe(false);
      expect(pooled.labels).toEqual(new Set([CHAIN_LABEL]));
      expect(pooled.articles.map((a) => a.id)).toEqual(inputs.map((a) => a.id));
      expect(fingerprint(pooled.articles)).toEqual(fingerprint(local.articles));
      expect(pooled.ran).toEqual(local.ran);
      expect(local.ran['claims/entities']).toBe(inputs.length);

      // A later run where one stage's version changed: only it re-runs, in the threads as here.
      const config = DEFAULT_CONFIG.map((c) => (c === 'claims/claims' ? { name: c, options: { includeHeadlines: true } } : c));
      const again = (outcome: Outcome, options: RunOptions) => run(structuredClone(outcome.articles), options, articleStages(config));
      const [localAgain, pooledAgain] = [await again(local, { workers: 1 }), await again(pooled, POOLED)];
      expect(pooledAgain.labels).toEqual(new Set([CHAIN_LABEL]));
      expect(fingerprint(pooledAgain.articles)).toEqual(fingerprint(localAgain.articles));
      expect(pooledAgain.ran).toEqual(localAgain.ran);
      expect(pooledAgain.ran['claims/entities']).toBe(0);
      expect(pooledAgain.ran['claims/claims']).toBe(inputs.length);
    },
    SLOW,
  );

  it(
    'turns a stage failing in a thread into a message on that article, and goes on with the others',
    async () => {
      const sentencesVersion = articleStages()[0].version!;
      const broken = (articles: Article[]) => {
        // Stored sentences that are not a list: the entity stage fails on this article only.
        articles[3].analysed = { 'segment/sentences': sentencesVersion };
        (articles[3].layers as Record<string, unknown>).sentence = { bad: true };
        return articles;
      };
      const local = await run(broken(structuredClone(inputs)), { workers: 1 });
      const pooled = await run(broken(structuredClone(inputs)), POOLED);
      expect(pooled.labels).toEqual(new Set([CHAIN_LABEL]));
      const failed = pooled.articles[3].messages.filter((m) => m.severity === 'fatal');
      expect(failed.map((m) => [m.ruleId, m.source])).toEqual([['pipeline:stage-failed', 'claims/entities']]);
      expect(pooled.articles.filter((a) => a.layers.entity).length).toBe(inputs.length - 1);
      // Stack traces name the thread's frames; everything else is as in this thread.
      const withoutCause = (articles: Article[]) => articles.map((a) => ({ ...a, messages: a.messages.map((m) => ({ ...m, cause: undefined })) }));
      expect(fingerprint(withoutCause(pooled.articles))).toEqual(fingerprint(withoutCause(local.articles)));
    },
    SLOW,
  );

  it(
    'reports a thread that dies on an article as a message on that article, and keeps the rest of its batch',
    async () => {
      closeArticleWorkers();
      // This entry ends its thread on an article holding the marker (see the fixture).
      useThreadEntry(new URL('../../test/article-workers-fixture-thread.ts', import.meta.url));
      try {
        const marked = (articles: Article[]) => {
          articles[1].text += ' THREAD-EXIT-MARKER';
          return articles;
        };
        const local = await run(marked(structuredClone(inputs)).filter((_, i) => i !== 1), { workers: 1 });
        const pooled = await run(marked(structuredClone(inputs)), POOLED);
        const victim = pooled.articles[1];
        expect(victim.messages.map((m) => [m.ruleId, m.source, m.severity])).toEqual([['pipeline:worker-failed', 'segment/sentences', 'fatal']]);
        expect(victim.messages[0].cause).toMatch(/code 7/);
        expect(victim.analysed).toBeUndefined();
        // The stages from the one that died on are cleared, as before a re-run; none is stamped, so the next run retries.
        expect(Object.keys(victim.layers)).toEqual([]);
        expect(fingerprint(pooled.articles.filter((_, i) => i !== 1))).toEqual(fingerprint(local.articles));
      } finally {
        closeArticleWorkers();
        useThreadEntry(undefined);
      }
    },
    SLOW,
  );

  it(
    'stops when the run is aborted, and a later run starts afresh',
    async () => {
      const controller = new AbortController();
      const aborted = run(structuredClone(inputs), {
        ...POOLED,
        signal: controller.signal,
        onArticle: (e) => e.done > 2 && controller.abort(),
      });
      await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
      const local = await run(structuredClone(inputs), { workers: 1 });
      const pooled = await run(structuredClone(inputs), POOLED);
      expect(pooled.labels).toEqual(new Set([CHAIN_LABEL]));
      expect(fingerprint(pooled.articles)).toEqual(fingerprint(local.articles));
    },
    SLOW,
  );

  it(
    'starts its threads from the built package too (dist/, as `triangulate` runs)',
    async () => {
      const dist = path.resolve(HERE, '../../dist');
      expect(existsSync(path.join(dist, 'core/article-workers-thread.js')), 'dist/ is missing or stale: run `npm run build`').toBe(true);
      const load = (file: string) => import(pathToFileURL(path.join(dist, file)).href);
      const [{ createPipeline: builtPipeline }, { defaultRegistry: builtRegistry, DEFAULT_CONFIG: builtConfig }, workers] = await Promise.all([
        load('core/pipeline.js'),
        load('stages.js'),
        load('core/article-workers.js'),
      ]);
      try {
        const stages = (builtRegistry() as ReturnType<typeof defaultRegistry>).build(builtConfig);
        const chain = (builtPipeline as typeof createPipeline)(stages.slice(0, stages.findIndex((s) => s.kind === 'corpus')));
        const labels = new Set<string>();
        const local = await chain.run(structuredClone(inputs), { workers: 1 });
        const pooled = await chain.run(structuredClone(inputs), { ...POOLED, onArticle: (e) => labels.add(e.stage) });
        expect(labels).toEqual(new Set([CHAIN_LABEL]));
        expect(fingerprint(pooled.articles)).toEqual(fingerprint(local.articles));
      } finally {
        workers.closeArticleWorkers();
      }
    },
    SLOW,
  );
});

describe('analyze --workers', () => {
  it('refuses a worker count that is not a whole number from 1 to 64, from the option or TRIANGULATE_WORKERS, naming it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-workers-'));
    const saved = process.env.TRIANGULATE_WORKERS;
    try {
      const db = path.join(dir, 'x.db');
      for (const value of ['0', '65', 'two']) {
        const result = await runCli('analyze', '--db', db, '--workers', value);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`option '--workers <n>' argument '${value}' is invalid`);
      }
      process.env.TRIANGULATE_WORKERS = 'lots';
      const result = await runCli('analyze', '--db', db);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/TRIANGULATE_WORKERS/);
      expect(existsSync(db)).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.TRIANGULATE_WORKERS;
      else process.env.TRIANGULATE_WORKERS = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
