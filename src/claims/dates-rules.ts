/** Our own date rules for what chrono misses or gets wrong: years and year ranges, weeks, year's end, quarters, decades, seasons, fiscal years, present/past/future references. */
import {
  DECADE_EXPRESSION,
  FISCAL_YEAR_EXPRESSION,
  FUTURE_REF_EXPRESSION,
  MODIFIED_MONTH_EXPRESSION,
  MONTH_NUMBERS,
  PAST_REF_EXPRESSION,
  PRESENT_EXPRESSION,
  QUARTER_EXPRESSION,
  QUARTER_LEAD,
  QUARTER_NUMBERS,
  RELATIVE_QUARTER_EXPRESSION,
  SEASON_EXPRESSION,
  SEASON_FIRST_MONTH,
  WEEK_EXPRESSION,
  YEAR_END_EXPRESSION,
  YEAR_EXPRESSION,
  YEAR_RANGE_EXPRESSION,
  SPOKEN_YEAR,
  UNIT_WORDS,
  TEEN_AND_TEN_WORDS,
  HOLIDAYS,
  HOLIDAY_EXPRESSION,
} from './lexicon/dates.js';
import { addDays, dayMention, isoDay, mondayOf, monthMention, nearestYear, pad, unresolved, weekdayOf, type Ymd } from './dates-calendar.js';
import { markedTense, tenseAround } from './dates-tense.js';
import type { DateMention } from './types.js';

/** Longest span read as one range of years ("2009-2010"); a wider pair is two years or a score. */
export const MAX_YEAR_RANGE_YEARS = 20;

/** Our own rules for what chrono misses or gets wrong: years, weeks, year's end, quarters, decades. */
export function findByRules(text: string, ref: Ymd | undefined): DateMention[] {
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
    let start = m.index!;
    const end = start + m[0].length;
    const q = QUARTER_NUMBERS[m[1].toLowerCase()];
    let y: number | undefined = m[3] ? +m[3] : undefined;
    // A quarter as a noun takes its determiner, year and "fiscal" with it; as an adjective ("third-quarter loss") only "fiscal".
    const before = text.slice(Math.max(0, start - 40), start);
    const lead = m[2] === '-' ? before.match(/(?:\bfiscal[\s-]+)$/i) : before.match(QUARTER_LEAD);
    if (lead?.[0]) start -= lead[0].length;
    if (y === undefined && lead?.[2]) y = +lead[2];
    const earlier = !!lead?.[3] || !!lead?.[1];
    if (y === undefined && ref) {
      const firstMonth = (q - 1) * 3 + 1;
      const tense = earlier ? 'past' : tenseAround(text, start, end);
      // Past: the latest such quarter begun; ahead: this year's unless it ended more than a quarter ago (results come out after it ends).
      y = tense === 'past' ? (firstMonth <= ref.m ? ref.y : ref.y - 1) : q * 3 >= ref.m - 3 ? ref.y : ref.y + 1;
      if (earlier) y--;
    }
    out.push(y === undefined ? unresolved(start, end, 'month') : monthMention(start, end, y, (q - 1) * 3 + 1, y, q * 3));
  }
  for (const m of text.matchAll(RELATIVE_QUARTER_EXPRESSION)) {
    const start = m.index!;
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
    if (/year-earlier|year-ago|same|comparable/.test(which)) y--;
    if (/^\d{4}$/.test(which)) y = +which; // "the 1988 period": the same quarter of the year named
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
  out.push(...findReferences(text, ref), ...findSeasons(text, ref), ...findFiscalYears(text, ref), ...findSpokenYears(text), ...findHolidays(text, ref));
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


/** Years said in words, as broadcast transcripts write them: "nineteen ninety-six", "the year two thousand". */
function findSpokenYears(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(SPOKEN_YEAR)) {
    const low = (w?: string) => w?.toLowerCase() ?? '';
    const year = m[1] ? TEEN_AND_TEN_WORDS[low(m[1])] * 100 + TEEN_AND_TEN_WORDS[low(m[2])] + (UNIT_WORDS[low(m[3])] ?? 0) : 2000 + (UNIT_WORDS[low(m[4])] ?? 0);
    // "nineteen ten" is 1910, but "nineteen twenty" followed by a unit is 1920-something only with tens of 20 or more.
    if (m[3] && TEEN_AND_TEN_WORDS[low(m[2])] < 20) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, from: pad(year, 4), to: pad(year, 4), grain: 'year', resolved: true });
  }
  return out;
}

/** Holidays: fixed days and nth weekdays of a month ("Thanksgiving Day"), in the year the tense around them points to. */
function findHolidays(text: string, ref: Ymd | undefined): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(HOLIDAY_EXPRESSION)) {
    const start = m.index!;
    const end = start + m[0].length;
    const rule = HOLIDAYS[m[2].toLowerCase().replace('’', "'")];
    if (!rule) continue;
    if (!ref) {
      out.push(unresolved(start, end, 'day'));
      continue;
    }
    const dayIn = (y: number): Ymd => {
      if (rule.length === 2) return { y, m: rule[0], d: rule[1] };
      const first = weekdayOf({ y, m: rule[0], d: 1 });
      return { y, m: rule[0], d: 1 + ((rule[1] - first + 7) % 7) + 7 * (rule[2] - 1) };
    };
    const which = m[1]?.toLowerCase();
    const near = dayIn(ref.y);
    const ahead = near.m > ref.m || (near.m === ref.m && near.d > ref.d);
    let y = nearestYear(near.m, near.d, ref);
    const tense = which === 'last' ? 'past' : which === 'next' ? 'future' : which === 'this' ? undefined : markedTense(text, start, end);
    if (tense === 'past') y = ahead ? ref.y - 1 : ref.y;
    else if (tense === 'future') y = ahead ? ref.y : ref.y + 1;
    out.push(dayMention(start, end, dayIn(y)));
  }
  return out;
}
