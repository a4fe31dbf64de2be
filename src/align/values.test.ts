import { describe, expect, it } from 'vitest';
import { compareDates, compareNumbers, formatNumber, type NumberValue } from './values.js';

const n = (value: number, approx: NumberValue['approx'] = 'exact', extra: Partial<NumberValue> = {}): NumberValue => ({
  kind: 'number',
  value,
  approx,
  ...extra,
});

describe('compareNumbers', () => {
  it('reads the same figure hedged differently as compatible, not equal', () => {
    expect(compareNumbers(n(10_000), n(10_000, 'about')).relation).toBe('compatible');
    expect(compareNumbers(n(11_000, 'nearly'), n(11_000)).relation).toBe('compatible');
    expect(compareNumbers(n(2_600), n(2_600)).relation).toBe('equal');
  });

  it('reads differing central figures as a conflict even when one is a bound, and says how far apart', () => {
    const c = compareNumbers(n(12_000, 'up-to', { high: 12_000 }), n(11_000, 'nearly'));
    expect(c.relation).toBe('conflict');
    expect(c.reason).toBe('up to 12,000 is 9% above nearly 11,000');
    expect(compareNumbers(n(10_000), n(11_000, 'nearly')).relation).toBe('conflict');
  });

  it('accepts a figure inside a stated range and a figure of the order a vague amount gives', () => {
    expect(compareNumbers(n(4_000, 'exact', { low: 3_000, high: 5_000 }), n(4_200, 'about')).relation).toBe('compatible');
    expect(compareNumbers(n(1_000, 'several', { low: 2_000, high: 9_999 }), n(11_000)).relation).toBe('compatible');
    expect(compareNumbers(n(1_000, 'several', { low: 2_000, high: 9_999 }), n(1_200_000)).relation).toBe('conflict');
  });

  it('writes figures as people do', () => {
    expect(formatNumber(n(12_000, 'up-to'))).toBe('up to 12,000');
    expect(formatNumber(n(4_000, 'exact', { low: 3_000, high: 5_000 }))).toBe('3,000–5,000');
    expect(formatNumber(n(1_000, 'several', { low: 2_000, high: 9_999 }))).toBe('several thousand');
  });
});

describe('compareDates', () => {
  it('compares dates as intervals with their grain', () => {
    expect(compareDates({ kind: 'date', from: '2024-11-01', to: '2024-11-01', grain: 'day' }, { kind: 'date', from: '2024-11', to: '2024-11', grain: 'month' }).relation).toBe('compatible');
    const apart = compareDates({ kind: 'date', from: '2024-10-23', to: '2024-10-23', grain: 'day' }, { kind: 'date', from: '2024-11-01', to: '2024-11-01', grain: 'day' });
    expect(apart).toEqual({ relation: 'conflict', reason: '2024-10-23 and 2024-11-01 are 9 days apart' });
    expect(compareDates({ kind: 'date', from: '2024-10-23', to: '2024-10-23', grain: 'day' }, { kind: 'date', from: '2024-11-01', to: '2024-11-01', grain: 'day', bound: 'by' }).relation).toBe('compatible');
  });
});
