/**
 * End-to-end analysis benchmark (issue 8): `triangulate analyze` (ingest + every stage + store) on a generated corpus
 * of many stories with planted copies (gen-stories-corpus.ts; 10,000 articles, 100,000 with `--full`), run as a user
 * would, in a child process: wall time, each step's time (`--timings`), peak RSS; then 10 new articles added to the
 * analysed store beside the same 10 analysed alone. The reference is wink-nlp's bare pass (tokens, sentences, POS)
 * over the same texts in the same run.
 * Alone: `tsx scripts/bench-analyze.ts [--articles N] [--full] [--keep DIR]`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getNlp } from '../src/nlp/wink.js';
import { generateRecords, loadStories, type GeneratedRecord } from './gen-stories-corpus.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'bin/triangulate.js');
const SEED = 20261130;
/** Articles added to the analysed store. */
const ADDED = 10;

export interface BenchAnalyzeOptions {
  articles?: number;
  dataDir?: string;
  /** Keep the corpus and stores here instead of a temporary folder. */
  keep?: string;
}

interface Run {
  wallMs: number;
  /** User + system CPU time of the child: steadier than wall time on a shared machine. */
  cpuMs: number;
  /** Inputs the run refused (e.g. no main text left after extraction). */
  refused: number;
  peakRssMiB: number;
  /** The `--timings` table as printed. */
  timings: string;
  stepMs: Map<string, number>;
}

/** GNU time reports a child's peak RSS; without it (Debian package `time`) the RSS is left out. */
const GNU_TIME = '/usr/bin/time';

/** Runs `triangulate analyze` as a user would, under GNU time when there is one. */
function analyze(inputs: string[], db: string): Run {
  const started = performance.now();
  const command = [process.execPath, CLI, 'analyze', ...inputs, '--db', db, '--quiet', '--timings'];
  const [file, ...args] = existsSync(GNU_TIME) ? [GNU_TIME, '-f', 'peak-rss-kib %M cpu-s %U %S', ...command] : command;
  const child = spawnSync(file, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wallMs = performance.now() - started;
  // Exit 1 is some inputs refused (each named on stderr), the rest analysed: counted, not fatal.
  if (child.status !== 0 && child.status !== 1) throw new Error(`analyze failed (exit ${child.status}): ${child.stderr}`);
  const refused = (child.stderr.match(/^✗ /gm) ?? []).length;
  const rss = /peak-rss-kib (\d+) cpu-s ([\d.]+) ([\d.]+)/.exec(child.stderr);
  const stepMs = new Map<string, number>();
  for (const m of child.stdout.matchAll(/^(\S+)\s+([\d.]+) s/gm)) stepMs.set(m[1], Number(m[2]) * 1000);
  const cpuMs = rss ? (Number(rss[2]) + Number(rss[3])) * 1000 : NaN;
  return { wallMs, cpuMs, refused, peakRssMiB: rss ? Number(rss[1]) / 1024 : NaN, timings: child.stdout.trimEnd(), stepMs };
}

function writeJsonl(file: string, records: readonly GeneratedRecord[]): void {
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

/** wink-nlp's own pass over the texts (tokens, sentence boundaries, POS tags), the reference for the analysis's speed. */
function winkPass(texts: readonly string[]): number {
  const nlp = getNlp();
  const its = nlp.its;
  const started = performance.now();
  for (const text of texts) {
    const doc = nlp.readDoc(text);
    doc.tokens().out(its.pos);
    doc.sentences().length();
  }
  return performance.now() - started;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function benchAnalyze(options: BenchAnalyzeOptions = {}): Promise<string[]> {
  const total = options.articles ?? 10_000;
  const dir = options.keep ?? mkdtempSync(path.join(tmpdir(), 'triangulate-bench-analyze-'));
  const lines: string[] = [];
  try {
    const stories = loadStories(options.dataDir ?? path.resolve(ROOT, '../shared/data'));
    const base = generateRecords(stories, total, SEED);
    const added = generateRecords(stories, ADDED, SEED, total);
    const baseFile = path.join(dir, 'base.jsonl');
    const addedFile = path.join(dir, 'added.jsonl');
    writeJsonl(baseFile, base);
    writeJsonl(addedFile, added);
    const mb = base.reduce((n, r) => n + Buffer.byteLength(r.text), 0) / 1e6;
    lines.push(`analyze bench: ${total} generated articles (${mb.toFixed(1)} MB of text) in ${stories.length} FNC-1 stories, seed ${SEED}`);

    const winkMs = winkPass(base.map((r) => r.text));
    lines.push(`  reference, wink-nlp's bare pass (tokens, sentences, POS) over the same texts: ${s(winkMs)}, ${Math.round(total / (winkMs / 1000))} articles/s`);

    const db = path.join(dir, 'base.db');
    rmSync(db, { force: true });
    const whole = analyze([baseFile], db);
    const timed = [...whole.stepMs].filter(([k]) => k !== 'total').reduce((n, [, v]) => n + v, 0);
    lines.push(
      `  ingest + analyze ${total}: ${s(whole.wallMs)} (CPU ${s(whole.cpuMs)}), ${Math.round(total / (whole.wallMs / 1000))} articles/s, ${(whole.wallMs / winkMs).toFixed(1)}× wink's pass; peak RSS ${whole.peakRssMiB.toFixed(0)} MiB`,
    );
    lines.push(`  ingest and start-up (wall time outside the timed steps): ${s(whole.wallMs - timed)}; inputs refused: ${whole.refused}`);
    lines.push(...whole.timings.split('\n').map((l) => `    ${l}`));

    const grown = path.join(dir, 'grown.db');
    copyFileSync(db, grown);
    const add = analyze([addedFile], grown);
    const aloneDb = path.join(dir, 'alone.db');
    rmSync(aloneDb, { force: true });
    const alone = analyze([addedFile], aloneDb);
    lines.push(
      `  add ${ADDED} to the analysed ${total}: ${s(add.wallMs)} (CPU ${s(add.cpuMs)}, peak RSS ${add.peakRssMiB.toFixed(0)} MiB); the ${ADDED} alone: ${s(alone.wallMs)} (CPU ${s(alone.cpuMs)}); ratio ${(add.wallMs / alone.wallMs).toFixed(1)}× wall, ${(add.cpuMs / alone.cpuMs).toFixed(1)}× CPU`,
    );
    lines.push(...add.timings.split('\n').map((l) => `    ${l}`));
    const again = analyze([], grown);
    lines.push(`  re-run with nothing new: ${s(again.wallMs)} (CPU ${s(again.cpuMs)})`);
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const articles = process.argv.includes('--full') ? 100_000 : Number(arg('--articles') ?? 10_000);
  for (const line of await benchAnalyze({ articles, keep: arg('--keep') })) console.log(line);
}
