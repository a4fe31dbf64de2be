/**
 * The block model: a logistic regression over every visible block of the page (block-features.ts), trained on WCXB
 * train pages by scripts/train-blocks.ts, that revises the cascade's pick where its page reads as more than one article.
 */
import { blockFeatures, type PickKind } from './block-features.js';
import { BLOCK_MODEL } from './block-model-weights.js';
import type { MainContent } from './main-content.js';
import type { SourceParagraph } from './paragraph.js';

const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();

/** Characters of main text scanned in all when matching page blocks to the pick (as leftOutBlocks bounds it). */
const MAX_MATCH_SCAN_CHARS = 200_000_000;

/** Which page blocks the cascade's paragraphs hold (equal text, or text inside one of them). */
export function blocksInMain(pageBlocks: readonly SourceParagraph[], main: readonly SourceParagraph[]): boolean[] {
  const paragraphs = new Set(main.map((p) => norm(p.text)));
  const joined = [...paragraphs].join(' ');
  let scan = MAX_MATCH_SCAN_CHARS;
  return pageBlocks.map((b) => {
    const t = norm(b.text);
    if (!t) return false;
    if (paragraphs.has(t)) return true;
    if (scan <= 0) return false;
    scan -= joined.length;
    return joined.includes(t);
  });
}

/** How the cascade found its pick, as the model sees it. */
export function pickKind(content: MainContent): PickKind {
  return content.attempt === '1:readability' ? 'readability' : content.attempt === '1:readability-widened' ? 'widened' : 'fallback';
}

/** Probability that each page block is main text. */
export function blockProbabilities(pageBlocks: readonly SourceParagraph[], content: MainContent): number[] {
  const rows = blockFeatures(pageBlocks, blocksInMain(pageBlocks, content.paragraphs), pickKind(content));
  const { mean, scale, weights } = BLOCK_MODEL;
  return rows.map((row) => {
    let z = weights[0];
    for (let j = 0; j < row.length; j++) z += (weights[j + 1] * (row[j] - mean[j])) / scale[j];
    return 1 / (1 + Math.exp(-z));
  });
}

/** Probability from which a block is main text (tuned on WCXB train). */
export const MAIN_BLOCK_PROBABILITY = 0.4;
/** The model's blocks replace the cascade's pick when they hold this many times its text (tuned on WCXB train). */
export const MODEL_GAIN_RATIO = 1.2;
/** A pick shorter than this (chars) is replaced by any longer choice of the model. */
const SHORT_PICK_CHARS = 250;

/**
 * The cascade's content, or the page blocks the model keeps when they hold clearly more text than the pick
 * (trafilatura's comparison of its own result with a fallback extractor's) and the page does not declare itself an
 * article: pages made of many blocks, such as threads, shop pages and listings, where the cascade keeps one section.
 */
export function applyBlockModel(content: MainContent, pageBlocks: readonly SourceParagraph[], declaresArticle: boolean): MainContent {
  // A page that says it is one article keeps the cascade's pick: the model's extra blocks there are comments and teasers.
  if (declaresArticle || !BLOCK_MODEL.weights.length || !pageBlocks.length) return content;
  const probs = blockProbabilities(pageBlocks, content);
  const chosen = pageBlocks.filter((_, i) => probs[i] > MAIN_BLOCK_PROBABILITY);
  const chars = chosen.reduce((a, p) => a + p.text.length, 0);
  const pickChars = content.paragraphs.reduce((a, p) => a + p.text.length, 0);
  if (chars <= pickChars * MODEL_GAIN_RATIO && !(pickChars < SHORT_PICK_CHARS && chars > pickChars)) return content;
  let offset = 0;
  const paragraphs = chosen.map((p, i) => {
    if (i) offset += 2;
    const q: SourceParagraph = { ...p, start: offset, end: offset + p.text.length };
    delete q.marks;
    offset = q.end;
    return q;
  });
  return { attempt: '8:block-model', paragraphs, why: `${content.attempt} found ${pickChars} chars; the block model keeps ${chars} in ${chosen.length} blocks` };
}
