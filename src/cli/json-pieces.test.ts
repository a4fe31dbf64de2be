import { describe, expect, it } from 'vitest';
import { jsonSafe } from '../report/escape.js';
import { jsonPieces } from './json-pieces.js';

describe('jsonPieces', () => {
  it.each([
    ['arrays, nested objects, empty arrays and an undefined field', { version: '1', at: undefined, list: [{ a: [1, { b: 'x\u202Ey' }] }, null, 'z'], none: [], n: 3 }],
    ['an empty object', {}],
    ['control and separator characters in keys and values', { 'k\u2028': ['\u0085', { '\u009b': 'v' }] }],
  ])('joins to exactly the indented JSON of the whole document: %s', (_, doc) => {
    expect([...jsonPieces(doc)].join('')).toBe(`${jsonSafe(doc, 2)}\n`);
  });
});
