/**
 * Runs the claims stages from `dist/` over N bench texts (seeds and examples, each copy made distinct) or FNC-1
 * bodies, after a warm-up on a tenth of them, and prints each stage's time; with OUT, writes a CPU profile of the
 * measured run: `tsx scripts/profile-claims.ts [N] [bench|fnc] [OUT.cpuprofile]`, then
 * `tsx scripts/cpuprofile-summary.ts OUT.cpuprofile`. Needs `npm run build` first.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join, resolve } from 'node:path';
import { parseCsv } from './csv.js';

const root = resolve(import.meta.dirname, '..');
const dist = (p: string) => import(join(root, 'dist', p));
const { makeArticle } = await dist('core/article.js');
const { createPipeline } = await dist('core/pipeline.js');
const { Registry } = await dist('core/registry.js');
const { claimsFactories } = await dist('claims/index.js');

const count = Number(process.argv[2] ?? 1000);
const source = process.argv[3] ?? 'bench';
const out = process.argv[4];

function texts(): string[] {
  if (source === 'fnc') {
    const rows = parseCsv(readFileSync(join(root, '../shared/data/fnc-1/train_bodies.csv'), 'utf8'));
    return rows.slice(1, count + 1).map((r) => r[1]);
  }
  const base = readdirSync(join(root, '../shared/seeds')).map((f) => readFileSync(join(root, '../shared/seeds', f), 'utf8'));
  for (const f of readdirSync(join(root, 'examples/corpus'))) if (f.endsWith('.txt')) base.push(readFileSync(join(root, 'examples/corpus', f), 'utf8'));
  return Array.from({ length: count }, (_, i) => `${base[i % base.length]}\n\nCopy ${i} ends here.`);
}

const registry = new Registry(claimsFactories);
const pipeline = createPipeline(registry.build(claimsFactories.map((f: { name: string }) => f.name)));
const all = texts();
const articlesOf = (list: string[], tag: string) => list.map((text, i) => makeArticle({ id: `${tag}-${i}`, text, meta: { publishedAt: '2024-10-22' } }));
// Models, gazetteers and compiled code warm up on other copies first (the profile is of the steady state).
await pipeline.run(articlesOf(all.slice(0, Math.ceil(count / 10)).map((t) => `${t}\nWarm-up.`), 'warm'), { workers: 1 });
const session = new Session();
if (out) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const stageMs = new Map<string, number>();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
await pipeline.run(articlesOf(all, 'p'), { workers: 1, onProgress: (e: { stage: string; ms: number }) => stageMs.set(e.stage, e.ms) });
const cpu = process.cpuUsage(cpu0);
const wall = performance.now() - t0;
if (out) writeFileSync(out, JSON.stringify((await session.post('Profiler.stop')).profile));
console.log(`${all.length} articles: ${(wall / 1000).toFixed(1)} s wall (${(all.length / (wall / 1000)).toFixed(0)} articles/s), ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`);
for (const [stage, ms] of stageMs) console.log(`${(ms / 1000).toFixed(2).padStart(7)} s ${((100 * ms) / wall).toFixed(1).padStart(5)} %  ${stage}`);
