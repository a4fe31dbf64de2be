import { describe, expect, it } from 'vitest';
import { getNlp, tokenize } from './wink.js';

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
});
