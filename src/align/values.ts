/**
 * Values of a proposition and how two of them relate: equal, compatible (the same figure hedged
 * differently, a range holding the other, a vague amount of the same order) or conflicting, with
 * a reason a person can read ("12,000 is 9% above 11,000"). Dates compare as intervals with their grain.
 */
import { vagueAmount } from '../claims/export.js';
import type { Approximation } from '../claims/types.js';

/** A figure as stated: central value, optional bounds and how it was hedged. */
export interface NumberValue {
  kind: 'number';
  value: number;
  low?: number;
  high?: number;
  approx: Approximation;
  unit?: string;
}

/** A date or interval (ISO YYYY, YYYY-MM or YYYY-MM-DD) with its grain; `bound` is "by"/"before"/"after" when stated as one. */
export interface DateValue {
  kind: 'date';
  from: string;
  to: string;
  grain: 'day' | 'week' | 'month' | 'year' | 'unknown';
  bound?: 'by' | 'after';
}

/** A claim without a figure or a date: asserted, or negated (denied / not confirmed). */
export interface PolarityValue {
  kind: 'polarity';
  asserted: boolean;
  /** How a negated claim is negated: a denial, or a refusal or failure to confirm. */
  negation?: 'denied' | 'not confirmed';
}

export type PropositionValue = NumberValue | DateValue | PolarityValue;

export type Relation = 'equal' | 'compatible' | 'conflict';

export interface Comparison {
  relation: Relation;
  /** Why, in words. */
  reason: string;
}

/** Relative difference under which two central figures count as the same number (rounding). */
const SAME_FIGURE_TOLERANCE = 0.005;
/** A vague amount ("several thousand") stays compatible with figures within this factor of its band. */
const VAGUE_BAND_FACTOR = 2;

/** True for amounts given only as an order of magnitude ("thousands of", "several hundred"). */
export function isVague(v: NumberValue): boolean {
  return v.approx === 'several';
}

/** True for an explicit range ("between 3,000 and 5,000"), not a one-sided bound. */
function isRange(v: NumberValue): boolean {
  return !isVague(v) && v.low !== undefined && v.high !== undefined && v.low < v.high;
}

/** Compares two figures of one proposition. */
export function compareNumbers(a: NumberValue, b: NumberValue): Comparison {
  if (isVague(a) || isVague(b)) {
    const [vague, other] = isVague(a) ? [a, b] : [b, a];
    if (isVague(other)) return { relation: 'compatible', reason: 'both are orders of magnitude only' };
    const low = (vague.low ?? vague.value) / VAGUE_BAND_FACTOR;
    const high = (vague.high ?? vague.value * 10) * VAGUE_BAND_FACTOR;
    return other.value >= low && other.value <= high
      ? { relation: 'compatible', reason: `${formatNumber(other)} is of the order “${formatNumber(vague)}” gives` }
      : { relation: 'conflict', reason: `${formatNumber(other)} is far outside “${formatNumber(vague)}”` };
  }
  if (sameFigure(a.value, b.value)) {
    return a.approx === b.approx && a.low === b.low && a.high === b.high
      ? { relation: 'equal', reason: `both give ${formatNumber(a)}` }
      : { relation: 'compatible', reason: `the same figure, hedged differently (${formatNumber(a)} / ${formatNumber(b)})` };
  }
  for (const [range, other] of [[a, b], [b, a]] as const) {
    if (isRange(range) && other.value >= range.low! && other.value <= range.high!) {
      return { relation: 'compatible', reason: `${formatNumber(other)} lies within ${formatNumber(range)}` };
    }
  }
  // Analysts read differing central figures as different estimates, bounds included ("up to 12,000" vs 10,000).
  const [hi, lo] = a.value >= b.value ? [a, b] : [b, a];
  return { relation: 'conflict', reason: `${formatNumber(hi)} is ${percentAbove(hi.value, lo.value)} above ${formatNumber(lo)}` };
}

function sameFigure(x: number, y: number): boolean {
  return Math.abs(x - y) <= SAME_FIGURE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
}

function percentAbove(hi: number, lo: number): string {
  if (lo <= 0) return `${formatPlain(hi - lo)}`;
  const pct = ((hi - lo) / lo) * 100;
  return pct >= 100 ? `${(hi / lo).toFixed(1)}×` : `${Math.round(pct)}%`;
}

