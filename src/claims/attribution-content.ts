/**
 * What is reported: quotations in the text and the content span of a report (a quote, the clause after the
 * cue, or the clause before a post-posed speaker), and whether it is direct speech.
 */
import type { Span } from '../core/span.js';
import type { Draft, Ctx } from './attribution-draft.js';

/** Longest quotation taken as one quote; longer runs are unbalanced marks. */
const MAX_QUOTE_CHARS = 2500;

const OPEN_QUOTES = '“"«„';

const CLOSE_QUOTES = '”"»“';

/** Two apostrophes as one quotation mark, as typewriter and newswire archives write them (''Yes,'' he said). */
const DOUBLE_APOSTROPHE = "''";

/** Finds quotations (marks included) in the text: curly pairs, straight pairs, guillemets and '' pairs. */
export function findQuotes(text: string): Span[] {
  const quotes: Span[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" && text.startsWith(DOUBLE_APOSTROPHE, i)) {
      const before = i === 0 ? ' ' : text[i - 1];
      const after = text[i + 2] ?? ' ';
      if (open < 0 && /[\s([{\-—–:]/.test(before) && !/\s/.test(after)) open = i;
      else if (open >= 0 && !/\s/.test(before) && /[\s.,;:!?)\]—–-]|$/.test(after) && i - open <= MAX_QUOTE_CHARS) {
        quotes.push({ start: open, end: i + 2 });
        open = -1;
      }
      i++;
      continue;
    }
    if (open < 0) {
      if (OPEN_QUOTES.includes(ch) && isOpening(text, i)) open = i;
      continue;
    }
    if (i - open > MAX_QUOTE_CHARS) {
      // Too long for one quote: the opening mark was stray; rescan after it.
      i = open;
      open = -1;
      continue;
    }
    if (CLOSE_QUOTES.includes(ch) && isClosing(text, i)) {
      quotes.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  return quotes;
}

function isOpening(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '“' || ch === '«' || ch === '„') return true;
  const before = i === 0 ? ' ' : text[i - 1];
  const after = text[i + 1] ?? ' ';
  return /[\s([{\-—–:]/.test(before) && !/\s/.test(after);
}

function isClosing(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '”' || ch === '»') return true;
  if (ch === '“') return false;
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  return !/\s/.test(before) && /[\s.,;:!?)\]—–-]|$/.test(after);
}

/** Content from token k to the end of the sentence, or a quote starting there. */
export function contentAfter(ctx: Ctx, k: number): Span | undefined {
  const { tokens, sentence, quotes, text } = ctx;
  const t = tokens[k];
  if (!t) return undefined;
  const quote = quotes.find((q) => q.start === t.start);
  // Quote-only content when the quote runs to the sentence end; otherwise the whole clause.
  if (quote && !/[\p{L}\p{N}]/u.test(text.slice(quote.end, Math.max(quote.end, sentence.end)))) return innerQuote(text, quote);
  if (t.start >= sentence.end) return undefined;
  return trimContent(text, t.start, sentence.end);
}

/** Content before a post-posed speaker: a quote that ends there, or the sentence up to the comma. */
export function contentBefore(ctx: Ctx, end: number): Span | undefined {
  const { text, sentence, quotes } = ctx;
  const gap = /[\s,—–-]*$/.exec(text.slice(Math.max(0, end - 6), end));
  const stop = end - (gap?.[0].length ?? 0);
  const quote = quotes.find((q) => q.end >= stop - 1 && q.end <= end && q.start < stop);
  if (quote) return innerQuote(text, quote);
  if (stop <= sentence.start) return undefined;
  return trimContent(text, sentence.start, stop);
}

/** A quotation opening right after `end` (past spaces and ".:,"), without its marks. */
export function quoteRightAfter(ctx: Ctx, end: number): Span | undefined {
  const rest = ctx.text.slice(end, end + 8);
  const m = /^[\s.:,]*/.exec(rest);
  const at = end + (m?.[0].length ?? 0);
  const quote = ctx.quotes.find((q) => q.start === at);
  return quote ? innerQuote(ctx.text, quote) : undefined;
}

/** A quotation's text without its marks (trimmed). */
export function innerQuote(text: string, quote: Span): Span {
  const open = text.startsWith(DOUBLE_APOSTROPHE, quote.start) ? 2 : 1;
  const close = text.startsWith(DOUBLE_APOSTROPHE, quote.end - 2) ? 2 : 1;
  return trimContent(text, quote.start + open, quote.end - close) ?? { start: quote.start + open, end: quote.end - close };
}

/** The span between `start` and `end` without surrounding spaces, punctuation and quote marks; undefined when empty. */
export function trimContent(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && /[\s,:;]/.test(text[s])) s++;
  while (e > s && /[\s.,:;!?"“”]/.test(text[e - 1])) e--;
  return e > s ? { start: s, end: e } : undefined;
}

/** Direct when the content is (nearly) all one quotation (measured without its marks). */
export function markDirect(ctx: Ctx, draft: Draft): void {
  const c = draft.content;
  if (!c) return;
  draft.direct = ctx.quotes.some((q) => {
    if (!(q.start <= c.start && c.end <= q.end)) return false;
    const inner = innerQuote(ctx.text, q);
    return c.end - c.start >= (inner.end - inner.start) * 0.8;
  });
}

/** Straight quote marks plus the imbalance of curly ones: odd means a quote is left open. */
export function countQuoteMarks(text: string): number {
  const straight = (text.match(/"/g) ?? []).length;
  const open = (text.match(/“/g) ?? []).length;
  const close = (text.match(/”/g) ?? []).length;
  return straight + Math.abs(open - close);
}
