/**
 * The claims stages of two builds side by side in one process, rounds alternating, with wink-nlp's full pass over the
 * same texts as the reference and every article's layers compared: `tsx scripts/compare-claims-builds.ts BEFORE/dist
 * AFTER/dist [ROUNDS] [ARTICLES_PER_ROUND] [bench|fnc]` (bench: the seeds and examples, each copy made distinct; fnc:
 * FNC-1 train bodies). Build both first (`npx tsc -p tsconfig.build.json` and the tagger models copied, as `npm run build`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { parseCsv } from './csv.js';

const [beforeDir, afterDir, roundsArg, perArg, source = 'bench'] = process.argv.slice(2);
if (!beforeDir || !afterDir) {
  console.error('usage: tsx scripts/compare-claims-builds.ts BEFORE/dist AFTER/dist [ROUNDS] [ARTICLES_PER_ROUND] [bench|fnc]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 10);
const per = Number(perArg ?? 60);

/** A function running one build's claims stages over texts: wall and CPU time, and each article's layers as JSON. */
async function load(dir: string) {
  const from = (p: string) => import(join(resolve(dir), p));
  const { makeArticle } = await from('core/article.js');
  const { createPipeline } = await from('core/pipeline.js');
  const { Registry } = await from('core/registry.js');
  const { claimsFactories } = await from('claims/index.js');
  const pipeline = createPipeline(new Registry(claimsFactories).build(claimsFactories.map((f: { name: string }) => f.name)));
  return async (texts: string[], tag: string) => {
    const articles = texts.map((text, i) => makeArticle({ id: `${tag}-${i}`, text, meta: { publishedAt: '2024-10-22' } }));
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const corpus = await pipeline.run(articles, { workers: 1 });
    const cpu = process.cpuUsage(cpu0);
    return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, layers: corpus.articles.map((a: { layers: unknown }) => JSON.stringify(a.layers)) };
  };
}

const root = resolve(import.meta.dirname, '..');
function baseTexts(): string[] {
  if (source === 'fnc') return parseCsv(readFileSync(join(root, '../shared/data/fnc-1/train_bodies.csv'), 'utf8')).slice(1).filter((r) => r.length >= 2).map((r) => r[1]);
  const texts = readdirSync(join(root, '../shared/seeds')).map((f) => readFileSync(join(root, '../shared/seeds', f), 'utf8'));
  for (const f of readdirSync(join(root, 'examples/corpus'))) if (f.endsWith('.txt')) texts.push(readFileSync(join(root, 'examples/corpus', f), 'utf8'));
  return texts;
}
const base = baseTexts();
// Bench copies end in a line of their own, so that no cache keyed by the text serves one copy from another.
const textsFor = (round: number) => Array.from({ length: per }, (_, i) => (source === 'fnc' ? base[(round * per + i) % base.length] : `${base[(round * per + i) % base.length]}\n\nCopy ${round * per + i} ends here.`));

const builds = [await load(beforeDir), await load(afterDir)];
// Warm-up on other copies: models load and code compiles outside the measured rounds.
for (const run of builds) await run(textsFor(rounds).map((t) => `${t}\nWarm-up.`), 'warm');
const total = builds.map(() => ({ ms: 0, cpuMs: 0 }));
const nlp = winkNLP(model);
let winkMs = 0;
let differ = 0;
for (let round = 0; round < rounds; round++) {
  const texts = textsFor(round);
  const layers: string[][] = [[], []];
  for (const k of round % 2 ? [1, 0] : [0, 1]) {
    const res = await builds[k](texts, `r${round}`);
    total[k].ms += res.ms;
    total[k].cpuMs += res.cpuMs;
    layers[k] = res.layers;
  }
  const t0 = performance.now();
  for (const text of texts) nlp.readDoc(text).tokens().out(nlp.its.pos);
  winkMs += performance.now() - t0;
  differ += texts.filter((_, i) => layers[0][i] !== layers[1][i]).length;
}
const n = rounds * per;
const line = (name: string, t: { ms: number; cpuMs: number }) =>
  `${name}: ${(n / (t.ms / 1000)).toFixed(0)} articles/s, CPU ${(t.cpuMs / 1000).toFixed(1)} s, ${(t.ms / winkMs).toFixed(1)}× wink's full pass`;
console.log(`${n} articles (${source}), ${rounds} rounds alternating; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(line('before', total[0]));
console.log(line('after', total[1]));
console.log(`after / before throughput: wall ${(total[0].ms / total[1].ms).toFixed(2)}×, CPU ${(total[0].cpuMs / total[1].cpuMs).toFixed(2)}×; wink's full pass ${(n / (winkMs / 1000)).toFixed(0)} articles/s; articles with any layer different: ${differ} of ${n}`);
