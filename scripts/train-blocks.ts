/**
 * Trains the block model (src/extract/block-model.ts) on WCXB train pages: every visible block of a page is labelled
 * main text when its words run inside the gold text, and a logistic regression over block-features.ts is fitted.
 * Pages are read once into a cache (the cascade is the slow part); fitting and scoring run from it.
 * Usage: npm run train:blocks -- [--cache FILE] [--wceb-dir D] [--write] [--dev] [--no-fit] [--l2 X] [--epochs N]
 *   --write  writes src/extract/block-model-weights.ts;  --no-fit  scores the shipped weights;  --dev  also scores the dev split (report once, never tune on it)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { blockFeatures, FEATURE_NAMES } from '../src/extract/block-features.js';
import { blocksInMain, chooseBlocks, MAIN_BLOCK_PROBABILITY, MODEL_GAIN_RATIO, pickKind } from '../src/extract/block-model.js';
import { BLOCK_MODEL } from '../src/extract/block-model-weights.js';
import { resolveBudget } from '../src/extract/budget.js';
import { isListing, readHtmlPage } from '../src/extract/extract.js';
import type { ContentAttempt } from '../src/extract/main-content.js';
import type { SourceParagraph } from '../src/extract/paragraph.js';
import { tokenizeWords } from '../src/extract/shingle-metric.js';
import { filterBoilerplate } from '../src/extract/boilerplate.js';
import { rejoinParagraphs } from '../src/extract/rejoin.js';
import { meanWordScores, scoreWords, type WordScore } from '../src/extract/word-metric.js';
import { loadWceb, WCEB_DIR } from './extract-sets.js';
import { fitLogistic } from './logistic.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const WEIGHTS_FILE = path.resolve(here, '../src/extract/block-model-weights.ts');

/** One page as cached: its blocks, the cascade's pick and the gold. */
export interface CachedPage {
  id: string;
  kind: string;
  split: 'train' | 'dev';
  gold: string;
  with: string[];
  without: string[];
  attempt: ContentAttempt;
  declaresArticle: boolean;
  blocks: SourceParagraph[];
  main: SourceParagraph[];
}

function buildCache(dir: string, file: string): CachedPage[] {
  const pages: CachedPage[] = [];
  const all = [...loadWceb(dir, 'train').map((p) => ({ ...p, split: 'train' as const })), ...loadWceb(dir, 'dev').map((p) => ({ ...p, split: 'dev' as const }))];
  for (const [i, page] of all.entries()) {
    try {
      const read = readHtmlPage({ input: page.id, url: page.url, format: 'html', body: page.html, fetchedAt: '1970-01-01T00:00:00.000Z' }, resolveBudget());
      pages.push({ id: page.id, kind: page.kind, split: page.split, gold: page.gold, with: page.with, without: page.without, attempt: read.content.attempt, declaresArticle: read.declaresArticle, blocks: read.pageBlocks, main: read.content.paragraphs });
    } catch {
      pages.push({ id: page.id, kind: page.kind, split: page.split, gold: page.gold, with: page.with, without: page.without, attempt: '7:whole-body', declaresArticle: false, blocks: [], main: [] });
    }
    if (i % 100 === 0) console.error(`read ${i}/${all.length}`);
  }
  writeFileSync(file, gzipSync(JSON.stringify(pages)));
  return pages;
}

/** Block i is main text when its word sequence occurs in the gold's (blocks of one word need an exact gold line). */
export function labelBlocks(blocks: readonly SourceParagraph[], gold: string): boolean[] {
  const goldSeq = ` ${tokenizeWords(gold.toLowerCase()).join(' ')} `;
  const goldLines = new Set(gold.split('\n').map((l) => tokenizeWords(l.toLowerCase()).join(' ')).filter(Boolean));
  return blocks.map((b) => {
    const toks = tokenizeWords(b.text.toLowerCase());
    if (!toks.length) return false;
    const seq = toks.join(' ');
    return toks.length < 2 ? goldLines.has(seq) : goldSeq.includes(` ${seq} `);
  });
}

function main(): void {
  const { values: args } = parseArgs({
    options: {
      cache: { type: 'string', default: '/tmp/triangulate-blocks-cache.json.gz' },
      'wceb-dir': { type: 'string', default: WCEB_DIR },
      write: { type: 'boolean', default: false },
      dev: { type: 'boolean', default: false },
      l2: { type: 'string', default: '0.001' },
      epochs: { type: 'string', default: '200' },
      'no-fit': { type: 'boolean', default: false },
    },
  });
  const file = args.cache;
  const pages: CachedPage[] = existsSync(file) ? JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) : buildCache(args['wceb-dir'], file);
  const train = pages.filter((p) => p.split === 'train');
  const { weights, scale } = args['no-fit'] ? BLOCK_MODEL : fit(train, args);
  const prob = (page: CachedPage) => {
    const rows = blockFeatures(page.blocks, blocksInMain(page.blocks, page.main), pickKind({ attempt: page.attempt, paragraphs: page.main, why: '' }));
    return rows.map((row) => {
      let z = weights[0];
      for (let j = 0; j < row.length; j++) z += (weights[j + 1] * row[j]) / scale[j];
      return 1 / (1 + Math.exp(-z));
    });
  };
  report('train', train, prob);
  if (args.dev) report('dev', pages.filter((p) => p.split === 'dev'), prob);
}

