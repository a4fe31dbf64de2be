/** Reads chrono-node's parses into date mentions: fixes their spans, drops non-dates, resolves bare days and months. */
import * as chrono from 'chrono-node';
import {
  AMBIGUOUS_MONTHS,
  CALENDAR_NAMES,
  CLOCK_TIME,
  DATE_MODIFIERS,
  EVENT_RELATIVE,
  LEADING_PREPOSITIONS,
  MONTH_YEAR_AFTER,
  MONTH_PREPOSITIONS,
  NOT_A_DATE,
  RELATIVE_UNIT,
} from './lexicon/dates.js';
import {
  WEEKDAY_REPAIR_WINDOW_YEARS,
  WEEKDAY_YEAR_WINDOW_YEARS,
  addDays,
  dayMention,
  isoDay,
  isoMonth,
  monthMention,
  mondayOf,
  nearestYear,
  pad,
  resolveWeekday,
  unresolved,
  utc,
  weekdayOf,
  yearPinnedByWeekday,
  type Tense,
  type Ymd,
} from './dates-calendar.js';
import { markedTense, tenseAround } from './dates-tense.js';
import type { DateMention } from './types.js';

/**
 * How far (days) a month or day-month written without a year may lie on the other side of the reference than its
 * verb's tense says before the tense moves it a year: a past verb with a date six weeks ahead is a schedule
 * ("declared a dividend, payable Dec. 15"), not last year's. Chosen on TBAQ train (0, 30, 60, 90, 200 days tried).
 */
export const TENSE_SLACK_DAYS = 60;

/**
 * The year of a month and day written without one: the nearest to the reference, unless the tense puts it on the
 * other side by more than `slack` days ("met on Dec. 28" written on 5 January is last year's).
 */
function yearByTense(month: number, day: number, ref: Ymd, tense: Tense | undefined, slack = TENSE_SLACK_DAYS): number {
  const y = nearestYear(month, day, ref);
  const offset = (utc({ y, m: month, d: day }).getTime() - utc(ref).getTime()) / 86_400_000;
  if (tense === 'past' && offset > slack) return y - 1;
  if (tense === 'future' && offset < -slack) return y + 1;
  return y;
}

const DATE_COMPONENTS: chrono.Component[] = ['year', 'month', 'day', 'weekday', 'hour'];

export function toChronoRef(ref: Ymd): Date {
  return new Date(ref.y, ref.m - 1, ref.d, 12);
}

/** Trims leading prepositions chrono includes and extends over "early/late/mid" modifiers. */
function adjustSpan(text: string, start: number, end: number): { start: number; end: number } {
  const lead = text.slice(start, end).match(LEADING_PREPOSITIONS);
  if (lead) start += lead[0].length;
  const mod = text.slice(Math.max(0, start - 25), start).match(DATE_MODIFIERS);
  if (mod) start -= mod[0].length;
  while (end > start && /[\s,.;:]/.test(text[end - 1])) end--;
  return { start, end };
}

/** Rejects chrono matches that are words, not dates: lowercase "march", "sat", a lone "May", fractions "1/4". */
function plausibleSurface(text: string, start: number, end: number, surface: string): boolean {
  for (const word of surface.split(/[^\p{L}]+/u)) {
    if (CALENDAR_NAMES.test(word) && word[0] === word[0].toLowerCase()) return false;
  }
  const bare = surface.replace(/\.$/, '');
  if (AMBIGUOUS_MONTHS.test(bare) && !MONTH_PREPOSITIONS.test(text.slice(Math.max(0, start - 12), start))) return false;
  if (/^\d{1,2}\/\d{1,2}$/.test(surface)) return false;
  // A weekday's three-letter form alone is a word or a name ("Sun Microsystems"); a share price in fractions is no date ("12 3/4", "8 to 112 5/8").
  if (WEEKDAY_ABBREVIATION_ALONE.test(bare)) return false;
  if (/\d\s+\d{1,2}\/\d{1,2}/.test(surface) || /\d\/\d/.test(text.slice(end, end + 4)) || /^sec$/i.test(bare)) return false;
  return true;
}

/** A weekday abbreviation with nothing else ("Sun", "Sat", "Wed"): dates write them beside a day number. */
const WEEKDAY_ABBREVIATION_ALONE = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$/i;

