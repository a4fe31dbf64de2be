/**
 * Extraction throughput and memory over the benchmark pages: ours vs Readability.js alone, same run.
 * Usage: npx tsx scripts/bench-extract.ts
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractWithReadability, extractWithTriangulate, loadBenchmark, type BenchmarkPage } from './eval-extract.js';

/** Passes over the page set per system (the first warms the JIT and is not timed). */
export const BENCH_TIMED_PASSES = 1;

interface Run {
  seconds: number;
  pagesPerSecond: number;
  mbPerSecond: number;
  peakRssMb: number;
  peakHeapMb: number;
}

function measure(pages: readonly BenchmarkPage[], extract: (page: BenchmarkPage) => unknown): Run {
  const bytes = pages.reduce((a, p) => a + Buffer.byteLength(p.html), 0);
  for (const page of pages.slice(0, 10)) extract(page);
  global.gc?.();
  let peakRss = 0;
  let peakHeap = 0;
  const start = process.hrtime.bigint();
  for (let pass = 0; pass < BENCH_TIMED_PASSES; pass++) {
    for (const page of pages) {
      extract(page);
      const mem = process.memoryUsage();
      if (mem.rss > peakRss) peakRss = mem.rss;
      if (mem.heapUsed > peakHeap) peakHeap = mem.heapUsed;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const n = pages.length * BENCH_TIMED_PASSES;
  return {
    seconds,
    pagesPerSecond: n / seconds,
    mbPerSecond: (bytes * BENCH_TIMED_PASSES) / 1e6 / seconds,
    peakRssMb: peakRss / 1e6,
    peakHeapMb: peakHeap / 1e6,
  };
}

/** Runs the extraction benchmark and returns the lines to print. */
export async function benchExtract(): Promise<string[]> {
  const pages = loadBenchmark();
  const mb = pages.reduce((a, p) => a + Buffer.byteLength(p.html), 0) / 1e6;
  const biggest = Math.max(...pages.map((p) => Buffer.byteLength(p.html))) / 1e6;
  const ours = measure(pages, (p) => extractWithTriangulate(p));
  const theirs = measure(pages, (p) => extractWithReadability(p.html));
  const row = (name: string, r: Run) =>
    `  ${name.padEnd(16)} ${r.pagesPerSecond.toFixed(1).padStart(6)} pages/s  ${r.mbPerSecond.toFixed(2).padStart(5)} MB/s  peak RSS ${r.peakRssMb.toFixed(0)} MB  peak heap ${r.peakHeapMb.toFixed(0)} MB`;
  return [
    `extract: ${pages.length} pages, ${mb.toFixed(1)} MB of HTML (largest ${biggest.toFixed(2)} MB)`,
    row('triangulate', ours),
    row('Readability.js', theirs),
    `  ratio (ours / Readability.js): speed ${(ours.pagesPerSecond / theirs.pagesPerSecond).toFixed(2)}x, peak heap ${(ours.peakHeapMb / theirs.peakHeapMb).toFixed(2)}x`,
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of await benchExtract()) console.log(line);
}
