/** Tense cues around a date: which side of the publication date a bare weekday or month falls on. */
import { CLAUSE_AFTER_DATE, FUTURE_CUES, PAST_CUES } from './lexicon/dates.js';
import type { Tense } from './dates-calendar.js';

/** Characters either side of a mention searched for tense cues when no sentence bounds are given. */
export const TENSE_WINDOW_CHARS = 120;

/** Sentence-ish window around a span: from the previous boundary to the next one. */
function clauseAround(text: string, start: number, end: number): { start: number; end: number } {
  const lo = Math.max(0, start - TENSE_WINDOW_CHARS);
  const hi = Math.min(text.length, end + TENSE_WINDOW_CHARS);
  const before = text.slice(lo, start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('? '), before.lastIndexOf('! '));
  const after = text.slice(end, hi);
  // A clause that follows the date has its own verb ("move on Friday as the focus shifted").
  const stop = after.search(CLAUSE_AFTER_DATE);
  return { start: cut >= 0 ? lo + cut + 1 : lo, end: stop >= 0 ? end + stop : hi };
}

/** The tense of the verb nearest to a span within its clause; past when nothing marks it (news default). */
export function tenseAround(text: string, start: number, end: number): Tense {
  return markedTense(text, start, end) ?? 'past';
}

/** The tense a cue in the clause marks, or undefined when no cue is there. */
export function markedTense(text: string, start: number, end: number): Tense | undefined {
  const clause = clauseAround(text, start, end);
  const slice = text.slice(clause.start, clause.end);
  let best: { distance: number; tense: Tense } | undefined;
  for (const [re, tense] of [
    [FUTURE_CUES, 'future'],
    [PAST_CUES, 'past'],
  ] as const) {
    for (const m of slice.matchAll(re)) {
      const s = clause.start + m.index!;
      const e = s + m[0].length;
      if (s < end && start < e) continue; // a cue inside the date itself ("last", "next") is not context
      const distance = e <= start ? start - e : s - end;
      // Future cues win ties: "expected" would also read as a past "-ed" form.
      if (!best || distance < best.distance || (distance === best.distance && tense === 'future')) best = { distance, tense };
    }
  }
  return best?.tense;
}
