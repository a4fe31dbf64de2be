import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../segment/sentences.js';
import { useConllLexicon } from '../entities-known.js';
import { tagWithRules } from '../entities-rules.js';
import { sentenceTokens } from '../entities-tokens.js';
import { capitalisedWords, ruleLabels, shapeOf } from './features.js';
import { decodeSentence, decodeUncached, isAllowed, LABELS, spansOf, taggerWeights, unpackModel, type TaggerModelFile } from './perceptron.js';

/** Sentence contexts of a text, as the entities stage builds them. */
function contexts(text: string) {
  const toks = sentenceTokens(text, segmentSentences(text));
  useConllLexicon(false);
  const rules = tagWithRules(text, toks);
  useConllLexicon(true);
  const labels = ruleLabels(toks, rules);
  const capitalisedInDoc = capitalisedWords(toks);
  return toks.map((t, s) => ({ toks: t, rules: labels[s], capitalisedInDoc }));
}

const TEXT = [
  'Leeds United beat Chelsea 2-1 at Elland Road on Saturday, manager Howard Wilkinson said.',
  'Motorola and Samsung shares rose in New York after the Federal Reserve left rates unchanged.',
  'Boris Yeltsin met Chinese Premier Li Peng in Moscow; Interfax reported the talks went well.',
  'ajnfkq zzxq Qqqxv Wvvvq 7,5 ## !!',
].join('\n');

describe('trained entity tagger', () => {
  it('tagger: labels names in newswire it has not seen with their CoNLL types', () => {
    const text = 'Boris Yeltsin met Li Peng in Moscow on Monday.';
    const [ctx] = contexts(text);
    const spans = spansOf(ctx.toks, decodeSentence(taggerWeights(), ctx)).map((s) => [text.slice(s.start, s.end), s.type]);
    expect(spans).toEqual([
      ['Boris Yeltsin', 'PER'],
      ['Li Peng', 'PER'],
      ['Moscow', 'LOC'],
    ]);
  });

  it('tagger: the cached decoding gives exactly the labels of the plain feature-string decoding', () => {
    const weights = taggerWeights();
    for (const ctx of contexts(TEXT)) expect(decodeSentence(weights, ctx)).toEqual(decodeUncached(weights, ctx));
  });

  it('tagger: a sentence with more distinct shapes than the caches index is still labelled as the plain decoding labels it', () => {
    // Words of capitals, lowercase letters and digits in every order: several hundred distinct shapes in one sentence.
    const parts = ['Q', 'q', '7'];
    const words: string[] = [];
    for (let n = 0; words.length < 400; n++) {
      let w = '';
      for (let k = n; w.length < 6; k = Math.floor(k / 3)) w += parts[k % 3];
      words.push(`${w}${n}`);
    }
    const [ctx] = contexts(`${words.join(' ')}.`);
    expect(new Set(ctx.toks.map((t) => shapeOf(t.value))).size).toBeGreaterThan(256);
    expect(decodeSentence(taggerWeights(), ctx)).toEqual(decodeUncached(taggerWeights(), ctx));
  });

  it('tagger: never opens an entity with an inside label of another type (IOB2)', () => {
    expect(isAllowed('O', 'I-PER')).toBe(false);
    expect(isAllowed('B-ORG', 'I-PER')).toBe(false);
    expect(isAllowed('B-PER', 'I-PER')).toBe(true);
    for (const ctx of contexts(TEXT)) {
      const labels = decodeSentence(taggerWeights(), ctx);
      labels.forEach((l, i) => expect(isAllowed(i ? labels[i - 1] : 'O', l), `${l} after ${labels[i - 1]}`).toBe(true));
    }
  });

  it('tagger: refuses a model file made for other labels, naming the problem', () => {
    const file: TaggerModelFile = { format: 1, labels: ['O', 'B-X'], scale: 100, weights: {}, trained: {} };
    expect(() => unpackModel(file)).toThrow(/unexpected format or labels \(O, B-X\)/);
    expect(unpackModel({ ...file, labels: [...LABELS], weights: { bias: [0, 5, 3, -2] } }).get('bias')?.[3]).toBe(-2);
  });

  it.each([
    ['Moscow', 'Xxx'],
    ['NATO', 'XX'],
    ['1996-08-22', 'dd-dd-dd'],
    ['U.S.', 'X.X.'],
    ['McDonald', 'XxXxx'],
  ])('tagger: the shape of %s is %s', (word, shape) => expect(shapeOf(word)).toBe(shape));
});
