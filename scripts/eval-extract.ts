/**
 * Scores extractDocument on three main-text sets, each with its own metric, beside published figures and
 * Readability.js alone run in the same process:
 *   zyte         article-extraction-benchmark (181 news pages), 4-token shingle F1 (src/extract/shingle-metric.ts);
 *   wceb         WCXB development pages of seven kinds, word-bag F1 and must-keep/must-drop snippet rates (word-metric.ts);
 *   readability  Readability.js's real test pages (8 languages), word-bag F1 against its expected output.
 * Usage: npx tsx scripts/eval-extract.ts [--set zyte,wceb,readability] [--split dev|train|all] [--dir DIR (one set)]
 *        [--file GOLD.jsonl.gz (wceb)] [--zyte-dir D] [--wceb-dir D] [--readability-dir D] [--limit N] [--quick]
 *        [--worst N] [--no-readability] [--no-block-model] [--skip rule,rule]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { detectLanguage } from '../src/extract/detect-language.js';
import { extractDocument } from '../src/extract/extract.js';
import { aggregateScores, bootstrapInterval, scoreItem, type AggregateScore, type ItemScore } from '../src/extract/shingle-metric.js';
import { meanWordScores, scoreWords, type WordScore } from '../src/extract/word-metric.js';
import { loadReadabilityPages, loadWceb, READABILITY_PAGES_DIR, WCEB_DIR, type GoldPage, type Split } from './extract-sets.js';

/** Zyte F1 under which the run fails (trafilatura's published figure). */
export const F1_FLOOR = 0.958;
/** Zyte F1 we aim above (AutoExtract and rs_trafilatura). */
export const F1_TARGET = 0.97;

/** Published Zyte figures (README.rst of the benchmark commit in PROVENANCE.md): name, F1, P, R. */
export const PUBLISHED: ReadonlyArray<[string, number, number, number]> = [
  ['AutoExtract', 0.97, 0.984, 0.956],
  ['rs_trafilatura', 0.97, 0.951, 0.99],
  ['trafilatura 2.0.0', 0.958, 0.938, 0.978],
  ['Readability.js 0.6.0', 0.947, 0.914, 0.982],
];

