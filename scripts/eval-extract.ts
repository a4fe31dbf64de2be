/**
 * Scores extractDocument on the Zyte article-extraction-benchmark with its own metric, beside the
 * published figures and Readability.js alone run in the same process.
 * Usage: npx tsx scripts/eval-extract.ts [--quick] [--worst N] [--no-readability] [--skip rule,rule]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractDocument } from '../src/extract/extract.js';
import { aggregateScores, bootstrapInterval, scoreItem, type AggregateScore, type ItemScore } from '../src/extract/shingle-metric.js';

/** F1 under which the run fails (trafilatura's published figure). */
export const F1_FLOOR = 0.958;
/** F1 we aim above (AutoExtract and rs_trafilatura). */
export const F1_TARGET = 0.97;

/** Published figures (README.rst of the benchmark commit in PROVENANCE.md). */
export const PUBLISHED: ReadonlyArray<[string, number, number, number]> = [
  ['AutoExtract', 0.97, 0.984, 0.956],
  ['rs_trafilatura', 0.97, 0.951, 0.99],
  ['trafilatura 2.0.0', 0.958, 0.938, 0.978],
  ['Readability.js 0.6.0', 0.947, 0.914, 0.982],
];

const here = path.dirname(fileURLToPath(import.meta.url));
/** Benchmark folder, beside the repo in shared/. */
export const BENCHMARK_DIR = path.resolve(here, '../../shared/data/article-extraction-benchmark');

/** One benchmark page: id, URL, gold body and the HTML. */
export interface BenchmarkPage {
  id: string;
  url: string;
  gold: string;
  html: string;
}

/** Loads every benchmark page (throws when the shared data is missing). */
export function loadBenchmark(dir = BENCHMARK_DIR): BenchmarkPage[] {
  const truth = JSON.parse(readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  return Object.entries(truth).map(([id, item]) => ({
    id,
    url: item.url ?? '',
    gold: item.articleBody ?? '',
    html: gunzipSync(readFileSync(path.join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
  }));
}

/** Readability.js alone on linkedom, as the published baseline ran it (textContent). */
export function extractWithReadability(html: string): string {
  try {
    const { document } = parseHTML(html);
    return new Readability(document as unknown as Document).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

/** Ours, as the pipeline runs it. */
export function extractWithTriangulate(page: BenchmarkPage, skipRules: readonly string[] = []): string {
  return extractDocument({ input: page.id, url: page.url, format: 'html', body: page.html, fetchedAt: '1970-01-01T00:00:00.000Z' }, { skipRules }).text;
}

function fmt(s: AggregateScore, ci?: Omit<AggregateScore, 'items'>): string {
  const pm = (k: keyof Omit<AggregateScore, 'items'>) => (ci ? ` ± ${ci[k].toFixed(3)}` : '');
  return `F1 ${s.f1.toFixed(3)}${pm('f1')}  P ${s.precision.toFixed(3)}${pm('precision')}  R ${s.recall.toFixed(3)}${pm('recall')}  acc ${s.accuracy.toFixed(3)}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const worstAt = args.indexOf('--worst');
  const worst = worstAt >= 0 ? Number(args[worstAt + 1] ?? 10) : 0;
  const skipAt = args.indexOf('--skip');
  const skipRules = skipAt >= 0 ? (args[skipAt + 1] ?? '').split(',') : [];
  const pages = loadBenchmark();
  const ours: ItemScore[] = [];
  const theirs: ItemScore[] = [];
  const rows: Array<{ id: string; url: string; score: ItemScore }> = [];
  for (const page of pages) {
    const score = scoreItem(page.gold, extractWithTriangulate(page, skipRules));
    ours.push(score);
    rows.push({ id: page.id, url: page.url, score });
    if (!args.includes('--no-readability')) theirs.push(scoreItem(page.gold, extractWithReadability(page.html)));
  }
  const mine = aggregateScores(ours);
  console.log(`article-extraction-benchmark: ${pages.length} pages`);
  console.log(`  triangulate          ${fmt(mine, quick ? undefined : bootstrapInterval(ours))}`);
  if (theirs.length) {
    const ref = aggregateScores(theirs);
    console.log(`  Readability.js (run) ${fmt(ref, quick ? undefined : bootstrapInterval(theirs))}`);
  }
  console.log('  published:');
  for (const [name, f1, p, r] of PUBLISHED) console.log(`    ${name.padEnd(22)} F1 ${f1.toFixed(3)}  P ${p.toFixed(3)}  R ${r.toFixed(3)}`);
  if (worst) {
    rows.sort((a, b) => a.score.tp - b.score.tp);
    for (const row of rows.slice(0, worst)) {
      console.log(`  worst ${row.id.slice(0, 12)} tp ${row.score.tp.toFixed(2)} fp ${row.score.fp.toFixed(2)} fn ${row.score.fn.toFixed(2)} ${row.url}`);
    }
  }
  if (mine.f1 < F1_FLOOR) {
    console.error(`F1 ${mine.f1.toFixed(3)} is under the floor ${F1_FLOOR}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
