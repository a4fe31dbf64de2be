import { NON_FINAL_ABBREVIATIONS } from './boilerplate-rules.js';
import type { SourceParagraph } from './paragraph.js';

const OPEN_END_RE = /[\p{L}\p{N},;\-–—(]$/u;
const ABBREVIATION_END_RE = /(?:^|[\s(])([\p{L}.]{1,6})\.$/u;
// A continuation starts lowercase, or like a date/number carried over ("1," / "2024)").
const CONTINUATION_START_RE = /^(?:[\p{Ll}]|\d[\d.,]*(?:[,)]|\s*["”’]|\s+\p{Ll}))/u;

/** True when paragraph `a` stops mid-sentence and `b` carries on that sentence. */
export function isBrokenPair(a: SourceParagraph, b: SourceParagraph): boolean {
  if (a.heading || b.heading || b.listItem || a.listItem) return false;
  if (!CONTINUATION_START_RE.test(b.text)) return false;
  if (OPEN_END_RE.test(a.text)) return true;
  const abbr = ABBREVIATION_END_RE.exec(a.text);
  return !!abbr && NON_FINAL_ABBREVIATIONS.has(abbr[1].toLowerCase());
}

/** Result of {@link rejoinParagraphs}: the merged list and which input indexes were joined. */
export interface RejoinResult {
  paragraphs: SourceParagraph[];
  /** Each entry is one join: the merged paragraph's offsets in the pre-filter text. */
  joins: Array<{ start: number; end: number }>;
}

/** Rejoins paragraphs broken in the middle of a sentence; the merged one spans both sources. */
export function rejoinParagraphs(paragraphs: readonly SourceParagraph[]): RejoinResult {
  const out: SourceParagraph[] = [];
  const joins: RejoinResult['joins'] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    if (prev && isBrokenPair(prev, p)) {
      const merged: SourceParagraph = { ...prev, text: `${prev.text} ${p.text}`, end: p.end };
      if (prev.linkDensity !== undefined || p.linkDensity !== undefined) {
        const a = prev.text.length;
        const b = p.text.length;
        merged.linkDensity = ((prev.linkDensity ?? 0) * a + (p.linkDensity ?? 0) * b) / Math.max(1, a + b);
      }
      out[out.length - 1] = merged;
      joins.push({ start: merged.start, end: merged.end });
    } else {
      out.push(p);
    }
  }
  return { paragraphs: out, joins };
}
