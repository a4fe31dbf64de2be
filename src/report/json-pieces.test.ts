import { describe, expect, it } from 'vitest';
import { jsonSafe } from './escape.js';
import { jsonPieces, jsonPiecesPaged } from './json-pieces.js';

describe('jsonPieces', () => {
  it.each([
    ['arrays, nested objects, empty arrays and an undefined field', { version: '1', at: undefined, list: [{ a: [1, { b: 'x\u202Ey' }] }, null, 'z'], none: [], n: 3 }],
    ['an empty object', {}],
    ['control and separator characters in keys and values', { 'k\u2028': ['\u0085', { '\u009b': 'v' }] }],
  ])('joins to exactly the indented JSON of the whole document: %s', (_, doc) => {
    expect([...jsonPieces(doc)].join('')).toBe(`${jsonSafe(doc, 2)}\n`);
  });
});

describe('jsonPiecesPaged', () => {
  async function* pages<T>(...list: T[][]): AsyncGenerator<T[]> {
    for (const page of list) yield page;
  }
  it('joins to exactly what jsonPieces gives for the document read whole, with empty pages and empty arrays', async () => {
    const whole = { version: '1', at: undefined, list: [{ a: 1 }, null, 'z', 4], none: [], rest: { b: [1, 2] } };
    const paged = { version: '1', at: undefined, list: pages<unknown>([{ a: 1 }], [], [null, 'z'], [4]), none: pages<number>([], []), rest: { b: [1, 2] } };
    let out = '';
    for await (const piece of jsonPiecesPaged(paged)) out += piece;
    expect(out).toBe([...jsonPieces(whole)].join(''));
  });
});
