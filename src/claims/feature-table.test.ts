import { describe, expect, it } from 'vitest';
import { featureTable, featureTemplate, IdPairTable } from './feature-table.js';

describe('feature tables', () => {
  it('feature table: finds every pair a model holds by its two words, and no other', () => {
    const pairs = new Map<string, number>();
    for (let a = 0; a < 300; a++) for (let b = 0; b < 300; b += 7 + (a % 5)) pairs.set(`${a} ${b}`, a * 1000 + b);
    const table = new IdPairTable(pairs.size);
    for (const [key, value] of pairs) {
      const [a, b] = key.split(' ').map(Number);
      table.set(a, b, value);
    }
    for (let a = 0; a < 300; a++) for (let b = 0; b < 300; b++) expect(table.get(a, b)).toBe(pairs.get(`${a} ${b}`) ?? -1);
    table.set(3, 7, 5);
    expect(table.get(3, 7)).toBe(5);
  });

  it('feature table: reads a pair feature by its parts, under every split of a word holding the separator', () => {
    const table = featureTable([['w-1|w=a|b|c', 1], ['w-1|w=x|y', 2], ['p=x', 3]], featureTemplate((x, y) => `w-1|w=${x}|${y}`));
    expect(table.get('x')?.get('y')).toBe(2);
    expect(table.get('a|b')?.get('c')).toBe(1);
    expect(table.get('a')?.get('b|c')).toBe(1);
    expect(table.get('p')).toBeUndefined();
  });
});
