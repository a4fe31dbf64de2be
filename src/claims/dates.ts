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
import {
  AMBIGUOUS_MONTHS,
  CALENDAR_NAMES,
  CLAUSE_AFTER_DATE,
  CLOCK_TIME,
  DATE_MODIFIERS,
  DATELINE_LEAD,
  EVENT_RELATIVE,
  MONTH_PREPOSITIONS,
  DECADE_EXPRESSION,
  FUTURE_CUES,
  LEADING_PREPOSITIONS,
  NOT_A_DATE,
  PAST_CUES,
  PUBLISHED_CUES,
  QUARTER_EXPRESSION,
  QUARTER_NUMBERS,
  RELATIVE_QUARTER_EXPRESSION,
  MODIFIED_MONTH_EXPRESSION,
  MONTH_NUMBERS,
  RELATIVE_UNIT,
  WEEK_EXPRESSION,
  WEEKDAYS,
  YEAR_END_EXPRESSION,
  YEAR_EXPRESSION,
  YEAR_RANGE_EXPRESSION,
  PRESENT_EXPRESSION,
  PAST_REF_EXPRESSION,
  FUTURE_REF_EXPRESSION,
  SEASON_EXPRESSION,
  SEASON_FIRST_MONTH,
  FISCAL_YEAR_EXPRESSION,
} from './lexicon/dates.js';
import type { DateMention } from './types.js';

declare module '../core/article.js' {
  interface LayerMap {
    date: DateMention;
  }
}

/**
 * Without a reference date, a day and month with a stated weekday ("Wednesday, 23 October") is
 * resolved only when exactly one year within this many years of a year written in the same text
 * has that weekday on that day. The weekday repeats on a date every 5, 6 or 11 years, so ±1 year is
 * always unambiguous and small enough to stay plausible.
 */
export const WEEKDAY_YEAR_WINDOW_YEARS = 1;
/** With a reference date, a chrono date whose stated weekday disagrees is moved by at most this many years. */
export const WEEKDAY_REPAIR_WINDOW_YEARS = 1;
/** Longest span read as one range of years ("2009-2010"); a wider pair is two years or a score. */
export const MAX_YEAR_RANGE_YEARS = 20;
/** How far into a text a dateline or "Published:" line is looked for. */
export const MAX_DATELINE_CHARS = 400;
/** Characters either side of a mention searched for tense cues when no sentence bounds are given. */
export const TENSE_WINDOW_CHARS = 120;

type Tense = 'past' | 'future';

const DATE_COMPONENTS: chrono.Component[] = ['year', 'month', 'day', 'weekday', 'hour'];

