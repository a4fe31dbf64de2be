/**
 * Paragraph segmentation: cleaned text joins paragraphs with blank lines, so a paragraph is a
 * maximal run of text between blank lines, trimmed of surrounding whitespace.
 */
import type { Span } from '../core/span.js';

// A line holding only whitespace (incl. no-break spaces left by extraction) separates paragraphs.
const BLANK_LINE = /\n[^\S\n]*\n/g;

/** Splits text into paragraph spans at blank lines; spans are trimmed and never empty. */
export function segmentParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    const span = trimSpan(text, start, end);
    if (span) spans.push(span);
  };
  for (const match of text.matchAll(BLANK_LINE)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return spans;
}

/** Shrinks [start, end) to exclude leading and trailing whitespace; undefined when nothing is left. */
export function trimSpan(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}
