/**
 * Worker scaling: articles/s end to end (enqueue to analysed) with 1, 2 and 4 worker processes on PostgreSQL, beside
 * one SQLite process on the same articles in the same run (the reference); peak memory per worker; queue latency
 * (an ingest job's enqueue to its article stored). Articles: FNC-1 training bodies (real news text), kept modest
 * because the machine has two cores shared with others.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeStore } from '../src/app/analyze.js';
import { ingestInto } from '../src/app/ingest.js';
import { enqueueInputs, waitForQueue } from '../src/queue/enqueue.js';
import { JobQueue } from '../src/queue/queue.js';
import { dropTestSchemas, pgQuery, testSchemaUrl } from '../src/store/postgres/test-schema.js';
import { openStore } from '../src/store/index.js';
import { parseCsv } from './csv.js';

const ROOT = resolve(import.meta.dirname, '..');
/** Articles per run; `--quick` halves it. */
const ARTICLES = 40;
const WORKER_COUNTS = (process.env.BW_COUNTS ?? "1,2,4").split(",").map(Number);
/** Bodies shorter than this are skipped: too little text to make an article. */
const MIN_BODY_CHARS = 800;

function corpus(n: number): string {
  const rows = parseCsv(readFileSync(join(ROOT, '../shared/data/fnc-1/train_bodies.csv'), 'utf8')).slice(1);
  const bodies = rows.filter((r) => (r[1] ?? '').length >= MIN_BODY_CHARS).slice(0, n);
  const dir = mkdtempSync(join(tmpdir(), 'triangulate-bench-workers-'));
  const file = join(dir, 'articles.jsonl');
  writeFileSync(file, bodies.map(([id, text]) => JSON.stringify({ text, url: `https://fnc.example/body/${id}`, published: '2017-01-01' })).join('\n'));
  return file;
}

const query = pgQuery;

async function runSqlite(file: string): Promise<{ seconds: number; articles: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'triangulate-bench-sqlite-'));
  const store = await openStore(join(dir, 'bench.db'));
  const t0 = performance.now();
  await ingestInto(store, [file]);
  const done = await analyzeStore(store);
  const seconds = (performance.now() - t0) / 1000;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { seconds, articles: done.articles };
}

/** Peak resident memory of a process, from /proc (Linux). */
function peakRssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : NaN;
}

/** Time in the cross-article jobs: the corpus updates (serial) and the story updates (parallel across workers). */
interface CrossArticle {
  corpusS: number;
  stories: number;
  /** Story jobs' summed run time, and the wall time from the first one's start to the last one's end. */
  storyWorkS: number;
  storyWallS: number;
}

async function crossArticle(schema: string): Promise<CrossArticle> {
  const rows = await query<{ name: string; n: string; work: number; wall: number }>(
    `SELECT name, COUNT(*) AS n, EXTRACT(EPOCH FROM SUM(completed_on - started_on)) AS work, EXTRACT(EPOCH FROM MAX(completed_on) - MIN(started_on)) AS wall
     FROM ${schema}_jobs.job WHERE name IN ('update-corpus', 'update-story') AND state = 'completed' GROUP BY name`,
  );
  const of = (name: string) => rows.find((r) => r.name === name);
  return { corpusS: Number(of('update-corpus')?.work ?? 0), stories: Number(of('update-story')?.n ?? 0), storyWorkS: Number(of('update-story')?.work ?? 0), storyWallS: Number(of('update-story')?.wall ?? 0) };
}

async function runWorkers(
  file: string,
  n: number,
): Promise<{ seconds: number; articles: number; rssMiB: number[]; latencyMs: number[]; cross: CrossArticle }> {
  const url = testSchemaUrl('bench');
  const schema = new URL(url).searchParams.get('schema')!;
  const store = await openStore(url);
  const queue = await JobQueue.open(url);
  const workers: ChildProcess[] = [];
  try {
    for (let i = 0; i < n; i++) {
      workers.push(spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/cli-entry.ts'), 'worker', '--db', url, '--quiet'], { cwd: ROOT, stdio: 'inherit' }));
    }
    // Timing starts once every worker is up, so process start-up (tsx, model loading) is not counted.
    for (let tries = 0; ; tries++) {
      const [{ alive }] = await query<{ alive: string }>(`SELECT COUNT(*) AS alive FROM ${schema}.workers`).catch(() => [{ alive: '0' }]);
      if (Number(alive) >= n) break;
      if (tries > 600) throw new Error(`only ${alive} of ${n} workers started`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const t0 = performance.now();
    await enqueueInputs(queue, store, [file], {});
    await queue.send('update-corpus', { since: Date.now() });
    await waitForQueue(queue);
    const seconds = (performance.now() - t0) / 1000;
    const rssMiB = workers.map((w) => peakRssMiB(w.pid!));
    const latency = await query<{ ms: number }>(
      `SELECT EXTRACT(EPOCH FROM (completed_on - created_on)) * 1000 AS ms FROM ${schema}_jobs.job WHERE name = 'ingest' ORDER BY ms`,
    );
    return { seconds, articles: await store.countArticles(), rssMiB, latencyMs: latency.map((r) => Number(r.ms)), cross: await crossArticle(schema) };
  } finally {
    const exits = workers.map((w) => (w.exitCode === null ? once(w, 'exit') : Promise.resolve()));
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(exits);
    await queue.close();
    await store.close();
  }
}

const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

export async function benchWorkers(options: { quick?: boolean } = {}): Promise<string[]> {
  const file = corpus(options.quick ? ARTICLES / 2 : ARTICLES);
  const lines: string[] = [];
  try {
    const reference = await runSqlite(file);
    const refRate = reference.articles / reference.seconds;
    lines.push(`workers: ${reference.articles} FNC-1 bodies; reference: one SQLite process ${refRate.toFixed(2)} articles/s (${reference.seconds.toFixed(1)} s)`);
    for (const n of WORKER_COUNTS) {
      const run = await runWorkers(file, n);
      const rate = run.articles / run.seconds;
      lines.push(
        `workers: ${n} on PostgreSQL ${rate.toFixed(2)} articles/s (${(rate / refRate).toFixed(2)}× SQLite), ${run.seconds.toFixed(1)} s; ` +
          `peak RSS per worker ${run.rssMiB.map((m) => m.toFixed(0)).join('/')} MiB; queue latency enqueue→stored median ${quantile(run.latencyMs, 0.5).toFixed(0)} ms, p90 ${quantile(run.latencyMs, 0.9).toFixed(0)} ms; ` +
          `corpus update ${run.cross.corpusS.toFixed(1)} s (serial), ${run.cross.stories} story updates ${run.cross.storyWorkS.toFixed(1)} s of work in ${run.cross.storyWallS.toFixed(1)} s`,
      );
    }
  } finally {
    rmSync(resolve(file, '..'), { recursive: true, force: true });
    await dropTestSchemas();
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchWorkers({ quick: process.argv.includes('--quick') })) console.log(line);
}