interface Ymd {
  y: number;
  m: number; // 1-12
  d: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const isoDay = (x: Ymd) => `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;
const isoMonth = (y: number, m: number) => `${pad(y, 4)}-${pad(m)}`;
const utc = (x: Ymd) => new Date(Date.UTC(x.y, x.m - 1, x.d));
const fromUtc = (d: Date): Ymd => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() });
const addDays = (x: Ymd, n: number): Ymd => fromUtc(new Date(utc(x).getTime() + n * 86_400_000));
const weekdayOf = (x: Ymd) => utc(x).getUTCDay();

/** Parses "YYYY-MM-DD..." (any ISO date or date-time) to its calendar day, or undefined. */
export function parseIsoDay(value: string | undefined): Ymd | undefined {
  const m = value?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : undefined;
}

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
function markedTense(text: string, start: number, end: number): Tense | undefined {
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

function toChronoRef(ref: Ymd): Date {
  return new Date(ref.y, ref.m - 1, ref.d, 12);
}

function mondayOf(x: Ymd): Ymd {
  return addDays(x, -((weekdayOf(x) + 6) % 7));
}

function dayMention(start: number, end: number, from: Ymd, to: Ymd = from): DateMention {
  return { start, end, from: isoDay(from), to: isoDay(to), grain: 'day', resolved: true };
}

function monthMention(start: number, end: number, y: number, m: number, toY = y, toM = m): DateMention {
  return { start, end, from: isoMonth(y, m), to: isoMonth(toY, toM), grain: 'month', resolved: true };
}

function unresolved(start: number, end: number, grain: DateMention['grain']): DateMention {
  return { start, end, grain, resolved: false };
}

/** Resolves a bare weekday by tense: past -> the last such day on or before the reference, future -> after it. */
export function resolveWeekday(weekday: number, ref: Ymd, tense: Tense): Ymd {
  const diff = (weekday - weekdayOf(ref) + 7) % 7;
  return tense === 'future' ? addDays(ref, diff === 0 ? 7 : diff) : addDays(ref, diff === 0 ? 0 : diff - 7);
}

/** Year for a month named without one: past -> on or before the reference month, future -> on or after. */
function yearForMonth(month: number, ref: Ymd, tense: Tense): number {
  if (tense === 'past') return month <= ref.m ? ref.y : ref.y - 1;
  return month >= ref.m ? ref.y : ref.y + 1;
}

/** The year that puts a month and day nearest the reference (within half a year either way). */
function nearestYear(month: number, day: number, ref: Ymd): number {
  let best = ref.y;
  for (const y of [ref.y - 1, ref.y + 1]) {
    const d = (x: number) => Math.abs(utc({ y: x, m: month, d: day }).getTime() - utc(ref).getTime());
    if (d(y) < d(best)) best = y;
  }
  return best;
}

/** Years written in the text, latest first: the anchor for weekday-pinned years when there is no reference. */
function writtenYears(text: string): number[] {
  const years = new Set<number>();
  for (const m of text.matchAll(YEAR_EXPRESSION)) years.add(+m[1]);
  return [...years].sort((a, b) => b - a);
}

/** Years near `anchors` whose `month`/`day` falls on `weekday`; the answer only when exactly one. */
function yearPinnedByWeekday(month: number, day: number, weekday: number, anchors: number[], window: number): number | undefined {
  const found = new Set<number>();
  for (const a of anchors) {
    for (let y = a - window; y <= a + window; y++) if (weekdayOf({ y, m: month, d: day }) === weekday) found.add(y);
  }
  return found.size === 1 ? [...found][0] : undefined;
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
  return true;
}

function fromChrono(text: string, result: chrono.ParsedResult, ref: Ymd | undefined, anchors: number[]): DateMention | undefined {
  const raw = result.text;
  const trimmed = raw.replace(LEADING_PREPOSITIONS, '').trim();
  if (NOT_A_DATE.test(raw.trim()) || NOT_A_DATE.test(trimmed) || result.tags().has('casualReference/now')) return undefined;
  const { start, end } = adjustSpan(text, result.index, result.index + raw.length);
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
      const tense = markedTense(text, start, end);
      if (tense === 'past' && utc(day) > utc(addDays(ref, 1))) day = { ...day, y: day.y - 1 };
      else if (tense === 'future' && utc(day) < utc(ref)) day = { ...day, y: day.y + 1 };
      else if (!tense) day = { ...day, y: nearestYear(day.m, day.d, ref) };
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
      const tense = markedTense(text, start, end);
      year = tense ? yearForMonth(month, ref, tense) : nearestYear(month, 15, ref);
    }
    else return unresolved(start, end, 'month');
    const mention = monthMention(start, end, year, month);
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

/** Our own rules for what chrono misses or gets wrong: years, weeks, year's end, quarters, decades. */
function findByRules(text: string, ref: Ymd | undefined): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(WEEK_EXPRESSION)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (!ref) {
      out.push(unresolved(start, end, 'week'));
      continue;
    }
    const which = m[1].toLowerCase();
    const shift = which === 'next' || which === 'coming' ? 7 : which === 'this' ? 0 : -7;
    const monday = addDays(mondayOf(ref), shift);
    out.push({ start, end, from: isoDay(monday), to: isoDay(addDays(monday, 6)), grain: 'week', resolved: true });
  }
  for (const m of text.matchAll(YEAR_END_EXPRESSION)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (!ref) {
      out.push(unresolved(start, end, 'month'));
      continue;
    }
    const which = (m[1] ?? 'this').toLowerCase();
    const y = ref.y + (which === 'last' ? -1 : which === 'next' ? 1 : 0);
    out.push(monthMention(start, end, y, 12));
  }
  for (const m of text.matchAll(QUARTER_EXPRESSION)) {
    const start = m.index!;
    const end = start + m[0].length;
    const q = QUARTER_NUMBERS[m[1].toLowerCase()];
    let y: number | undefined = m[2] ? +m[2] : undefined;
    if (y === undefined && ref) {
      const firstMonth = (q - 1) * 3 + 1;
      const tense = tenseAround(text, start, end);
      y = tense === 'past' ? (firstMonth <= ref.m ? ref.y : ref.y - 1) : firstMonth + 2 >= ref.m ? ref.y : ref.y + 1;
    }
    out.push(y === undefined ? unresolved(start, end, 'month') : monthMention(start, end, y, (q - 1) * 3 + 1, y, q * 3));
  }
  for (const m of text.matchAll(RELATIVE_QUARTER_EXPRESSION)) {
    const start = m.index! + 4; // after "the "
    const end = m.index! + m[0].length;
    if (!ref) {
      out.push(unresolved(start, end, 'month'));
      continue;
    }
    const which = (m[1] ?? '').toLowerCase();
    const current = Math.ceil(ref.m / 3);
    // Earnings reports speak of the quarter just ended unless they say "current".
    let q = which === 'current' ? current : current - 1;
    let y = ref.y;
    if (q === 0) {
      q = 4;
      y--;
    }
    if (['year-earlier', 'year-ago', 'same'].includes(which)) y--;
    out.push(monthMention(start, end, y, q * 3 - 2, y, q * 3));
  }
  for (const m of text.matchAll(MODIFIED_MONTH_EXPRESSION)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (!ref) {
      out.push(unresolved(start, end, 'month'));
      continue;
    }
    const month = MONTH_NUMBERS[m[2].toLowerCase()];
    const which = m[1].toLowerCase();
    const y = which === 'this' ? ref.y : which === 'last' ? (month < ref.m ? ref.y : ref.y - 1) : month > ref.m ? ref.y : ref.y + 1;
    out.push(monthMention(start, end, y, month));
  }
  for (const m of text.matchAll(DECADE_EXPRESSION)) {
    const start = m.index! + m[0].length - m[1].length - 2 - (m[0].match(/['’]s$/) ? 1 : 0);
    const decade = +m[1] * 10;
    out.push({ start, end: m.index! + m[0].length, from: pad(decade, 4), to: pad(decade + 9, 4), grain: 'year', resolved: true });
  }
  for (const m of text.matchAll(YEAR_RANGE_EXPRESSION)) {
    const first = +m[1];
    const second = m[2].length === 2 ? Math.floor(first / 100) * 100 + +m[2] : +m[2];
    if (second <= first || second - first > MAX_YEAR_RANGE_YEARS) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, from: m[1], to: pad(second, 4), grain: 'year', resolved: true });
  }
  out.push(...findReferences(text, ref), ...findSeasons(text, ref), ...findFiscalYears(text, ref));
  for (const m of text.matchAll(YEAR_EXPRESSION)) {
    const start = m.index!;
    const end = start + m[0].length;
    // "2000 troops" counts things; a year is not followed by a plural noun.
    const next = text.slice(end, end + 20).match(/^\s+([a-z]+)/);
    if (next && /[^s]s$/.test(next[1]) && !/^(?:was|has|is|as|its|this|levels?)$/.test(next[1])) continue;
    out.push({ start, end, from: m[1], to: m[1], grain: 'year', resolved: true });
  }
  return out;
}

/** "now", "currently" (the publication day), "recently", "in the future" (no day to name). */
function findReferences(text: string, ref: Ymd | undefined): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(PRESENT_EXPRESSION)) {
    const span = { start: m.index!, end: m.index! + m[0].length };
    out.push(ref ? { ...dayMention(span.start, span.end, ref), ref: 'present' } : { ...unresolved(span.start, span.end, 'day'), ref: 'present' });
  }
  for (const [re, which] of [[PAST_REF_EXPRESSION, 'past'], [FUTURE_REF_EXPRESSION, 'future']] as const) {
    for (const m of text.matchAll(re)) out.push({ start: m.index!, end: m.index! + m[0].length, grain: 'unknown', resolved: true, ref: which });
  }
  return out;
}

/** "last summer", "this winter", "the fall of 2019": three months, winter running into the next year. */
function findSeasons(text: string, ref: Ymd | undefined): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(SEASON_EXPRESSION)) {
    const which = m[1]?.toLowerCase();
    if (!which && !m[3]) continue; // a bare season ("in summer") names no particular one
    const first = SEASON_FIRST_MONTH[m[2].toLowerCase()];
    const start = m.index!;
    const end = start + m[0].length;
    let year: number | undefined = m[3] ? +m[3] : undefined;
    if (year === undefined && ref) {
      // The season containing the reference (winter counted from its December), then moved by the modifier.
      const current = ref.m >= first && ref.m < first + 3 ? ref.y : first === 12 && ref.m <= 2 ? ref.y - 1 : undefined;
      const upcoming = ref.m < first ? ref.y : ref.y + 1;
      const past = ref.m >= first + 3 ? ref.y : ref.y - 1;
      year = which === 'this' ? current ?? (ref.m < first ? ref.y : ref.y) : which === 'next' || which === 'coming' ? (current !== undefined ? current + 1 : upcoming) : current !== undefined ? current - 1 : past;
    }
    if (year === undefined) {
      out.push(unresolved(start, end, 'month'));
      continue;
    }
    const last = first + 2;
    out.push(monthMention(start, end, year, first, last > 12 ? year + 1 : year, last > 12 ? last - 12 : last));
  }
  return out;
}

/** "this fiscal year", "fiscal 2016": read as the calendar year (fiscal calendars differ by country and firm). */
function findFiscalYears(text: string, ref: Ymd | undefined): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(FISCAL_YEAR_EXPRESSION)) {
    const start = m.index!;
    const end = start + m[0].length;
    const which = m[1]?.toLowerCase();
    const year = m[2] ? +m[2] : ref ? ref.y + (which === 'next' ? 1 : which === 'last' || which === 'the previous' || which === 'the past' ? -1 : 0) : undefined;
    out.push(year === undefined ? unresolved(start, end, 'year') : { start, end, from: pad(year, 4), to: pad(year, 4), grain: 'year', resolved: true });
  }
  return out;
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
  return dropOverlaps([...found, ...findByRules(text, ref)]);
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
  version: 2,
  options: z.object({ inferReference: z.boolean().default(true) }),
  create: (options) => createDatesStage(options as DatesOptions),
};
