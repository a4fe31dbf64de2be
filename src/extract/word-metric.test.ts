import { describe, expect, it } from 'vitest';
import { meanWordScores, scoreWords } from './word-metric.js';

describe('word metric (WCXB)', () => {
  it('word metric: compares lower-cased token multisets, order ignored', () => {
    const s = scoreWords('The cat sat. The end', 'end the CAT the');
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo(4 / 5);
    expect(s.f1).toBeCloseTo((2 * 0.8) / 1.8);
  });
  it('word metric: empty gold scores 1 only for an empty prediction', () => {
    expect(scoreWords('', '').f1).toBe(1);
    expect(scoreWords('', 'menu').f1).toBe(0);
    expect(scoreWords('text here', '').f1).toBe(0);
  });
  it('word metric: snippet rates are case-insensitive substrings; no without-snippets counts 1 as upstream does', () => {
    const s = scoreWords('x', 'Body text. Privacy Policy', ['body TEXT', 'missing'], ['privacy policy', 'login']);
    expect(s.withRate).toBe(0.5);
    expect(s.withoutRate).toBe(0.5);
    expect(scoreWords('x', 'y', [], []).withoutRate).toBe(1);
  });
  it('word metric: page means are macro', () => {
    const m = meanWordScores([scoreWords('a b', 'a b'), scoreWords('a b', '')]);
    expect(m.f1).toBe(0.5);
    expect(m.pages).toBe(2);
  });
});
