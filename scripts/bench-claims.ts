/**
 * Claim-extraction throughput: sentences/s and articles/s of the claims stages over the seeds and the
 * example corpus repeated, beside a plain regex tokenizer pass over the same text in the same run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeArticle, type Article } from '../src/core/article.js';
import { createPipeline } from '../src/core/pipeline.js';
import { Registry } from '../src/core/registry.js';
import { claimsFactories } from '../src/claims/index.js';
import { clearTokenCache } from '../src/nlp/wink.js';

/** How many copies of the base texts one run processes. */
const REPEAT = 40;

function baseTexts(): string[] {
  const root = resolve(import.meta.dirname, '..');
  const seeds = join(root, '../shared/seeds');
  const examples = join(root, 'examples/corpus');
  const texts = readdirSync(seeds).map((f) => readFileSync(join(seeds, f), 'utf8'));
  for (const f of readdirSync(examples)) if (f.endsWith('.txt')) texts.push(readFileSync(join(examples, f), 'utf8'));
  return texts;
}

export async function benchClaims(): Promise<string[]> {
  const texts = Array.from({ length: REPEAT }, () => baseTexts()).flat();
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

  let t0 = performance.now();
  let tokens = 0;
  for (const text of texts) tokens += text.match(/\p{L}[\p{L}\p{N}'-]*|\p{N}+/gu)?.length ?? 0;
  const tokenizerMs = performance.now() - t0;

  const articles: Article[] = texts.map((text, i) => makeArticle({ id: `bench-${i}`, text, meta: { publishedAt: '2024-10-22' } }));
  const registry = new Registry(claimsFactories);
  const pipeline = createPipeline(registry.build(claimsFactories.map((f) => f.name)));
  const perRound = articles.length / REPEAT;
  let claimsMs = 0;
  let sentences = 0;
  let claims = 0;
  for (let round = 0; round < REPEAT; round++) {
    // Each round is one copy of the texts; the token cache is cleared so no round runs warm on the previous one.
    clearTokenCache();
    t0 = performance.now();
    const corpus = await pipeline.run(articles.slice(round * perRound, (round + 1) * perRound));
    claimsMs += performance.now() - t0;
    sentences += corpus.articles.reduce((n, a) => n + (a.layers.sentence?.length ?? 0), 0);
    claims += corpus.articles.reduce((n, a) => n + ((a.layers as { claim?: unknown[] }).claim?.length ?? 0), 0);
  }
  const heapMiB = process.memoryUsage().heapUsed / 2 ** 20;

  const perS = (n: number, ms: number) => (n / (ms / 1000)).toFixed(0);
  return [
    `claims: ${texts.length} articles, ${(bytes / 1e6).toFixed(2)} MB, ${sentences} sentences, ${claims} claims`,
    `claims: pipeline ${perS(texts.length, claimsMs)} articles/s, ${perS(sentences, claimsMs)} sentences/s, ${(bytes / 1e6 / (claimsMs / 1000)).toFixed(2)} MB/s`,
    `claims: reference regex tokenizer ${perS(tokens, tokenizerMs)} tokens/s, ${perS(texts.length, tokenizerMs)} articles/s`,
    `claims: pipeline / tokenizer time ratio ${(claimsMs / tokenizerMs).toFixed(0)}×; heap in use after the run ${heapMiB.toFixed(0)} MiB`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchClaims()) console.log(line);
}
