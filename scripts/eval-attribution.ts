/**
 * Attribution evaluation on PolNeAR (brat standoff): source, cue and content span F1, exact and
 * token-overlap. Runnable alone (`npm run eval:attribution -- --split train|dev [--misses 30]`) or via
 * eval-claims (dev). Tune on train, report dev: dev wording must not shape the lexicon.
 * Other data: `--dir ROOT` (a folder holding `<split>/text/*.txt` and `<split>/attributions/*.ann`, default the
 * shared PolNeAR copy), `--split NAME` (any split folder under it), `--file X.ann` (one brat file; its text is the
 * `.txt` of the same article name in `../text/` or beside it). `--rules-only` scores the rules without the trained
 * tagger; `--model FILE` scores another model file (one trained on part of train).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeArticle } from '../src/core/article.js';
import type { Span } from '../src/core/span.js';
import { extractAttributions } from '../src/claims/attributions.js';
import { segmentSentences } from '../src/segment/sentences.js';
import { useAttributionModel } from '../src/claims/attribution-model/tagger.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Default data root: the shared PolNeAR copy beside the checkout. */
export const POLNEAR_DIR = path.resolve(HERE, '../../shared/data/polnear/data');
/** Token-wise Krippendorff's alpha between PolNeAR annotators, from the corpus README. */
const ANNOTATOR_ALPHA = 0.754;

type Role = 'Source' | 'Cue' | 'Content';
const ROLES: Role[] = ['Source', 'Cue', 'Content'];

interface Counts {
  exactTp: number;
  overlapTp: number;
  pred: number;
  /** Overlap matches and predictions counting every report's span, repeats included (the scorer before 2026-12-07). */
  reportTp: number;
  reportPred: number;
  gold: number;
  tokTp: number;
  tokPred: number;
  tokGold: number;
}

/** Parses the text-bound spans of one brat .ann file by role; discontinuous spans keep their pieces. */
export function parseBrat(ann: string): Record<Role, Span[][]> {
  const out: Record<Role, Span[][]> = { Source: [], Cue: [], Content: [] };
  for (const line of ann.split('\n')) {
    const m = /^T\d+\t(\w+) ([\d ;]+)\t/.exec(line);
    if (!m || !(ROLES as string[]).includes(m[1])) continue;
    const pieces = m[2].split(';').map((p) => {
      const [start, end] = p.trim().split(' ').map(Number);
      return { start, end };
    });
    out[m[1] as Role].push(pieces);
  }
  return out;
}

function wordTokens(text: string, spans: Span[]): Set<number> {
  const set = new Set<number>();
  for (const s of spans) {
    for (const m of text.slice(s.start, s.end).matchAll(/[\p{L}\p{N}]+/gu)) set.add(s.start + m.index);
  }
  return set;
}

/** One-to-one overlap matches of predicted against gold spans. */
function overlapMatches(gold: Span[][], pred: Span[][]): number {
  const used = new Set<number>();
  let tp = 0;
  for (const p of pred) {
    const hit = gold.findIndex((g, i) => !used.has(i) && g.some((a) => p.some((b) => a.start < b.end && b.start < a.end)));
    if (hit >= 0) {
      used.add(hit);
      tp++;
    }
  }
  return tp;
}

/**
 * Scores one role. Gold is a set of spans (brat gives a source that several attributions share one text-bound
 * annotation), so predictions are too: one speaker of two reports ("X praised … and said …") is one span, not a
 * second, unmatched one. The per-report count is kept beside it for comparison with earlier figures.
 */
function score(text: string, gold: Span[][], reports: Span[][], counts: Counts): void {
  const key = (p: Span[]) => p.map((s) => `${s.start}-${s.end}`).join(';');
  const pred = [...new Map(reports.map((p) => [key(p), p])).values()];
  const goldKeys = new Set(gold.map(key));
  counts.exactTp += pred.filter((p) => goldKeys.has(key(p))).length;
  counts.overlapTp += overlapMatches(gold, pred);
  counts.reportTp += overlapMatches(gold, reports);
  counts.reportPred += reports.length;
  counts.pred += pred.length;
  counts.gold += gold.length;
  const goldTok = wordTokens(text, gold.flat());
  const predTok = wordTokens(text, pred.flat());
  counts.tokGold += goldTok.size;
  counts.tokPred += predTok.size;
  for (const t of predTok) if (goldTok.has(t)) counts.tokTp++;
}

