import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../core/article.js';
import { segmentSentences } from '../../segment/sentences.js';
import { extractAttributions, prepareAttributions, ruleDrafts } from '../attributions.js';
import { taggerInputs } from './combine.js';
import type { SentenceInput } from './features.js';
import { attributionWeights, decodeSentence, decodeUncached, LABELS, unpackModel, type AttributionModelFile } from './tagger.js';

function article(text: string) {
  return makeArticle({ text, layers: { sentence: segmentSentences(text) } });
}

/** Each report as "speaker | cue". */
function reports(text: string, model?: boolean): string[] {
  return extractAttributions(article(text), { model }).map((m) => `${m.speaker ? text.slice(m.speaker.start, m.speaker.end) : '-'} | ${text.slice(m.cue.start, m.cue.end)}`);
}

const TEXT = [
  'Sen. Bernie Sanders on Saturday slammed the climate accord adopted in Paris, saying it goes nowhere near far enough.',
  '“We will win this state,” the governor told reporters in Des Moines on Monday.',
  'The plan was opposed by most Republicans in the House, and several of them mocked it as a giveaway.',
  'Polls show Clinton ahead in Nevada, according to a survey released Tuesday by CNN.',
].join('\n\n');

describe('attribution tagger', () => {
  it('attribution tagger: finds a report whose verb no cue list holds, with its speaker, where the rules alone find none', () => {
    const text = 'Sen. Bernie Sanders on Saturday slammed the climate accord adopted in Paris.';
    expect(reports(text, false)).toEqual([]);
    expect(reports(text)).toEqual(['Sen. Bernie Sanders | slammed']);
  });

  it('attribution tagger: keeps the reports the rules read, with their speakers', () => {
    const rules = reports(TEXT, false);
    const both = reports(TEXT);
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) expect(both).toContain(r);
  });

  it('attribution tagger: the cached decoding gives exactly the labels of the plain feature-string decoding', () => {
    const p = prepareAttributions(article(TEXT));
    const weights = attributionWeights();
    const inputs = taggerInputs(p, ruleDrafts(p));
    expect(inputs.length).toBe(4);
    for (const s of inputs) expect(decodeSentence(weights, s)).toEqual(decodeUncached(weights, s));
  });

  it('attribution tagger: a word holding the feature separator ("a|b") finds its pair and neighbour weights as the feature strings do', () => {
    const token = (value: string, start: number) => ({ start, end: start + value.length, value, pos: 'NOUN', lemma: value, normal: value, type: 'word' });
    const tokens = [token('a|b', 0), token('c', 4), token('a', 6), token('b|c', 8)];
    // "w-1|w=a|b|c" is the pair (a|b, c) and the pair (a, b|c): tokens 1 and 3 are sources by it, 0 and 2 cues by its "w|w+1" twin.
    const weights = unpackModel({
      format: 1,
      labels: [...LABELS],
      scale: 100,
      weights: { 'w-1|w=a|b|c': [1, 500], 'w|w+1=a|b|c': [2, 900], 'w+1=b|c': [2, 300], 'w-2=a|b': [1, 700] },
      trained: {},
    });
    const s: SentenceInput = { tokens, rules: ['O', 'O', 'O', 'O'], inQuote: [false, false, false, false], paragraphPosition: 0 };
    const labels = decodeSentence(weights, s);
    expect(labels).toEqual(decodeUncached(weights, s));
    expect(labels).toEqual(['CUE', 'SRC', 'CUE', 'SRC']);
  });

  it('attribution tagger: refuses a model file made for other labels', () => {
    const file: AttributionModelFile = { format: 1, labels: ['O', 'B-SRC'], scale: 100, weights: {}, trained: {} };
    expect(() => unpackModel(file)).toThrow(/unexpected format or labels/);
    expect(unpackModel({ ...file, labels: [...LABELS], weights: { 'w=said': [2, 150] } }).get('w=said')?.[2]).toBe(150);
  });
});
