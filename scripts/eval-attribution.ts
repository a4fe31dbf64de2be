/**
 * Attribution evaluation on the PolNeAR dev split (brat standoff): source, cue and content span
 * F1, exact and token-overlap. Runnable alone (`tsx scripts/eval-attribution.ts`) or via eval-claims.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeArticle } from '../src/core/article.js';
import type { Span } from '../src/core/span.js';
import { extractAttributions } from '../src/claims/attributions.js';
import { segmentSentences } from '../src/segment/sentences.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const POLNEAR_DEV = path.resolve(HERE, '../../shared/data/polnear/data/dev');
/** Token-wise Krippendorff's alpha between PolNeAR annotators, from the corpus README. */
const ANNOTATOR_ALPHA = 0.754;

type Role = 'Source' | 'Cue' | 'Content';
const ROLES: Role[] = ['Source', 'Cue', 'Content'];

interface Counts {
  exactTp: number;
  overlapTp: number;
  pred: number;
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

function score(text: string, gold: Span[][], pred: Span[][], counts: Counts): void {
  const key = (p: Span[]) => p.map((s) => `${s.start}-${s.end}`).join(';');
  const goldKeys = new Set(gold.map(key));
  counts.exactTp += new Set(pred.map(key).filter((k) => goldKeys.has(k))).size;
  const used = new Set<number>();
  for (const p of pred) {
    const hit = gold.findIndex((g, i) => !used.has(i) && g.some((a) => p.some((b) => a.start < b.end && b.start < a.end)));
    if (hit >= 0) {
      used.add(hit);
      counts.overlapTp++;
    }
  }
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

/** Scores the attribution extractor on PolNeAR dev; returns printable lines. */
export async function evalAttribution(): Promise<string[]> {
  const textDir = path.join(POLNEAR_DEV, 'text');
  const annDir = path.join(POLNEAR_DEV, 'attributions');
  if (!existsSync(textDir) || !existsSync(annDir)) throw new Error(`PolNeAR dev split missing at ${POLNEAR_DEV}`);
  // One annotation per article: the first annotator file in name order.
  const annByArticle = new Map<string, string>();
  for (const file of readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort()) {
    const article = file.replace(/_[^_]+\.ann$/, '');
    if (!annByArticle.has(article)) annByArticle.set(article, file);
  }
  const counts = Object.fromEntries(
    ROLES.map((r) => [r, { exactTp: 0, overlapTp: 0, pred: 0, gold: 0, tokTp: 0, tokPred: 0, tokGold: 0 }]),
  ) as Record<Role, Counts>;
  let articles = 0;
  const started = Date.now();
  for (const [name, annFile] of annByArticle) {
    const textPath = path.join(textDir, `${name}.txt`);
    if (!existsSync(textPath)) continue;
    const text = readFileSync(textPath, 'utf8');
    const gold = parseBrat(readFileSync(path.join(annDir, annFile), 'utf8'));
    const article = makeArticle({ text, layers: { sentence: segmentSentences(text) } });
    const mentions = extractAttributions(article);
    const pred: Record<Role, Span[][]> = {
      Source: mentions.filter((m) => m.speaker).map((m) => [m.speaker!]),
      Cue: mentions.map((m) => [m.cue]),
      Content: mentions.filter((m) => m.content).map((m) => [m.content!]),
    };
    for (const role of ROLES) score(text, gold[role], pred[role], counts[role]);
    articles++;
  }
  const lines = [`attribution (PolNeAR dev, ${articles} articles, ${((Date.now() - started) / 1000).toFixed(1)} s; annotator agreement α ${ANNOTATOR_ALPHA}, no published model baseline)`];
  for (const role of ROLES) {
    const c = counts[role];
    const exact = f1(c.exactTp, c.pred, c.gold);
    const overlap = f1(c.overlapTp, c.pred, c.gold);
    const token = f1(c.tokTp, c.tokPred, c.tokGold);
    lines.push(
      `  ${role.padEnd(8)} exact P ${pct(exact.p)} R ${pct(exact.r)} F1 ${pct(exact.f)} · overlap P ${pct(overlap.p)} R ${pct(overlap.r)} F1 ${pct(overlap.f)} · token F1 ${pct(token.f)} (gold ${c.gold}, predicted ${c.pred})`,
    );
  }
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  evalAttribution().then(
    (lines) => console.log(lines.join('\n')),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
