/**
 * Date extraction: absolute and relative time expressions normalised to ISO days, weeks, months
 * or years against the article's publication date. chrono-node finds most expressions; we fix its
 * choices (bare weekdays and months follow the tense around them; without a tense cue a month is the
 * nearest one), drop its "now" and duration matches, and add rules for years and year ranges, year's end,
 * weeks, quarters, decades, seasons, fiscal years, and references to the time of writing ("now",
 * "currently": the publication day) or an unspecified past or future ("recently", "in the future").
 */
import * as chrono from 'chrono-node';
import { z } from 'zod';
import type { Article } from '../core/article.js';
import { addMessage } from '../core/message.js';
import type { Stage, StageContext } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import { AGO_HEDGE, ANAPHORIC_YEAR, CURRENT_YEAR, YEAR_AGO_ADJECTIVE, DATE_MODIFIERS, DATELINE_LEAD, EARLIER_LATER, EARLIER_LATER_DATES, PUBLISHED_CUES, RELATIVE_WITH_ARTICLE, YEAR_EXPRESSION } from './lexicon/dates.js';
import { isoDay, pad, parseIsoDay } from './dates-calendar.js';
import { fromChrono, toChronoRef } from './dates-chrono.js';
import { findByRules } from './dates-rules.js';
import type { DateMention } from './types.js';

export { WEEKDAY_REPAIR_WINDOW_YEARS, WEEKDAY_YEAR_WINDOW_YEARS, parseIsoDay, resolveWeekday } from './dates-calendar.js';
export { TENSE_WINDOW_CHARS, tenseAround } from './dates-tense.js';
export { MAX_YEAR_RANGE_YEARS } from './dates-rules.js';

declare module '../core/article.js' {
  interface LayerMap {
    date: DateMention;
  }
}

/** How far into a text a dateline or "Published:" line is looked for. */
export const MAX_DATELINE_CHARS = 400;

/** Years written in the text, latest first: the anchor for weekday-pinned years when there is no reference. */
function writtenYears(text: string): number[] {
  const years = new Set<number>();
  for (const m of text.matchAll(YEAR_EXPRESSION)) years.add(+m[1]);
  return [...years].sort((a, b) => b - a);
}

