import { describe, expect, it } from 'vitest';
import { aggregateScores, scoreItem, shingleCounts, tokenizeWords } from './shingle-metric.js';

describe('shingle metric (article-extraction-benchmark)', () => {
  it.each([
    ['Hello, world! 42_x', ['Hello', 'world', '42_x']],
    ['Київ — місто', ['Київ', 'місто']],
    ['', []],
  ])('metric: tokenizes %j like \\w+', (text, tokens) => expect(tokenizeWords(text)).toEqual(tokens));

  it('metric: a text shorter than 4 tokens is one shingle', () => {
    expect([...shingleCounts(['a', 'b']).values()]).toEqual([1]);
  });

  it('metric: identical texts score full precision and recall and count as exact', () => {
    const s = scoreItem('one two three four five', 'one two three four five');
    expect(s).toEqual({ tp: 1, fp: 0, fn: 0, exact: true });
  });

  it('metric: extra predicted text is a false positive, normalised per item', () => {
    // gold: 2 shingles; predicted: the same 2 + 2 extra -> tp 2, fp 2, fn 0 -> 0.5 / 0.5 / 0
    const s = scoreItem('a b c d e', 'a b c d e f g');
    expect(s.tp).toBeCloseTo(0.5);
    expect(s.fp).toBeCloseTo(0.5);
    expect(s.fn).toBe(0);
  });

  it('metric: counts repeated shingles as a multiset', () => {
    const s = scoreItem('a b c d a b c d', 'a b c d');
    // gold shingles: abcd, bcda, cdab, dabc, abcd (5); predicted: abcd (1) -> tp 1, fn 4
    expect(s.tp).toBeCloseTo(0.2);
    expect(s.fn).toBeCloseTo(0.8);
  });

  it('metric: F1 is taken of the mean precision and mean recall; empty items are left out', () => {
    const agg = aggregateScores([scoreItem('a b c d e', 'a b c d e f g'), scoreItem('a b c d e', 'a b c d'), scoreItem('', '')]);
    expect(agg.precision).toBeCloseTo((0.5 + 1) / 2);
    expect(agg.recall).toBeCloseTo((1 + 0.5) / 2);
    expect(agg.f1).toBeCloseTo(0.75);
    expect(agg.accuracy).toBeCloseTo(1 / 3);
  });
});