function f1(tp: number, pred: number, gold: number): { p: number; r: number; f: number } {
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

const pct = (x: number) => (100 * x).toFixed(1);

/** PolNeAR split to score: `train` for tuning, `dev` for reported numbers (any split folder name is accepted). */
export type PolnearSplit = 'train' | 'dev' | (string & {});

export interface EvalAttributionOptions {
  split?: PolnearSplit;
  /** Data root holding the split folders; default `POLNEAR_DIR`. */
  dir?: string;
  /** Score these brat `.ann` files only (each with its article's `.txt`), instead of a split. */
  files?: string[];
  /** Score these text/annotation pairs (a fold of train held out by `train-attribution.ts`). */
  pairs?: Pair[];
  /** false: the rules alone, without the trained tagger. */
  model?: boolean;
  /** Also list the N most frequent missed gold cues and unmatched predicted cues (for tuning on train). */
  misses?: number;
}

/** Precision, recall and F1 of one role, exact and overlap, as fractions. */
export interface RoleScore {
  exact: { p: number; r: number; f: number };
  overlap: { p: number; r: number; f: number };
  /** Overlap counting each report's span, repeated spans included (how the scorer counted before 2026-12-07). */
  perReport: { p: number; r: number; f: number };
  token: { p: number; r: number; f: number };
  gold: number;
  predicted: number;
}

/** Scores of one split: per role, plus diagnostic lines when `misses` was asked for. */
export interface AttributionScores {
  split: PolnearSplit;
  articles: number;
  seconds: number;
  roles: Record<Role, RoleScore>;
  diagnostics: string[];
}

/** Scores the attribution extractor on one PolNeAR split (dev by default); returns printable lines. */
export async function evalAttribution(options: EvalAttributionOptions = {}): Promise<string[]> {
  const scores = scoreAttribution(options);
  const lines = [`attribution (${scores.split}, ${scores.articles} articles, ${scores.seconds.toFixed(1)} s; annotator agreement α ${ANNOTATOR_ALPHA}, no published model baseline)`];
  for (const role of ROLES) {
    const { exact, overlap, perReport, token, gold, predicted } = scores.roles[role];
    lines.push(
      `  ${role.padEnd(8)} exact P ${pct(exact.p)} R ${pct(exact.r)} F1 ${pct(exact.f)} · overlap P ${pct(overlap.p)} R ${pct(overlap.r)} F1 ${pct(overlap.f)} (per report, repeats counted: P ${pct(perReport.p)} F1 ${pct(perReport.f)}) · token F1 ${pct(token.f)} (gold ${gold}, predicted ${predicted})`,
    );
  }
  return [...lines, ...scores.diagnostics];
}

/** Runs the extractor over one PolNeAR split and returns per-role scores (throws when the split is missing). */
export function scoreAttribution(options: EvalAttributionOptions = {}): AttributionScores {
  const split = options.split ?? 'dev';
  const pairs = options.pairs ?? (options.files?.length ? filePairs(options.files) : splitPairs(options.dir ?? POLNEAR_DIR, split));
  const counts = Object.fromEntries(
    ROLES.map((r) => [r, { exactTp: 0, overlapTp: 0, pred: 0, reportTp: 0, reportPred: 0, gold: 0, tokTp: 0, tokPred: 0, tokGold: 0 }]),
  ) as Record<Role, Counts>;
  let articles = 0;
  const started = Date.now();
  const missed = new Map<string, number>();
  const spurious = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const { textPath, annPath } of pairs) {
    const text = readFileSync(textPath, 'utf8');
    const gold = parseBrat(readFileSync(annPath, 'utf8'));
    const article = makeArticle({ text, layers: { sentence: segmentSentences(text) } });
    const mentions = extractAttributions(article, { model: options.model });
    const pred: Record<Role, Span[][]> = {
      Source: mentions.filter((m) => m.speaker).map((m) => [m.speaker!]),
      Cue: mentions.map((m) => [m.cue]),
      Content: mentions.filter((m) => m.content).map((m) => [m.content!]),
    };
    for (const role of ROLES) score(text, gold[role], pred[role], counts[role]);
    if (options.misses) {
      const hits = (a: Span[], b: Span[][]) => b.some((g) => g.some((x) => a.some((y) => x.start < y.end && y.start < x.end)));
      const cueText = (p: Span[]) => p.map((s) => text.slice(s.start, s.end)).join(' … ').toLowerCase().replace(/\s+/g, ' ');
      for (const g of gold.Cue) if (!hits(g, pred.Cue)) bump(missed, cueText(g));
      for (const p of pred.Cue) if (!hits(p, gold.Cue)) bump(spurious, cueText(p));
    }
    articles++;
  }
  const roles = Object.fromEntries(
    ROLES.map((role) => {
      const c = counts[role];
      const score: RoleScore = {
        exact: f1(c.exactTp, c.pred, c.gold),
        overlap: f1(c.overlapTp, c.pred, c.gold),
        perReport: f1(c.reportTp, c.reportPred, c.gold),
        token: f1(c.tokTp, c.tokPred, c.tokGold),
        gold: c.gold,
        predicted: c.pred,
      };
      return [role, score];
    }),
  ) as Record<Role, RoleScore>;
  const diagnostics: string[] = [];
  if (options.misses) {
    const top = (map: Map<string, number>) =>
      [...map].sort((a, b) => b[1] - a[1]).slice(0, options.misses).map(([k, n]) => `${n} ${k}`).join(' · ');
    diagnostics.push(`  missed cues: ${top(missed)}`, `  unmatched predicted cues: ${top(spurious)}`);
  }
  const label = options.pairs ? `${options.pairs.length} held-out article(s) of ${split}` : options.files?.length ? `${options.files.length} file(s)` : `PolNeAR ${split}`;
  return { split: label, articles, seconds: (Date.now() - started) / 1000, roles, diagnostics };
}

