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
export const MAIN_BLOCK_PROBABILITY = 0.3;
/** The model's blocks replace the cascade's pick when they hold this many times its text (tuned on WCXB train). */
export const MODEL_GAIN_RATIO = 1.2;
/** A pick shorter than this (chars) is replaced by any longer choice of the model. */
const SHORT_PICK_CHARS = 250;

/** Longest line (words) of the cascade's pick that the model may take out (tuned on WCXB train). */
export const MAX_PRUNED_WORDS = 10;

/** Words, each Han, kana or Thai character counting as one: those scripts write a sentence without spaces. */
const WORD_OR_CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}])[\p{L}\p{N}])+/gu;
const wordCount = (text: string) => text.match(WORD_OR_CJK_RE)?.length ?? 0;

/**
 * The paragraphs of `content`, each marked `modelMain` when the page block of the same text scores as main text. With
 * `prune`, a short line the model reads as not main text is taken out (a button label, a forum's member stats, a
 * "Sign in" line inside the picked element), as trafilatura prunes furniture inside its pick; a paragraph no page block
 * matches is kept.
 */
function markModelMain(content: MainContent, pageBlocks: readonly SourceParagraph[], probs: readonly number[], threshold: number, prune = false): MainContent {
  const best = new Map<string, number>();
  pageBlocks.forEach((b, i) => {
    const t = norm(b.text);
    best.set(t, Math.max(best.get(t) ?? 0, probs[i]));
  });
  const paragraphs: SourceParagraph[] = [];
  for (const p of content.paragraphs) {
    const prob = best.get(norm(p.text));
    if (prob !== undefined && prob > threshold) paragraphs.push({ ...p, modelMain: true });
    else if (!(prune && prob !== undefined && wordCount(p.text) <= MAX_PRUNED_WORDS)) paragraphs.push(p);
  }
  // Offsets point into the pre-filter text, which is now the kept paragraphs joined.
  return { ...content, paragraphs: paragraphs.length < content.paragraphs.length ? renumber(paragraphs) : paragraphs };
}

/** The paragraphs with offsets into their own text joined by a blank line. */
function renumber(paragraphs: readonly SourceParagraph[]): SourceParagraph[] {
  let offset = 0;
  return paragraphs.map((p, i) => {
    if (i) offset += 2;
    const q: SourceParagraph = { ...p, start: offset, end: offset + p.text.length };
    offset = q.end;
    return q;
  });
}

/**
 * The cascade's content, or the page blocks the model keeps when they hold clearly more text than the pick
 * (trafilatura's comparison of its own result with a fallback extractor's) and the page does not declare itself an
 * article: pages made of many blocks, such as threads, shop pages and listings, where the cascade keeps one section.
 * Either way each paragraph the model reads as main text is marked `modelMain`, so the filter's link-list rule,
 * which the model already weighed, leaves the linked list items and headings of a listing.
 */
export function applyBlockModel(content: MainContent, pageBlocks: readonly SourceParagraph[], declaresArticle: boolean): MainContent {
  if (!BLOCK_MODEL.weights.length || !pageBlocks.length) return content;
  return chooseBlocks(content, pageBlocks, declaresArticle, blockProbabilities(pageBlocks, content));
}

/** {@link applyBlockModel} with the blocks' probabilities given (scripts/train-blocks.ts scores weights it is fitting). */
export function chooseBlocks(content: MainContent, pageBlocks: readonly SourceParagraph[], declaresArticle: boolean, probs: readonly number[], threshold = MAIN_BLOCK_PROBABILITY, gain = MODEL_GAIN_RATIO): MainContent {
  // A page that says it is one article keeps the cascade's pick: the model's extra blocks there are comments and teasers.
  if (declaresArticle) return markModelMain(content, pageBlocks, probs, threshold);
  const chosen = pageBlocks.filter((_, i) => probs[i] > threshold);
  const chars = chosen.reduce((a, p) => a + p.text.length, 0);
  const pickChars = content.paragraphs.reduce((a, p) => a + p.text.length, 0);
  // Not a declared article: the model also takes short furniture lines out of the pick it keeps (a news page's short lines are left alone).
  if (chars <= pickChars * gain && !(pickChars < SHORT_PICK_CHARS && chars > pickChars)) return markModelMain(content, pageBlocks, probs, threshold, true);
  const paragraphs = renumber(chosen).map((p) => {
    const q: SourceParagraph = { ...p, modelMain: true };
    delete q.marks;
    return q;
  });
  return { attempt: '8:block-model', paragraphs, why: `${content.attempt} found ${pickChars} chars; the block model keeps ${chars} in ${chosen.length} blocks` };
}
