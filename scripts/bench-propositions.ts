/**
 * Proposition-stage scaling: the seeds and the example corpus are analysed once, then replicated into
 * many stories (each replica a story of its own, with its own article ids, links and entity mentions)
 * to make corpora of 1,000 to 100,000 articles; and into single stories of growing size. The stage's
 * time per article is printed against a reference linear pass (serialising every claim layer) measured
 * on the same corpus in the same run: a flat ratio as the corpus grows means no cost grows with its square.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeArticles } from '../src/app/analyze.js';
import { extractInputs } from '../src/app/ingest.js';
import type { Article } from '../src/core/article.js';
import type { Corpus } from '../src/core/pipeline.js';
import { alignCorpus, type AlignStory } from '../src/align/stage.js';
import { clearTokenCache } from '../src/nlp/wink.js';

/** Corpus sizes, in articles, for the many-stories runs. */
const CORPUS_SIZES = [1_000, 10_000, 100_000];
const QUICK_SIZES = [1_000, 10_000];
/** Replicas of the base articles inside one story, for the growing-story runs. */
const STORY_REPLICAS = [1, 4, 16];

async function baseCorpus(): Promise<Corpus> {
  const root = resolve(import.meta.dirname, '..');
  const dirs = [join(root, '../shared/seeds'), join(root, 'examples/corpus')];
  const articles: Article[] = [];
  for await (const item of extractInputs(dirs)) if (item.type === 'article') articles.push(item.article);
  if (!readdirSync(dirs[0]).length) throw new Error('no seeds beside the checkout');
  return (await analyzeArticles(articles)).corpus;
}

/** Replica `r` of the base corpus: new article ids; texts and annotation layers shared (read-only), links and entity mentions renamed. */
function replicate(base: Corpus, r: number): { articles: Article[]; links: NonNullable<Corpus['data']['links']>; entities: NonNullable<Corpus['data']['entities']> } {
  const rename = (id: string) => `${id}~${r}`;
  return {
    articles: base.articles.map((a) => ({ ...a, id: rename(a.id) })),
    links: (base.data.links ?? []).map((l) => ({ ...l, from: rename(l.from), to: rename(l.to) })),
    entities: (base.data.entities ?? []).map((e) => ({ ...e, id: rename(e.id), mentions: e.mentions.map((m) => ({ ...m, article: rename(m.article) })) })),
  };
}

function build(base: Corpus, replicas: number, perStory: number): { corpus: Corpus; stories: AlignStory[] } {
  const corpus: Corpus = { articles: [], data: { links: [], entities: [] } };
  const stories: AlignStory[] = [];
  for (let r = 0; r < replicas; r++) {
    const rep = replicate(base, r);
    corpus.articles.push(...rep.articles);
    corpus.data.links!.push(...rep.links);
    corpus.data.entities!.push(...rep.entities);
    const s = Math.floor(r / perStory);
    if (!stories[s]) stories[s] = { id: `story-${s}`, articleIds: [] };
    (stories[s].articleIds as string[]).push(...rep.articles.map((a) => a.id));
  }
  return { corpus, stories };
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Reference: one linear pass that touches every claim of every article (serialising its claim layer). */
function reference(corpus: Corpus): number {
  let bytes = 0;
  return time(() => {
    for (const a of corpus.articles) bytes += JSON.stringify(a.layers.claim ?? []).length;
  }) + bytes * 0;
}

export async function benchPropositions(options: { quick?: boolean } = {}): Promise<string[]> {
  const base = await baseCorpus();
  const n = base.articles.length;
  const lines: string[] = [`propositions: base ${n} articles (5 seeds + example corpus), analysed once and replicated`];
  let firstRatio: number | undefined;
  for (const size of options.quick ? QUICK_SIZES : CORPUS_SIZES) {
    const replicas = Math.ceil(size / n);
    const { corpus, stories } = build(base, replicas, 1);
    clearTokenCache();
    let propositions = 0;
    const ms = time(() => {
      for (const a of alignCorpus(corpus, stories).values()) propositions += a.propositions.length;
    });
    const refMs = reference(corpus);
    const ratio = ms / refMs;
    firstRatio ??= ratio;
    const perArticleUs = (1000 * ms) / corpus.articles.length;
    lines.push(
      `propositions: ${corpus.articles.length.toLocaleString('en-US')} articles in ${stories.length.toLocaleString('en-US')} stories: ${(ms / 1000).toFixed(1)} s, ${perArticleUs.toFixed(0)} µs/article, ` +
        `${propositions.toLocaleString('en-US')} propositions; ${ratio.toFixed(1)}× the reference pass (${(ratio / firstRatio).toFixed(2)}× the smallest corpus's ratio); heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
    );
    process.stderr.write(`  propositions: ${corpus.articles.length} articles done\n`);
  }
  let firstPerArticle: number | undefined;
  for (const k of STORY_REPLICAS) {
    const { corpus, stories } = build(base, k, k);
    clearTokenCache();
    const ms = time(() => alignCorpus(corpus, stories));
    const perArticle = ms / corpus.articles.length;
    firstPerArticle ??= perArticle;
    lines.push(`propositions: one story of ${corpus.articles.length} articles: ${ms.toFixed(0)} ms, ${(perArticle / firstPerArticle).toFixed(2)}× the per-article time of a ${n}-article story`);
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchPropositions({ quick: process.argv.includes('--quick') })) console.log(line);
}
