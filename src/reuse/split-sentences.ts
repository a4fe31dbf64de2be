/**
 * Minimal sentence splitter used when `layers.sentence` is absent. Kept internal to reuse detection:
 * it only needs stable, roughly sentence-sized units to align, not linguistically perfect boundaries.
 */
import type { Span } from '../core/span.js';

/** Abbreviations after which a period does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen lt col maj capt sgt st jr sr inc ltd co corp vs etc no nov dec jan feb mar apr jun jul aug sep sept oct u.s u.k e.g i.e gov sen rep adm cmdr'.split(' '),
);
const MIN_SENTENCE_CHARS = 2;

/** Splits text into sentence spans at ., !, ?, CJK stops and line breaks, keeping abbreviations inside. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const boundary = /[.!?。！？]+["'”’»)\]]*(?=\s|$)|[。！？]|\n+/g;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = (m.index ?? 0) + m[0].length;
    if (m[0][0] === '.') {
      const before = text.slice(Math.max(start, (m.index ?? 0) - 8), m.index).match(/([\p{L}.]+)$/u)?.[1]?.toLowerCase();
      const next = text.slice(end).match(/^\s*(\S)/)?.[1] ?? '';
      // "Lt. Gen. Budanov", "Nov. 1": an abbreviation followed by a capital or digit continues the sentence.
      if (before && (ABBREVIATIONS.has(before.replace(/\.$/, '')) || /^\p{L}$/u.test(before)) && /[\p{Lu}\d]/u.test(next)) continue;
    }
    pushTrimmed(text, start, end, spans);
    start = end;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, spans: Span[]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end - start >= MIN_SENTENCE_CHARS) spans.push({ start, end });
}