/** Compares two dates as intervals: the same interval, one inside the other (coarser grain or a "by" bound), or apart. */
export function compareDates(a: DateValue, b: DateValue): Comparison {
  const [aFrom, aTo] = interval(a);
  const [bFrom, bTo] = interval(b);
  if (aFrom === bFrom && aTo === bTo) return { relation: 'equal', reason: `both give ${formatDate(a)}` };
  const inside = (x: [string, string], y: [string, string]) => x[0] >= y[0] && x[1] <= y[1];
  if (inside([aFrom, aTo], [bFrom, bTo]) || inside([bFrom, bTo], [aFrom, aTo])) {
    return { relation: 'compatible', reason: `${formatDate(a)} and ${formatDate(b)} overlap (one is coarser)` };
  }
  for (const [bounded, other] of [[a, b], [b, a]] as const) {
    if (bounded.bound === 'by' && interval(other)[1] <= interval(bounded)[1]) {
      return { relation: 'compatible', reason: `${formatDate(other)} is before ${formatDate(bounded)}` };
    }
  }
  const days = Math.round(Math.abs(Date.parse(aFrom) - Date.parse(bFrom)) / 86_400_000);
  return { relation: 'conflict', reason: `${formatDate(a)} and ${formatDate(b)} are ${days} day${days === 1 ? '' : 's'} apart` };
}

/** First and last day of a date value, as full ISO dates. */
function interval(d: DateValue): [string, string] {
  return [expand(d.from, 'start'), expand(d.to || d.from, 'end')];
}

function expand(iso: string, side: 'start' | 'end'): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso.slice(0, 10);
  if (/^\d{4}-\d{2}$/.test(iso)) {
    if (side === 'start') return `${iso}-01`;
    const [y, m] = iso.split('-').map(Number);
    return `${iso}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return side === 'start' ? `${iso}-01-01` : `${iso}-12-31`;
}

/** Compares any two values of one proposition (numbers with numbers, dates with dates, polarity with polarity). */
export function compareValues(a: PropositionValue, b: PropositionValue): Comparison {
  if (a.kind === 'number' && b.kind === 'number') return compareNumbers(a, b);
  if (a.kind === 'date' && b.kind === 'date') return compareDates(a, b);
  if (a.kind === 'polarity' && b.kind === 'polarity') {
    return a.asserted === b.asserted
      ? { relation: 'equal', reason: a.asserted ? 'both assert it' : 'both deny or do not confirm it' }
      : { relation: 'conflict', reason: 'one asserts what the other denies or does not confirm' };
  }
  return { relation: 'compatible', reason: 'values of different kinds' };
}

const APPROX_WORDS: Partial<Record<Approximation, string>> = {
  about: 'about',
  nearly: 'nearly',
  'up-to': 'up to',
  'at-least': 'at least',
  'at-most': 'at most',
};

/** A figure as a person would write it: "up to 12,000", "3,000–5,000", "several thousand". */
export function formatNumber(v: NumberValue): string {
  if (isVague(v)) return vagueWords(v);
  if (isRange(v)) return `${formatPlain(v.low!)}–${formatPlain(v.high!)}`;
  const word = APPROX_WORDS[v.approx];
  return word ? `${word} ${formatPlain(v.value)}` : formatPlain(v.value);
}

/** One formatter for every figure: `toLocaleString` builds a new one per call, which dominated the stage's time. */
const PLAIN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function formatPlain(n: number): string {
  return PLAIN.format(n);
}

function vagueWords(v: NumberValue): string {
  return vagueAmount(v.low ?? v.value, v.high ?? v.value * 10);
}

/** A date value in words: "2024-11-01", "by 2024-11-01", "2024-10". */
export function formatDate(d: DateValue): string {
  const span = d.to && d.to !== d.from ? `${d.from} to ${d.to}` : d.from;
  return d.bound ? `${d.bound} ${span}` : span;
}

/** Any value in words. */
export function formatValue(v: PropositionValue): string {
  if (v.kind === 'number') return formatNumber(v);
  if (v.kind === 'date') return formatDate(v);
  return v.asserted ? 'asserted' : (v.negation ?? 'denied or not confirmed');
}