/** Keeps the longest of overlapping mentions, earlier first. */
function dropOverlaps(mentions: DateMention[]): DateMention[] {
  const sorted = [...mentions].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: DateMention[] = [];
  for (const m of sorted) if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Finds date and time expressions and normalises them against `referenceDate` (ISO, the publication date).
 * Without a reference, relative expressions come back `resolved: false` with no `from`/`to`.
 * @example findDates('They arrived on Thursday.', '2024-10-22')[0] // {from: '2024-10-17', grain: 'day'}
 */
export function findDates(text: string, referenceDate?: string): DateMention[] {
  const ref = parseIsoDay(referenceDate);
  const anchors = ref ? [ref.y] : writtenYears(text);
  // Without a reference chrono still needs an instant; values depending on it are marked unresolved.
  const chronoRef = toChronoRef(ref ?? { y: anchors[0] ?? 2000, m: 7, d: 1 });
  const found: DateMention[] = [];
  for (const result of chrono.casual.parse(text, chronoRef, { forwardDate: false })) {
    const mention = fromChrono(text, result, ref, anchors);
    if (mention) found.push(mention);
  }
  // Rules first in the overlap contest only where chrono found nothing longer.
  const mentions = dropOverlaps([...found, ...findByRules(text, ref)].map((m) => withModifiers(text, m)));
  return comparedPeriods(text, dropOverlaps([...mentions, ...anaphoricYears(text, mentions, ref)]));
}

/**
 * "a year ago" / "a year earlier" compares the period the text is about: after a quarter ("net rose in the third
 * quarter … from $3 million a year ago") it is that quarter a year before, as in results reports, not the whole year.
 */
function comparedPeriods(text: string, mentions: DateMention[]): DateMention[] {
  let quarter: DateMention | undefined;
  return mentions.map((m) => {
    if (m.grain === 'month' && m.from && m.to && monthsSpanned(m.from, m.to) === 3) quarter = m;
    if (!quarter || m.start - quarter.end > COMPARED_PERIOD_REACH_CHARS || !COMPARED_YEAR.test(text.slice(m.start, m.end))) return m;
    const back = (iso: string) => `${pad(+iso.slice(0, 4) - 1, 4)}${iso.slice(4)}`;
    return { ...m, from: back(quarter.from!), to: back(quarter.to!), grain: 'month' };
  });
}

/** The year-before phrases that compare the period in hand. */
const COMPARED_YEAR = /^(?:a year (?:ago|earlier)|year-(?:ago|earlier))$/i;

/** How far after a quarter "a year ago" still compares that quarter. */
export const COMPARED_PERIOD_REACH_CHARS = 600;

const monthsSpanned = (from: string, to: string) => (+to.slice(0, 4) - +from.slice(0, 4)) * 12 + +to.slice(5, 7) - +from.slice(5, 7) + 1;

/** "that year", "the following year" (the year of the date written before, moved), "the current year" (the reference's). */
function anaphoricYears(text: string, mentions: DateMention[], ref: ReturnType<typeof parseIsoDay>): DateMention[] {
  const out: DateMention[] = [];
  const year = (y: number, start: number, end: number): DateMention => ({ start, end, from: pad(y, 4), to: pad(y, 4), grain: 'year', resolved: true });
  for (const m of text.matchAll(ANAPHORIC_YEAR)) {
    const start = m.index!;
    const before = mentions.filter((d) => d.end <= start && d.resolved && d.from && !d.ref);
    const anchor = before[before.length - 1];
    if (!anchor) continue;
    const shift = /following/i.test(m[1] ?? '') ? 1 : /previous|preceding/i.test(m[1] ?? '') ? -1 : 0;
    out.push(year(+anchor.from!.slice(0, 4) + shift, start, start + m[0].length));
  }
  if (ref) for (const m of text.matchAll(CURRENT_YEAR)) out.push(year(ref.y, m.index!, m.index! + m[0].length));
  if (ref) for (const m of text.matchAll(YEAR_AGO_ADJECTIVE)) out.push(year(ref.y - 1, m.index!, m.index! + m[0].length));
  return out;
}

/** Extends a mention over the modifiers TimeML counts in its extent: "early 1990", "the end of 1994", "earlier this year", "nearly four years ago". */
function withModifiers(text: string, m: DateMention): DateMention {
  const before = text.slice(Math.max(0, m.start - 25), m.start);
  const surface = text.slice(m.start, m.end);
  const lead = before.match(DATE_MODIFIERS) ?? (EARLIER_LATER_DATES.test(surface) ? before.match(EARLIER_LATER) : null) ?? (/\bago$/i.test(surface) ? before.match(AGO_HEDGE) : null) ?? (RELATIVE_WITH_ARTICLE.test(surface) ? before.match(/\bthe\s+$/i) : null);
  return lead ? { ...m, start: m.start - lead[0].length } : m;
}

/**
 * Finds a publication date written near the top of a text ("Published: 22 October 2024", a dateline).
 * Conservative: only a full day-month-year date after a cue word, in a wire dateline, or alone on one of the first lines.
 */
export function inferPublicationDate(text: string): string | undefined {
  const head = text.slice(0, MAX_DATELINE_CHARS);
  const lines = head.split('\n').slice(0, 6);
  const candidates: string[] = [];
  const cue = head.match(PUBLISHED_CUES);
  if (cue) candidates.push(head.slice(cue.index! + cue[0].length, cue.index! + cue[0].length + 60));
  for (const line of lines) if (line.trim().length > 0 && line.trim().length <= 60) candidates.push(line.trim());
  // A wire dateline before the first sentence of the body ("KESSING, 20 March 2031 — Between ...").
  for (const line of lines) {
    const dateline = line.match(DATELINE_LEAD);
    if (dateline) candidates.push(dateline[1].trim());
  }
  for (const candidate of candidates) {
    const [result] = chrono.strict.parse(candidate, new Date(2000, 0, 1, 12));
    if (!result || !result.start.isCertain('year') || !result.start.isCertain('month') || !result.start.isCertain('day')) continue;
    // A line that is mostly the date, or a date right after the cue.
    const rest = candidate.replace(result.text, '').replace(/\b(?:published|posted|updated|on|at|date)\b|[\s|:,–—-]|\d{1,2}:\d{2}|[ap]\.?m\.?|gmt|utc|[a-z]{2,4}t\b/gi, '');
    if (candidate !== candidates[0] || !cue) {
      if (rest.length > 12) continue;
    } else if (result.index > 3) continue;
    const s = result.start;
    return isoDay({ y: s.get('year')!, m: s.get('month')!, d: s.get('day')! });
  }
  return undefined;
}

/** Options of the dates stage. */
export interface DatesOptions {
  /** Use a dateline found in the text when the article has no publication date. */
  inferReference: boolean;
}

/** Builds stage `claims/dates`: fills `layers.date`, resolving against `ctx.referenceDate`. */
export function createDatesStage(options: DatesOptions = { inferReference: true }): Stage {
  return {
    name: 'claims/dates',
    requires: ['layers.sentence'],
    produces: ['layers.date'],
    run(article: Article, ctx: StageContext): Article {
      let reference = ctx.referenceDate;
      if (!reference && options.inferReference) {
        reference = inferPublicationDate(article.text);
        if (reference) {
          addMessage(article, {
            ruleId: 'dates:inferred-reference',
            source: 'claims/dates',
            severity: 'info',
            reason: `no publication date in metadata; using ${reference} found near the top of the text`,
          });
        }
      }
      const dates = findDates(article.text, reference);
      const open = dates.filter((d) => !d.resolved);
      if (open.length) {
        addMessage(article, {
          ruleId: reference ? 'dates:ambiguous-year' : 'dates:no-reference',
          source: 'claims/dates',
          severity: 'info',
          reason: `${open.length} date expression(s) could not be resolved${reference ? '' : ' without a publication date'}`,
          place: { start: open[0].start, end: open[0].end },
        });
      }
      article.layers.date = dates;
      return article;
    },
  };
}

/** Stage `claims/dates` with default options. */
export const datesStage: Stage = createDatesStage();

/** Registry factory for `claims/dates`. */
export const datesFactory: StageFactory = {
  name: 'claims/dates',
  version: 4,
  options: z.object({ inferReference: z.boolean().default(true) }),
  create: (options) => createDatesStage(options as DatesOptions),
};
