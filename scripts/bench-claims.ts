/**
 * Claim-extraction throughput: sentences/s and articles/s of the claims stages over the seeds and the
 * example corpus repeated, beside references measured in the same run: the same pipeline with the
 * previous entities path (the rule tagger alone), wink-nlp's own full pass, and a plain regex tokenizer;
 * then the same pipeline in this thread against the per-article stages in worker threads (src/core/article-workers.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeArticle, type Article } from '../src/core/article.js';
import { createPipeline } from '../src/core/pipeline.js';
import { articleWorkerCount } from '../src/core/article-workers-config.js';
import { closeArticleWorkers } from '../src/core/article-workers.js';
import { Registry } from '../src/core/registry.js';
import { claimsFactories } from '../src/claims/index.js';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { tagEntities, type TagEntitiesOptions } from '../src/claims/entities.js';
import { clearTokenCache } from '../src/nlp/wink.js';
import { segmentSentences } from '../src/segment/sentences.js';

/** How many copies of the base texts one run processes. */
const REPEAT = 40;
/** Rounds of the in-thread against worker-threads comparison (each a tenth of the articles or more: threads need batches). */
const POOL_ROUNDS = 4;

function baseTexts(): string[] {
  const root = resolve(import.meta.dirname, '..');
  const seeds = join(root, '../shared/seeds');
  const examples = join(root, 'examples/corpus');
  const texts = readdirSync(seeds).map((f) => readFileSync(join(seeds, f), 'utf8'));
  for (const f of readdirSync(examples)) if (f.endsWith('.txt')) texts.push(readFileSync(join(examples, f), 'utf8'));
  return texts;
}

/**
 * The base texts `copies` times, each copy told apart by a closing line, so that no cache keyed by an article's text
 * (the token cache, in this thread or a worker's) serves one copy from another.
 */