export interface Pair {
  textPath: string;
  annPath: string;
}

/** One annotation per article of a split folder: the first annotator file in name order. */
export function splitPairs(dir: string, split: string): Pair[] {
  const root = path.join(dir, split);
  const textDir = path.join(root, 'text');
  const annDir = path.join(root, 'attributions');
  if (!existsSync(textDir) || !existsSync(annDir)) throw new Error(`attribution split "${split}" missing: expected ${textDir} and ${annDir}`);
  const annByArticle = new Map<string, string>();
  for (const file of readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort()) {
    const article = file.replace(/_[^_]+\.ann$/, '');
    if (!annByArticle.has(article)) annByArticle.set(article, file);
  }
  const pairs: Pair[] = [];
  for (const [name, annFile] of annByArticle) {
    const textPath = path.join(textDir, `${name}.txt`);
    if (existsSync(textPath)) pairs.push({ textPath, annPath: path.join(annDir, annFile) });
  }
  return pairs;
}

/** A brat file's article text: `<name>.txt` beside it or in the sibling `text/` folder (PolNeAR's layout). */
export function filePairs(files: string[]): Pair[] {
  return files.map((annPath) => {
    const name = path.basename(annPath).replace(/(?:_[^_]+)?\.ann$/, '');
    const dir = path.dirname(annPath);
    const candidates = [path.join(dir, `${name}.txt`), path.join(dir, '..', 'text', `${name}.txt`), annPath.replace(/\.ann$/, '.txt')];
    const textPath = candidates.find((c) => existsSync(c));
    if (!existsSync(annPath)) throw new Error(`--file ${annPath}: no such file`);
    if (!textPath) throw new Error(`--file ${annPath}: no article text found (looked for ${candidates.join(', ')})`);
    return { textPath, annPath };
  });
}

/** Command-line entry: parses the options and prints the scores; a bad option or missing data is one line on stderr. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { split: { type: 'string', default: 'dev' }, dir: { type: 'string' }, file: { type: 'string', multiple: true }, misses: { type: 'string' }, 'rules-only': { type: 'boolean' }, model: { type: 'string' } },
  });
  if (values.model) useAttributionModel(path.resolve(values.model));
  const misses = values.misses === undefined ? undefined : Number(values.misses);
  if (misses !== undefined && !(Number.isInteger(misses) && misses > 0)) throw new Error(`--misses must be a positive whole number, not "${values.misses}"`);
  console.log((await evalAttribution({ split: values.split, dir: values.dir, files: values.file, misses, model: values['rules-only'] ? false : undefined })).join('\n'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`eval-attribution: ${(error as Error)?.message ?? String(error)}`);
    process.exitCode = 1;
  });
}
