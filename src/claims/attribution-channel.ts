/**
 * Through whom: the channel or intermediary of a report ("in a statement", "told Reuters", "via Yonhap"),
 * the nearest channel phrase to the cue in its sentence, outside speaker and content.
 */
import { overlaps, type Span } from '../core/span.js';
import {
  CHANNEL_PATTERNS,
} from './lexicon/attribution.js';
import type { Draft } from './attribution-draft.js';

/** Picks the channel phrase nearest the cue in the same sentence, outside speaker and content. */
export function attachChannel(text: string, draft: Draft, quotes: Span[]): void {
  if (draft.via) return;
  const region = { start: Math.max(0, draft.cue.start - 200), end: Math.min(text.length, draft.cue.end + 200) };
  const slice = text.slice(region.start, region.end);
  let best: { span: Span; distance: number } | undefined;
  for (const pattern of CHANNEL_PATTERNS) {
    pattern.lastIndex = 0;
    for (const m of slice.matchAll(pattern)) {
      const groups = m.groups ?? {};
      const part = groups.object ?? groups.whole ?? m[0];
      const offset = region.start + m.index + m[0].lastIndexOf(part);
      const span = { start: offset, end: offset + part.trimEnd().length };
      const whole = { start: region.start + m.index, end: region.start + m.index + m[0].length };
      if (quotes.some((q) => overlaps(q, whole))) continue;
      if (draft.speaker && overlaps(draft.speaker, whole) && !(draft.speaker.end <= whole.start)) continue;
      if (/[.!?]\s/.test(text.slice(Math.min(whole.end, draft.cue.start), Math.max(whole.start, draft.cue.end)))) continue;
      // A channel opening the content ("disclosed in a briefing that …") moves the content after it.
      if (draft.content && whole.start >= draft.cue.end && Math.abs(whole.start - draft.content.start) <= 1 && whole.end < draft.content.end) {
        const rest = /^[\s,]*(?:that\b)?[\s,]*/.exec(text.slice(whole.end))?.[0].length ?? 0;
        draft.content = { start: whole.end + rest, end: draft.content.end };
        draft.via = span;
        return;
      }
      if (draft.content && overlaps(draft.content, whole)) continue;
      const distance = Math.min(Math.abs(whole.start - draft.cue.end), Math.abs(draft.cue.start - whole.end));
      if (!best || distance < best.distance) best = { span, distance };
    }
  }
  if (best) draft.via = best.span;
}
