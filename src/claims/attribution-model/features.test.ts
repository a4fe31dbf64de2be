import { describe, expect, it } from 'vitest';
import { tokenize } from '../../nlp/wink.js';
import { retag } from '../attribution-cues.js';
import { frameAfter, frameBefore } from './features.js';

/** The frame after and before the token `word` in `text`, as the tagger reads them. */
function frame(text: string, word: string): [before: string, after: string] {
  const tokens = retag(text, tokenize(text));
  const i = tokens.findIndex((t) => t.value === word);
  return [frameBefore(tokens, i), frameAfter(tokens, i)];
}

describe('attribution tagger frames', () => {
  it('frames: reads what opens a cue\'s complement past adverbs and negations (that, a colon, a quotation, "to" and a verb)', () => {
    expect(frame('Trump repeatedly claims that the deal is bad.', 'claims')[1]).toBe('that');
    expect(frame('The senator warned: “This will not pass.”', 'warned')[1]).toBe(':');
    expect(frame('She said “we will win” on Monday.', 'said')[1]).toBe('Q');
    expect(frame('The Times is expected to endorse Clinton.', 'expected')[1]).toBe('to VERB');
    expect(frame('He did not ever criticize Clinton.', 'criticize')).toEqual(['he', 'PROPN']);
  });

  it('frames: reads what stands in a cue\'s subject place past auxiliaries and adverbs (a name, a pronoun, a possessive)', () => {
    expect(frame('Sanders has repeatedly warned voters.', 'warned')[0]).toBe('PROPN');
    expect(frame('Later he quietly admitted it.', 'admitted')[0]).toBe('he');
    expect(frame('Despite his claims that he won, the count differs.', 'claims')[0]).toBe('his');
    expect(frame('Warned by aides, he left.', 'Warned')[0]).toBe('<s>');
  });
});