export function fromChrono(text: string, result: chrono.ParsedResult, ref: Ymd | undefined, anchors: number[]): DateMention | undefined {
  const raw = result.text;
  const trimmed = raw.replace(LEADING_PREPOSITIONS, '').trim();
  if (NOT_A_DATE.test(raw.trim()) || NOT_A_DATE.test(trimmed) || result.tags().has('casualReference/now')) return undefined;
  const { start, end } = adjustSpan(text, result.index, result.index + raw.length);
  // "the quarter" is a period of results, which our own rules read, not chrono's "quarter to/past" clock time.
  if (/\bquarter\b/i.test(trimmed)) return undefined;
  if (end <= start || EVENT_RELATIVE.test(trimmed) || !plausibleSurface(text, start, end, trimmed)) return undefined;
  const s = result.start;
  const known = (c: chrono.Component) => s.isCertain(c);
  const relative = s.tags().has('result/relativeDate') || [...s.tags()].some((t) => t.startsWith('casualReference'));
  const explicitYear = known('year') && !relative;
  if (/^(?:last|this|next|past|previous|coming)\s+week$/i.test(trimmed)) return undefined; // our own week rule
  if (!DATE_COMPONENTS.some((c) => known(c)) && /\s/.test(trimmed)) {
    // chrono glues a casual time to a later date ("night of Friday, Oct. 23"): read the rest on its own.
    const cut = trimmed.search(/\b(?:of|on)\s/);
    if (cut > 0) {
      const offset = raw.indexOf(trimmed) + cut;
      const [inner] = chrono.casual.parse(raw.slice(offset), toChronoRef(ref ?? { y: anchors[0] ?? 2000, m: 7, d: 1 }), { forwardDate: false });
      if (inner) return fromChrono(text, Object.assign(inner, { index: result.index + offset + inner.index }), ref, anchors);
    }
  }
  if (relative && ref) {
    // "last month", "two years ago": the unit word fixes the grain, not chrono's day.
    const unit = trimmed.match(RELATIVE_UNIT)?.[1]?.toLowerCase();
    const y = s.get('year')!;
    const mo = s.get('month')!;
    if (unit === 'year') return { start, end, from: pad(y, 4), to: pad(y, 4), grain: 'year', resolved: true };
    if (unit === 'month') return monthMention(start, end, y, mo);
    if (unit === 'week') {
      const monday = mondayOf({ y, m: mo, d: s.get('day')! });
      return { start, end, from: isoDay(monday), to: isoDay(addDays(monday, 6)), grain: 'week', resolved: true };
    }
  }
  if (known('weekday') && !known('day')) {
    // A bare weekday: chrono picks the nearest; we follow the tense unless "last/next/this" says otherwise.
    if (!ref) return unresolved(start, end, 'day');
    if (/\b(last|next|this|coming|past)\b/i.test(trimmed)) return dayMention(start, end, { y: s.get('year')!, m: s.get('month')!, d: s.get('day')! });
    return dayMention(start, end, resolveWeekday(s.get('weekday')!, ref, tenseAround(text, start, end)));
  }
  if (known('hour') && !known('day') && !known('weekday') && !relative && !CLOCK_TIME.test(trimmed)) return undefined;
  if (known('day') || known('hour') || relative) {
    let day: Ymd = { y: s.get('year')!, m: s.get('month')!, d: s.get('day')! };
    let resolved = !!ref || explicitYear;
    if (!explicitYear && known('weekday') && known('day')) {
      const pinned = ref
        ? yearPinnedByWeekday(day.m, day.d, s.get('weekday')!, [ref.y], WEEKDAY_REPAIR_WINDOW_YEARS)
        : yearPinnedByWeekday(day.m, day.d, s.get('weekday')!, anchors, WEEKDAY_YEAR_WINDOW_YEARS);
      if (pinned !== undefined && (!ref || weekdayOf(day) !== s.get('weekday'))) {
        day = { ...day, y: pinned };
        resolved = true;
      }
    }
    if (!resolved) return unresolved(start, end, 'day');
    if (ref && !explicitYear && !relative && known('month')) {
      // A day and month without a year: a tense cue says which side of the reference; without one, the nearest.
      day = { ...day, y: yearByTense(day.m, day.d, ref, markedTense(text, start, end)) };
    }
    const mention = dayMention(start, end, day);
    if (result.end && result.end.isCertain('day')) {
      const e = result.end;
      let to: Ymd = { y: e.get('year')!, m: e.get('month')!, d: e.get('day')! };
      if (utc(to) < utc(day)) to = { ...to, y: to.y + 1 };
      mention.to = isoDay(to);
    }
    return mention;
  }
  if (known('month')) {
    const month = s.get('month')!;
    let year: number;
    if (explicitYear || known('year')) year = s.get('year')!;
    else if (ref) {
      year = yearByTense(month, 15, ref, markedTense(text, start, end));
    }
    else return unresolved(start, end, 'month');
    // "January this year", "June last year": the year named after the month is part of it.
    const after = ref && !explicitYear && !known('year') ? text.slice(end, end + 16).match(MONTH_YEAR_AFTER) : null;
    if (after && ref) year = ref.y + (/last/i.test(after[1]) ? -1 : /next/i.test(after[1]) ? 1 : 0);
    const mention = monthMention(start, after ? end + after[0].length : end, year, month);
    if (result.end?.isCertain('month')) {
      const endMonth = result.end.get('month')!;
      const endYear = result.end.isCertain('year') ? result.end.get('year')! : endMonth < month ? year + 1 : year;
      mention.to = isoMonth(endYear, endMonth);
    }
    return mention;
  }
  if (known('year')) {
    const y = s.get('year')!;
    return { start, end, from: pad(y, 4), to: pad(y, 4), grain: 'year', resolved: true };
  }
  return undefined;
}