/** Published WCXB dev figures (upstream README, over 1,497 pages incl. 139 now in test): name, F1, P, R. */
export const PUBLISHED_WCEB: ReadonlyArray<[string, number, number, number]> = [
  ['rs-trafilatura', 0.859, 0.863, 0.89],
  ['Trafilatura', 0.791, 0.852, 0.793],
  ['jusText', 0.707, 0.771, 0.695],
  ['Readability', 0.675, 0.685, 0.713],
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
export function extractWithTriangulate(page: { id: string; url: string; html: string }, skipRules: readonly string[] = [], blockModel = true): string {
  return extractDocument({ input: page.id, url: page.url, format: 'html', body: page.html, fetchedAt: '1970-01-01T00:00:00.000Z' }, { skipRules, blockModel }).text;
}

function fmt(s: AggregateScore, ci?: Omit<AggregateScore, 'items'>): string {
  const pm = (k: keyof Omit<AggregateScore, 'items'>) => (ci ? ` ± ${ci[k].toFixed(3)}` : '');
  return `F1 ${s.f1.toFixed(3)}${pm('f1')}  P ${s.precision.toFixed(3)}${pm('precision')}  R ${s.recall.toFixed(3)}${pm('recall')}  exact ${s.accuracy.toFixed(3)}`;
}

function fmtWords(s: WordScore, snippets: boolean): string {
  const base = `F1 ${s.f1.toFixed(3)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}`;
  return snippets ? `${base}  with ${s.withRate.toFixed(3)}  without ${s.withoutRate.toFixed(3)}` : base;
}

interface Options {
  quick: boolean;
  worst: number;
  readability: boolean;
  skipRules: string[];
  blockModel: boolean;
}

function evalZyte(dir: string, opts: Options): boolean {
  const pages = loadBenchmark(dir);
  const ours: ItemScore[] = [];
  const theirs: ItemScore[] = [];
  const rows: Array<{ id: string; url: string; score: ItemScore }> = [];
  for (const page of pages) {
    const score = scoreItem(page.gold, extractWithTriangulate(page, opts.skipRules, opts.blockModel));
    ours.push(score);
    rows.push({ id: page.id, url: page.url, score });
    if (opts.readability) theirs.push(scoreItem(page.gold, extractWithReadability(page.html)));
  }
  const mine = aggregateScores(ours);
  console.log(`article-extraction-benchmark (${dir}): ${pages.length} pages, 4-token shingle F1 of mean P and R`);
  console.log(`  triangulate          ${fmt(mine, opts.quick ? undefined : bootstrapInterval(ours))}`);
  if (theirs.length) console.log(`  Readability.js (run) ${fmt(aggregateScores(theirs), opts.quick ? undefined : bootstrapInterval(theirs))}`);
  console.log('  published:');
  for (const [name, f1, p, r] of PUBLISHED) console.log(`    ${name.padEnd(22)} F1 ${f1.toFixed(3)}  P ${p.toFixed(3)}  R ${r.toFixed(3)}`);
  if (opts.worst) {
    rows.sort((a, b) => a.score.tp - b.score.tp);
    for (const row of rows.slice(0, opts.worst)) {
      console.log(`  worst ${row.id.slice(0, 12)} tp ${row.score.tp.toFixed(2)} fp ${row.score.fp.toFixed(2)} fn ${row.score.fn.toFixed(2)} ${row.url}`);
    }
  }
  if (mine.f1 < F1_FLOOR) {
    console.error(`Zyte F1 ${mine.f1.toFixed(3)} is under the floor ${F1_FLOOR}`);
    return false;
  }
  return true;
}

/** Scores a gold-text set with the word metric, overall, by page kind and (`byLanguage`) by the gold's language. */
function evalWords(title: string, pages: readonly GoldPage[], opts: Options, snippets: boolean, published: ReadonlyArray<[string, number, number, number]>, byLanguage = false): void {
  const ours: WordScore[] = [];
  const theirs: WordScore[] = [];
  const byKind = new Map<string, { ours: WordScore[]; theirs: WordScore[] }>();
  const rows: Array<{ page: GoldPage; score: WordScore }> = [];
  for (const page of pages) {
    const score = scoreWords(page.gold, extractWithTriangulate(page, opts.skipRules, opts.blockModel), page.with, page.without);
    ours.push(score);
    rows.push({ page, score });
    const kind = byKind.get(page.kind) ?? { ours: [], theirs: [] };
    byKind.set(page.kind, kind);
    kind.ours.push(score);
    if (opts.readability) {
      const ref = scoreWords(page.gold, extractWithReadability(page.html), page.with, page.without);
      theirs.push(ref);
      kind.theirs.push(ref);
    }
  }
  console.log(`${title}: ${pages.length} pages, word-bag F1 (mean of per-page F1)${snippets ? ', with/without snippet rates' : ''}`);
  console.log(`  triangulate          ${fmtWords(meanWordScores(ours), snippets)}`);
  if (theirs.length) console.log(`  Readability.js (run) ${fmtWords(meanWordScores(theirs), snippets)}`);
  for (const [kind, group] of [...byKind].sort((a, b) => b[1].ours.length - a[1].ours.length)) {
    const ref = group.theirs.length ? `   Readability.js ${meanWordScores(group.theirs).f1.toFixed(3)}` : '';
    console.log(`    ${kind.padEnd(14)} ${String(group.ours.length).padStart(4)} pages  F1 ${meanWordScores(group.ours).f1.toFixed(3)}${ref}`);
  }
  if (byLanguage) {
    // WCXB records name no language: the gold text's, as the extractor detects it (und when unsure).
    const byLang = new Map<string, WordScore[]>();
    rows.forEach(({ page, score }) => {
      const lang = detectLanguage(page.gold);
      byLang.set(lang, [...(byLang.get(lang) ?? []), score]);
    });
    const langs = [...byLang].sort((a, b) => b[1].length - a[1].length);
    console.log(`  by language of the gold text: ${langs.map(([lang, scores]) => `${lang} ${scores.length} pages F1 ${meanWordScores(scores).f1.toFixed(3)}`).join(', ')}`);
  }
  if (published.length) {
    console.log('  published (upstream dev folder of 1,497 pages, 139 of them since moved to test):');
    for (const [name, f1, p, r] of published) console.log(`    ${name.padEnd(22)} F1 ${f1.toFixed(3)}  P ${p.toFixed(3)}  R ${r.toFixed(3)}`);
  }
  if (opts.worst) {
    rows.sort((a, b) => a.score.f1 - b.score.f1);
    for (const { page, score } of rows.slice(0, opts.worst)) {
      console.log(`  worst ${page.id} ${page.kind} F1 ${score.f1.toFixed(2)} P ${score.precision.toFixed(2)} R ${score.recall.toFixed(2)} ${page.url}`);
    }
  }
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      set: { type: 'string', default: 'zyte,wceb,readability' },
      split: { type: 'string', default: 'dev' },
      dir: { type: 'string' },
      file: { type: 'string' },
      'zyte-dir': { type: 'string', default: BENCHMARK_DIR },
      'wceb-dir': { type: 'string', default: WCEB_DIR },
      'readability-dir': { type: 'string', default: READABILITY_PAGES_DIR },
      limit: { type: 'string' },
      quick: { type: 'boolean', default: false },
      worst: { type: 'string', default: '0' },
      'no-readability': { type: 'boolean', default: false },
      'no-block-model': { type: 'boolean', default: false },
      skip: { type: 'string', default: '' },
    },
  });
  const sets = args.set.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = sets.filter((s) => !['zyte', 'wceb', 'readability'].includes(s));
  if (unknown.length) throw new Error(`--set: unknown set(s) ${unknown.join(', ')} (zyte, wceb, readability)`);
  if (!['train', 'dev', 'all'].includes(args.split)) throw new Error(`--split: "${args.split}" is not train, dev or all`);
  if (args.dir && sets.length !== 1) throw new Error('--dir names the folder of one set: give --set too');
  const split = args.split as Split;
  const limit = args.limit === undefined ? Infinity : Number(args.limit);
  const worst = Number(args.worst);
  if (!(limit > 0)) throw new Error(`--limit: "${args.limit}" is not a positive number`);
  if (!Number.isInteger(worst) || worst < 0) throw new Error(`--worst: "${args.worst}" is not a count`);
  const opts: Options = { quick: args.quick, worst, readability: !args['no-readability'], skipRules: args.skip ? args.skip.split(',') : [], blockModel: !args['no-block-model'] };
  const dirOf = (set: string, fallback: string) => (args.dir && sets[0] === set ? args.dir : fallback);
  let ok = true;
  for (const set of sets) {
    if (set === 'zyte') ok = evalZyte(dirOf('zyte', args['zyte-dir']), opts) && ok;
    if (set === 'wceb') {
      const pages = loadWceb(dirOf('wceb', args['wceb-dir']), split, limit, args.file);
      evalWords(`WCXB (${split} split, by site)`, pages, opts, true, PUBLISHED_WCEB, true);
    }
    if (set === 'readability') {
      const pages = loadReadabilityPages(dirOf('readability', args['readability-dir']), split).slice(0, limit);
      evalWords(`Readability.js test pages, real ones (${split} split, by page; kinds are languages)`, pages, opts, false, []);
      console.log('  published: Readability.js 1.000 by construction (its own output is the expected text)');
    }
    console.log('');
  }
  if (!ok) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await main();
  } catch (error) {
    // A bad option or a missing data folder is named in one line, not a stack trace.
    console.error(`eval:extract: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
