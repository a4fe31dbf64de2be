import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../scripts/csv.js';
import { clearTokenCache, getNlp, tokenize } from './wink.js';

const FNC_BODIES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data/fnc-1/train_bodies.csv');

describe('nlp/wink', () => {
  it('wink: loads the model once per process', () => {
    expect(getNlp()).toBe(getNlp());
  });

  const rows: [string, string[]][] = [
    ['Lt. Gen. Kyrylo Budanov told TWZ.', ['Lt.', 'Gen.', 'Kyrylo', 'Budanov', 'told', 'TWZ', '.']],
    ['“We can’t,” he said.\n\nU.S. officials agreed.', ['“', 'We', 'ca', 'n’t', ',', '”', 'he', 'said', '.', 'U.S.', 'officials', 'agreed', '.']],
    ['Russia\'s  An-124   landed at 3 a.m.', ['Russia', "'s", 'An-124', 'landed', 'at', '3', 'a.m.']],
  ];
  it.each(rows)('wink: token offsets slice back to each token of %j', (text, expected) => {
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(expected);
    expect(tokens.every((t) => text.slice(t.start, t.end) === t.value)).toBe(true);
  });

  it('wink: tags proper nouns and lemmas', () => {
    const [budanov, told] = tokenize('Budanov told reporters').map((t) => [t.pos, t.lemma]);
    expect(budanov[0]).toBe('PROPN');
    expect(told[1]).toBe('tell');
  });

  it('wink: a text gets the same tokens whatever the process read before it', () => {
    // FNC-1 body 273 writes "Baghdadi’s" whole; wink used to keep that word and then not split body 254's "Baghdadi’s aide".
    const bodies = new Map(parseCsv(readFileSync(FNC_BODIES, 'utf8')).map(([id, body]) => [id, body]));
    const [later, earlier] = [bodies.get('254')!, bodies.get('273')!];
    const before = tokenize(later);
    expect(before.some((t) => t.value === 'Baghdadi' && later.startsWith('’s', t.end))).toBe(true);
    clearTokenCache();
    tokenize(earlier);
    clearTokenCache();
    expect(tokenize(later)).toEqual(before);
  });
});