function copiesOf(base: string[], copies: number): string[] {
  const tag = (k: number) => [...k.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');
  return Array.from({ length: copies }, (_, k) => base.map((text) => `${text}\n\nCopy ${tag(k + 26)} ends here.`)).flat();
}

interface ClaimsRun {
  ms: number;
  /** CPU time of the whole process (worker threads included). */
  cpuMs: number;
  sentences: number;
  claims: number;
}

/** One way of running the claims stages: the entity tagger, and worker threads (1: all in this thread). */
interface Variant {
  tagger: 'trained' | 'rules';
  workers: number;
}

/**
 * Runs the claims stages over the articles with each variant, one slice of the articles per round, the
 * variants alternating round by round (a busy moment on the shared machine falls on all); the token
 * cache is cleared before each run so that no run is warm on the one before.
 */
async function runClaims(articles: Article[], variants: Variant[], rounds: number): Promise<ClaimsRun[]> {
  const registry = new Registry(claimsFactories);
  const pipelines = variants.map(({ tagger }) =>
    createPipeline(registry.build(claimsFactories.map((f) => (f.name === 'claims/entities' ? { name: f.name, options: { tagger } } : f.name)))),
  );
  const perRound = Math.ceil(articles.length / rounds);
  const out: ClaimsRun[] = variants.map(() => ({ ms: 0, cpuMs: 0, sentences: 0, claims: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < variants.length; k++) {
      const p = (k + round) % variants.length;
      clearTokenCache();
      const batch = articles.slice(round * perRound, (round + 1) * perRound).map((a) => makeArticle({ id: a.id, text: a.text, meta: a.meta }));
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const corpus = await pipelines[p].run(batch, { workers: variants[p].workers, workerThreshold: 1 });
      out[p].ms += performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      out[p].cpuMs += (cpu.user + cpu.system) / 1000;
      out[p].sentences += corpus.articles.reduce((n, a) => n + (a.layers.sentence?.length ?? 0), 0);
      out[p].claims += corpus.articles.reduce((n, a) => n + ((a.layers as { claim?: unknown[] }).claim?.length ?? 0), 0);
    }
  }
  return out;
}

/** wink-nlp's own full pass (its default pipeline: tokens, sentences, POS, its NER) over the texts: the reference of issue 8. */
function winkBarePass(texts: string[]): number {
  const nlp = winkNLP(model);
  const t0 = performance.now();
  for (const text of texts) nlp.readDoc(text).tokens().out(nlp.its.pos);
  return performance.now() - t0;
}

/** Entity tagging alone over the texts (sentences given) with each option set, alternating text by text, token cache cleared before each call. */
function runEntities(texts: string[], paths: TagEntitiesOptions[]): number[] {
  const sentences = texts.map((t) => segmentSentences(t));
  const ms = paths.map(() => 0);
  texts.forEach((text, i) => {
    paths.forEach((_, k) => {
      const p = (k + i) % paths.length;
      clearTokenCache();
      const t0 = performance.now();
      tagEntities(text, sentences[i], paths[p]);
      ms[p] += performance.now() - t0;
    });
  });
  return ms;
}

export async function benchClaims(): Promise<string[]> {
  const texts = copiesOf(baseTexts(), REPEAT);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

  let t0 = performance.now();
  let tokens = 0;
  for (const text of texts) tokens += text.match(/\p{L}[\p{L}\p{N}'-]*|\p{N}+/gu)?.length ?? 0;
  const tokenizerMs = performance.now() - t0;

  const articles: Article[] = texts.map((text, i) => makeArticle({ id: `bench-${i}`, text, meta: { publishedAt: '2024-10-22' } }));
  // Warm-up: models, gazetteer and tagger weights load once per process, outside the timed runs.
  const inThread: Variant = { tagger: 'trained', workers: 1 };
  await runClaims(articles.slice(0, articles.length / REPEAT), [inThread, { tagger: 'rules', workers: 1 }], 1);
  const winkMs = winkBarePass(texts);
  const [now, before] = await runClaims(articles, [inThread, { tagger: 'rules', workers: 1 }], REPEAT);
  // Worker threads: the first run starts them (timed apart), a pass warms them, then rounds alternate with this thread.
  const threads = Math.max(2, articleWorkerCount());
  const pooled: Variant = { tagger: 'trained', workers: threads };
  const coldArticles = articles.slice(0, articles.length / REPEAT);
  let t0Cold = performance.now();
  await runClaims(coldArticles, [inThread], 1);
  const coldHereMs = performance.now() - t0Cold;
  t0Cold = performance.now();
  await runClaims(coldArticles, [pooled], 1);
  const coldPoolMs = performance.now() - t0Cold;
  // The threads' compilers warm up on as many articles as this thread's did before it is measured.
  await runClaims(articles, [pooled], POOL_ROUNDS);
  const [here, pool] = await runClaims(articles, [inThread, pooled], POOL_ROUNDS);
  closeArticleWorkers();
  const [trainedEntitiesMs, rulesEntitiesMs] = runEntities(texts, [{}, { model: false }]);
  const heapMiB = process.memoryUsage().heapUsed / 2 ** 20;

  const perS = (n: number, ms: number) => (n / (ms / 1000)).toFixed(0);
  return [
    `claims: ${texts.length} articles, ${(bytes / 1e6).toFixed(2)} MB, ${now.sentences} sentences, ${now.claims} claims`,
    `claims: pipeline ${perS(texts.length, now.ms)} articles/s, ${perS(now.sentences, now.ms)} sentences/s, ${(bytes / 1e6 / (now.ms / 1000)).toFixed(2)} MB/s (trained entity tagger)`,
    `claims: pipeline with the rule tagger alone (the previous entities path) ${perS(texts.length, before.ms)} articles/s: now / before throughput ${(before.ms / now.ms).toFixed(2)}×`,
    `claims: wink-nlp full pass (default pipeline) ${perS(texts.length, winkMs)} articles/s; pipeline / wink time ratio ${(now.ms / winkMs).toFixed(1)}× (before ${(before.ms / winkMs).toFixed(1)}×)`,
    `claims: entities alone ${perS(texts.length, trainedEntitiesMs)} articles/s trained, ${perS(texts.length, rulesEntitiesMs)} rules alone (ratio ${(trainedEntitiesMs / rulesEntitiesMs).toFixed(2)}× the time)`,
    `claims: reference regex tokenizer ${perS(tokens, tokenizerMs)} tokens/s, ${perS(texts.length, tokenizerMs)} articles/s; pipeline / tokenizer time ratio ${(now.ms / tokenizerMs).toFixed(0)}×`,
    `claims: in this thread ${perS(texts.length, here.ms)} articles/s; per-article stages in ${threads} worker threads ${perS(texts.length, pool.ms)} articles/s: ${(here.ms / pool.ms).toFixed(2)}× (rounds of ${texts.length / POOL_ROUNDS} articles alternating; ${availableParallelism()} cores; claims counted ${here.claims} / ${pool.claims})`,
    `claims: CPU time (all threads) in worker threads ${(pool.cpuMs / here.cpuMs).toFixed(2)}× this thread's; wall / CPU time ${(here.ms / here.cpuMs).toFixed(2)} in this thread, ${(pool.ms / pool.cpuMs).toFixed(2)} with threads (below 1 only when the threads found idle cores)`,
    `claims: pipeline / wink time ratio in this thread ${(here.ms / winkMs).toFixed(1)}×, with worker threads ${(pool.ms / winkMs).toFixed(1)}×; the issue's filing: about 10× (60 against 600 articles/s)`,
    `claims: cold start on ${coldArticles.length} articles: ${(coldPoolMs / 1000).toFixed(2)} s with the threads starting, ${(coldHereMs / 1000).toFixed(2)} s in this thread (models already loaded here)`,
    `claims: heap in use after the run ${heapMiB.toFixed(0)} MiB`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchClaims()) console.log(line);
}
