import { describe, expect, it } from 'vitest';
import { normaliseLang, normalisePublishedDate, stringOf } from './meta.js';

describe('meta: normalisePublishedDate', () => {
  const rows: Array<[string, string | undefined]> = [
    ['2024-10-22', '2024-10-22'],
    ['2024-10-22T08:15:00+03:00', '2024-10-22T08:15:00+03:00'],
    ['2024-10-22 08:15:00Z', '2024-10-22T08:15:00Z'],
    ['Tue, 22 Oct 2024 10:00:00 GMT', '2024-10-22T10:00:00.000Z'],
    ['Wed, 09 Oct 2024 07:00:00 +0100', '2024-10-09T06:00:00.000Z'],
    ['1729591200', '2024-10-22T10:00:00.000Z'],
    ['1729591200000', '2024-10-22T10:00:00.000Z'],
    ['last Tuesday', undefined],
    ['2024-13-45', undefined],
  ];
  it.each(rows)('%s -> %s', (input, expected) => expect(normalisePublishedDate(input)).toBe(expected));
});

describe('meta: fields', () => {
  it('keeps the primary language subtag', () => {
    expect(normaliseLang('en-GB')).toBe('en');
    expect(normaliseLang('UK')).toBe('uk');
    expect(normaliseLang('English')).toBeUndefined();
  });
  it('reads names from strings, objects and lists', () => {
    expect(stringOf({ name: 'Reuters' })).toBe('Reuters');
    expect(stringOf([{ name: 'A' }, { name: 'B' }])).toBe('A, B');
    expect(stringOf('  ')).toBeUndefined();
  });
});
