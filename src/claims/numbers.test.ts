import { describe, expect, it } from 'vitest';
import { lemmatiseNoun, parseDigits, parseNumberWords } from './numbers.js';

describe('numbers: digit conventions', () => {
  it.each([
    ['11,000', false, 11000],
    ['11.000', false, 11000],
    ['11 000', false, 11000],
    ['11\u202F000', false, 11000],
    ['1,234,567', false, 1234567],
    ['1.234.567', false, 1234567],
    ['1,234.5', false, 1234.5],
    ['1.234,5', false, 1234.5],
    ['1.2', true, 1.2],
    ['1,2', true, 1.2],
    ['1.500', true, 1.5],
    ['1,500', true, 1500],
    ['2.5', false, 2.5],
    ['0.750', false, 0.75],
  ] as const)('parses %j (scale follows: %s) as %d', (raw, decimal, expected) => {
    expect(parseDigits(raw, decimal)).toBe(expected);
  });
});

describe('numbers: written numbers', () => {
  it.each([
    [['eleven', 'thousand'], 11000, 2],
    [['twenty', '-', 'five', 'soldiers'], 25, 3],
    [['three', 'hundred', 'and', 'fifty'], 350, 4],
    [['one', 'million'], 1e6, 2],
    [['four', 'landing'], 4, 1],
  ] as const)('reads %j', (words, value, used) => {
    expect(parseNumberWords(words)).toEqual({ value, used });
  });
  it('numbers: returns nothing for non-numbers', () => {
    expect(parseNumberWords(['several', 'ships'])).toBeUndefined();
  });
  it('numbers: words that name object properties are not numbers ("constructor", "toString")', () => {
    expect(parseNumberWords(['constructor', 'crews'])).toBeUndefined();
    expect(parseNumberWords(['three', 'constructor'])).toEqual({ value: 3, used: 1 });
    expect(parseNumberWords(['two', 'toString'])).toEqual({ value: 2, used: 1 });
  });
});

describe('numbers: noun lemmas', () => {
  it.each([
    ['soldiers', 'soldier'], ['troops', 'troop'], ['shells', 'shell'], ['ships', 'ship'], ['people', 'person'],
    ['casualties', 'casualty'], ['forces', 'force'], ['churches', 'church'], ['Games', 'game'], ['personnel', 'personnel'],
  ])('lemmatises %s -> %s', (word, lemma) => {
    expect(lemmatiseNoun(word)).toBe(lemma);
  });
});
