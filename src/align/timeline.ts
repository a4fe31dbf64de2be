/**
 * A story's timeline: its dated events (claims with a resolved date, copies folded together) and the
 * day each value of each proposition first appeared.
 */
import type { Article } from '../core/article.js';
import { excerpt } from '../core/excerpt.js';
import type { DateMention } from '../claims/types.js';
import type { ExportProposition, TimelineEntry } from '../report/export-schema.js';

/** Longest event text kept on the timeline, in characters. */
const TIMELINE_TEXT_CHARS = 200;

/** Builds the timeline of one story from its articles and propositions, sorted by date. */
export function buildTimeline(articles: readonly Article[], propositions: readonly ExportProposition[], unsupported: ReadonlySet<string>): TimelineEntry[] {
  const events = new Map<string, TimelineEntry>();
  for (const article of articles) {
    const dates = (article.layers.date ?? []) as DateMention[];
    for (const claim of article.layers.claim ?? []) {
      const d = claim.date === undefined ? undefined : dates[claim.date];
      if (!d?.from || !d.resolved || claim.opinion || unsupported.has(claim.id)) continue;
      const text = excerpt(article.text.slice(claim.start, claim.end), TIMELINE_TEXT_CHARS);
      // Copies of one sentence are one event, listed once with every claim that states it.
      const key = `${d.from}\u0000${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')}`;
      const entry = events.get(key);
      if (entry) {
        entry.claims.push(claim.id);
        if (!entry.articles.includes(article.id)) entry.articles.push(article.id);
        continue;
      }
      events.set(key, { date: d.from, ...(d.to && d.to !== d.from ? { end: d.to } : {}), kind: 'event', text, claims: [claim.id], articles: [article.id] });
    }
  }
  const entries: TimelineEntry[] = [...events.values()];
  for (const p of propositions) {
    for (const v of p.values) {
      if (!v.firstSeen) continue;
      const articleIds = [...new Set(p.trajectory.filter((t) => v.claims.includes(t.claim)).map((t) => t.article))];
      entries.push({ date: v.firstSeen, kind: 'figure', text: `${p.label}: ${v.text} (${v.speakers.join('; ')})`, claims: v.claims, articles: articleIds, proposition: p.id });
    }
  }
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind.localeCompare(b.kind)));
}
