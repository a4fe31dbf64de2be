/** Calendar arithmetic for date normalisation: days, months, weekdays and the years a bare date falls in. */
import type { DateMention } from './types.js';

/**
 * Without a reference date, a day and month with a stated weekday ("Wednesday, 23 October") is
 * resolved only when exactly one year within this many years of a year written in the same text
 * has that weekday on that day. The weekday repeats on a date every 5, 6 or 11 years, so ±1 year is
 * always unambiguous and small enough to stay plausible.
 */
export const WEEKDAY_YEAR_WINDOW_YEARS = 1;
/** With a reference date, a chrono date whose stated weekday disagrees is moved by at most this many years. */
export const WEEKDAY_REPAIR_WINDOW_YEARS = 1;

export type Tense = 'past' | 'future';

export interface Ymd {
  y: number;
  m: number; // 1-12
  d: number;
}

export const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const isoDay = (x: Ymd) => `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;
export const isoMonth = (y: number, m: number) => `${pad(y, 4)}-${pad(m)}`;
export const utc = (x: Ymd) => new Date(Date.UTC(x.y, x.m - 1, x.d));
const fromUtc = (d: Date): Ymd => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() });
export const addDays = (x: Ymd, n: number): Ymd => fromUtc(new Date(utc(x).getTime() + n * 86_400_000));
export const weekdayOf = (x: Ymd) => utc(x).getUTCDay();

/** Parses "YYYY-MM-DD..." (any ISO date or date-time) to its calendar day, or undefined. */
export function parseIsoDay(value: string | undefined): Ymd | undefined {
  const m = value?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : undefined;
}

/** The Monday of the week holding `x`. */
export function mondayOf(x: Ymd): Ymd {
  return addDays(x, -((weekdayOf(x) + 6) % 7));
}

export function dayMention(start: number, end: number, from: Ymd, to: Ymd = from): DateMention {
  return { start, end, from: isoDay(from), to: isoDay(to), grain: 'day', resolved: true };
}

export function monthMention(start: number, end: number, y: number, m: number, toY = y, toM = m): DateMention {
  return { start, end, from: isoMonth(y, m), to: isoMonth(toY, toM), grain: 'month', resolved: true };
}

export function unresolved(start: number, end: number, grain: DateMention['grain']): DateMention {
  return { start, end, grain, resolved: false };
}

/**
 * Resolves a bare weekday by tense: past -> the last such day before the reference, future -> the next one after it;
 * the reference's own weekday is the reference day in either tense (news names the day of publication by its weekday:
 * all 90 such weekdays in TBAQ train are the document date).
 */
export function resolveWeekday(weekday: number, ref: Ymd, tense: Tense): Ymd {
  const diff = (weekday - weekdayOf(ref) + 7) % 7;
  if (diff === 0) return ref;
  return tense === 'future' ? addDays(ref, diff) : addDays(ref, diff - 7);
}


/** The year that puts a month and day nearest the reference (within half a year either way). */
export function nearestYear(month: number, day: number, ref: Ymd): number {
  let best = ref.y;
  for (const y of [ref.y - 1, ref.y + 1]) {
    const d = (x: number) => Math.abs(utc({ y: x, m: month, d: day }).getTime() - utc(ref).getTime());
    if (d(y) < d(best)) best = y;
  }
  return best;
}

/** Years near `anchors` whose `month`/`day` falls on `weekday`; the answer only when exactly one. */
export function yearPinnedByWeekday(month: number, day: number, weekday: number, anchors: number[], window: number): number | undefined {
  const found = new Set<number>();
  for (const a of anchors) {
    for (let y = a - window; y <= a + window; y++) if (weekdayOf({ y, m: month, d: day }) === weekday) found.add(y);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