function fit(train: readonly CachedPage[], args: { l2: string; epochs: string; write: boolean }): { weights: number[]; scale: number[] } {
  const x: number[][] = [];
  const y: number[] = [];
  const w: number[] = [];
  for (const page of train) {
    if (!page.blocks.length) continue;
    const labels = labelBlocks(page.blocks, page.gold);
    const rows = blockFeatures(page.blocks, blocksInMain(page.blocks, page.main), pickKind({ attempt: page.attempt, paragraphs: page.main, why: '' }));
    const total = page.blocks.reduce((s, b) => s + b.text.length, 0) || 1;
    rows.forEach((row, i) => {
      x.push(row);
      y.push(labels[i] ? 1 : 0);
      // Each page weighs the same, as the metric averages pages; within it, blocks by their share of its text.
      w.push(0.5 / page.blocks.length + (0.5 * page.blocks[i].text.length) / total);
    });
  }
  console.error(`fitting on ${x.length} blocks of ${train.length} pages, ${FEATURE_NAMES.length} features`);
  const model = fitLogistic(x, y, ['other', 'main'], [...FEATURE_NAMES], { rowWeights: w, epochs: Number(args.epochs), l2: Number(args.l2) });
  const weights = model.weights[1].map((v, j) => Math.round((v - model.weights[0][j]) * 1e5) / 1e5);
  const ranked = FEATURE_NAMES.map((f, j) => [f, weights[j + 1] / model.scale[j]] as const).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  console.error(ranked.slice(0, 30).map(([f, v]) => `${f} ${v.toFixed(2)}`).join(', '));
  if (args.write) {
    const body = JSON.stringify({ features: FEATURE_NAMES, mean: model.mean, scale: model.scale, weights });
    writeFileSync(WEIGHTS_FILE, `/** Generated by scripts/train-blocks.ts from WCXB train pages (${train.length}; WCXB is CC BY 4.0, (c) 2026 Murrough Foley): weights only, do not edit by hand. */\nexport const BLOCK_MODEL: { features: string[]; mean: number[]; scale: number[]; weights: number[] } = ${body};\n`);
    console.error(`wrote ${WEIGHTS_FILE}`);
  }
  return { weights, scale: model.scale };
}

/** Text the extractor would output for these paragraphs (rejoin + boilerplate filter). */
function finish(paragraphs: readonly SourceParagraph[], skipRules: readonly string[] = [], listing = false): string {
  let offset = 0;
  const re = paragraphs.map((p, i) => {
    if (i) offset += 2;
    const q = { ...p, start: offset, end: offset + p.text.length };
    offset = q.end;
    return q;
  });
  return filterBoilerplate(rejoinParagraphs(re).paragraphs, { html: true, skipRules, listing }).kept.map((p) => p.text).join('\n\n');
}

function report(name: string, pages: readonly CachedPage[], prob: (p: CachedPage) => number[]): void {
  const strategies = new Map<string, (page: CachedPage, probs: number[]) => string>();
  strategies.set('cascade', (page) => finish(page.main));
  // The shipped rule (block-model.ts, extract.ts) and its neighbours.
  for (const [t, gain] of [[MAIN_BLOCK_PROBABILITY, MODEL_GAIN_RATIO], [0.3, MODEL_GAIN_RATIO], [0.5, MODEL_GAIN_RATIO], [MAIN_BLOCK_PROBABILITY, 1.5]]) {
    strategies.set(`model p>${t} gain ${gain}`, (page, probs) => {
      const content = chooseBlocks({ attempt: page.attempt, paragraphs: page.main, why: '' }, page.blocks, page.declaresArticle, probs, t, gain);
      return finish(content.paragraphs, content.attempt === '8:block-model' ? ['link-list', 'publisher-bio'] : [], isListing(content.paragraphs, page.declaresArticle));
    });
  }
  const scores = new Map<string, { all: WordScore[]; byKind: Map<string, WordScore[]> }>();
  for (const page of pages) {
    const probs = page.blocks.length ? prob(page) : [];
    for (const [key, run] of strategies) {
      const s = scoreWords(page.gold, run(page, probs), page.with, page.without);
      const entry = scores.get(key) ?? { all: [] as WordScore[], byKind: new Map<string, WordScore[]>() };
      scores.set(key, entry);
      entry.all.push(s);
      entry.byKind.set(page.kind, [...(entry.byKind.get(page.kind) ?? []), s]);
    }
  }
  for (const [key, { all, byKind }] of scores) {
    const m = meanWordScores(all);
    const kinds = [...byKind].sort().map(([k, v]) => `${k.slice(0, 5)} ${meanWordScores(v).f1.toFixed(3)}`).join(' ');
    console.log(`${name} ${key.padEnd(22)} F1 ${m.f1.toFixed(3)} P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} with ${m.withRate.toFixed(3)} without ${m.withoutRate.toFixed(3)} | ${kinds}`);
  }
}

main();
