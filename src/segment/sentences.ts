/**
 * Rule-based sentence segmentation for news text: paragraphs first, then line breaks that end
 * headlines or list items, then terminal punctuation checked against an abbreviation lexicon.
 */
import { z } from 'zod';
import type { Article } from '../core/article.js';
import type { Stage } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import type { Span } from '../core/span.js';
import {
  AMBIGUOUS_ABBREVIATIONS,
  CLOSERS,
  NUMBERING_ABBREVIATIONS,
  OPENERS,
  SENTENCE_STARTERS,
  TITLE_ABBREVIATIONS,
} from './abbreviations.js';
import { segmentParagraphs, trimSpan } from './paragraphs.js';

/** Lines of a hard-wrapped paragraph are at least this long (except the last one). */
const WRAP_MIN_LINE_CHARS = 30;
/** …and at most this long. */
const WRAP_MAX_LINE_CHARS = 100;
/** …and their lengths differ by at most this much. */
const WRAP_MAX_SPREAD_CHARS = 30;

// Terminal punctuation run, then closing quotes/brackets, then whitespace or the end.
const TERMINATOR = new RegExp(`(\\.{2,}|[.!?…]+)([${escapeClass(CLOSERS)}]*)(?=\\s|$)`, 'g');
const LIST_ITEM = /^[^\S\n]*(?:[-*•·▪◦–—]|\d{1,3}[.)]|[a-z][.)])\s/;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\d/;
const WORD_BEFORE_PERIOD = /([\p{L}][\p{L}.'’-]*)\.$/u;

/**
 * Splits text into sentence spans. Paragraphs (blank-line separated) are split first unless
 * given; a sentence crosses a paragraph break only when the break follows a title or a
 * month/number abbreviation ("on Nov.\n\n1,").
 * @example segmentSentences('Lt. Gen. Budanov spoke. He said so.') // two spans
 */
export function segmentSentences(text: string, paragraphs?: Span[]): Span[] {
  const paras = paragraphs ?? segmentParagraphs(text);
  const out: Span[] = [];
  for (const para of paras) {
    const sentences = splitParagraph(text, para);
    if (!sentences.length) continue;
    const prev = out[out.length - 1];
    if (prev && continuesAcrossBreak(text, prev, sentences[0])) {
      prev.end = sentences[0].end;
      sentences.shift();
    }
    out.push(...sentences);
  }
  return out;
}

function splitParagraph(text: string, para: Span): Span[] {
  const cuts = new Set<number>();
  for (const cut of lineBreakCuts(text, para)) cuts.add(cut);
  const body = text.slice(para.start, para.end);
  for (const match of body.matchAll(TERMINATOR)) {
    const termStart = para.start + match.index;
    const termEnd = termStart + match[0].length;
    const next = skipSpace(text, termEnd, para.end);
    if (next >= para.end) continue;
    if (isBoundary(text, termStart, termStart + match[1].length, termEnd, next)) cuts.add(termEnd);
  }
  const spans: Span[] = [];
  let from = para.start;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const span = trimSpan(text, from, cut);
    if (span) spans.push(span);
    from = cut;
  }
  const last = trimSpan(text, from, para.end);
  if (last) spans.push(last);
  return spans;
}

/** Offsets of line breaks inside a paragraph that end a headline, caption or list item. */
function lineBreakCuts(text: string, para: Span): number[] {
  const body = text.slice(para.start, para.end);
  if (!body.includes('\n')) return [];
  const lines = body.split('\n');
  const wrapped = isHardWrapped(lines);
  const cuts: number[] = [];
  let offset = para.start;
  for (let i = 0; i < lines.length - 1; i++) {
    offset += lines[i].length + 1;
    const line = lines[i].trimEnd();
    const nextLine = lines[i + 1];
    const nextChar = nextLine.trimStart()[0] ?? '';
    if (LIST_ITEM.test(nextLine)) cuts.push(offset);
    else if (/[.!?…:;]['"”’»)\]]*$/.test(line)) continue; // the punctuation rule decides
    else if (wrapped || LOWER.test(nextChar) || /[,\-–—(]$/.test(line)) continue; // a wrapped line
    else cuts.push(offset);
  }
  return cuts;
}

// Hard-wrapped prose has many lines of similar medium length; headlines and captions do not.
function isHardWrapped(lines: string[]): boolean {
  const body = lines.slice(0, -1).map((l) => l.trim().length);
  if (body.length < 2) return false;
  const min = Math.min(...body);
  const max = Math.max(...body);
  return min >= WRAP_MIN_LINE_CHARS && max <= WRAP_MAX_LINE_CHARS && max - min <= WRAP_MAX_SPREAD_CHARS;
}

/**
 * Decides whether the terminator text[termStart, termEnd) (punctuation ending at punctEnd, then
 * closers) ends a sentence, given the next non-space character at `next`.
 */
function isBoundary(text: string, termStart: number, punctEnd: number, termEnd: number, next: number): boolean {
  const c = text[next];
  const startsLikeSentence = UPPER.test(c) || DIGIT.test(c) || OPENERS.includes(c);
  const punct = text.slice(termStart, punctEnd);
  const closed = termEnd > punctEnd;
  if (punct !== '.' || closed) return startsLikeSentence;
  const word = WORD_BEFORE_PERIOD.exec(text.slice(Math.max(0, termStart - 40), termStart + 1))?.[1];
  if (!word) return startsLikeSentence;
  const key = word.toLowerCase();
  if (TITLE_ABBREVIATIONS.has(key)) return false;
  if (NUMBERING_ABBREVIATIONS.has(key) && DIGIT.test(c)) return false;
  if (!startsLikeSentence) return false;
  const ambiguous =
    AMBIGUOUS_ABBREVIATIONS.has(key) ||
    /^\p{Lu}$/u.test(word) || // an initial ("George W. Bush")
    /^(\p{L}\.)+\p{L}$/u.test(word); // a dotted acronym ("U.S.", "a.m.")
  if (!ambiguous) return true;
  return OPENERS.includes(c) || SENTENCE_STARTERS.has(nextWord(text, next));
}

// A paragraph break is no boundary after "Gen." or before the number of "Nov.\n\n1".
function continuesAcrossBreak(text: string, prev: Span, first: Span): boolean {
  const word = WORD_BEFORE_PERIOD.exec(text.slice(Math.max(prev.start, prev.end - 40), prev.end))?.[1];
  if (!word) return false;
  const key = word.toLowerCase();
  if (TITLE_ABBREVIATIONS.has(key)) return true;
  return NUMBERING_ABBREVIATIONS.has(key) && DIGIT.test(text[first.start]);
}

function nextWord(text: string, at: number): string {
  const m = /^[\p{L}'’]+/u.exec(text.slice(at, at + 40));
  return m ? m[0].toLowerCase() : '';
}

function skipSpace(text: string, at: number, end: number): number {
  while (at < end && /\s/.test(text[at])) at++;
  return at;
}

function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}

/** Options of the `segment/sentences` stage. */
export interface SentencesOptions {
  /** Keep paragraph spans already on the article instead of recomputing them. */
  reuseParagraphs?: boolean;
}

/** Builds the `segment/sentences` stage: fills `layers.paragraph` (if absent) and `layers.sentence`. */
export function createSentencesStage(options: SentencesOptions = {}): Stage {
  const reuse = options.reuseParagraphs ?? true;
  return {
    name: 'segment/sentences',
    requires: ['text'],
    produces: ['layers.paragraph', 'layers.sentence'],
    run(article: Article): Article {
      const paragraphs =
        reuse && article.layers.paragraph?.length ? article.layers.paragraph : segmentParagraphs(article.text);
      article.layers.paragraph = paragraphs;
      article.layers.sentence = segmentSentences(article.text, paragraphs);
      return article;
    },
  };
}

/** Default `segment/sentences` stage. */
export const sentencesStage: Stage = createSentencesStage();

const sentencesOptionsSchema = z.object({ reuseParagraphs: z.boolean().default(true) });

/** Registry factory for `segment/sentences`. */
export const sentencesFactory: StageFactory<typeof sentencesOptionsSchema> = {
  name: 'segment/sentences',
  version: 1,
  options: sentencesOptionsSchema,
  create: (options) => createSentencesStage(options),
};
