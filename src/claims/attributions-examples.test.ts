import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../extract/extract.js';
import { segmentSentences } from '../segment/sentences.js';
import { extractAttributions } from './attributions.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EXAMPLES = path.resolve(HERE, '../../examples');

interface ExpectedAttribution { file: string; speaker: string; cue: string; via: string | null; anonymous: boolean }

describe('attributions: bundled example corpus', () => {
  it('attributions: finds the attributions listed in examples/expected.json', () => {
    const expected = JSON.parse(readFileSync(path.join(EXAMPLES, 'expected.json'), 'utf8')) as { attributions: ExpectedAttribution[] };
    const found = { cue: 0, speaker: 0, via: 0, viaGold: 0, anonymous: 0 };
    const cache = new Map<string, { text: string; mentions: ReturnType<typeof extractAttributions> }>();
    for (const e of expected.attributions) {
      if (!cache.has(e.file)) {
        const body = readFileSync(path.join(EXAMPLES, 'corpus', e.file), 'utf8');
        const article = extractDocument({ input: e.file, path: e.file, format: e.file.endsWith('.html') ? 'html' : 'text', body, fetchedAt: '2031-01-01T00:00:00Z' });
        article.layers = { ...article.layers, sentence: segmentSentences(article.text) };
        cache.set(e.file, { text: article.text, mentions: extractAttributions(article) });
      }
      const { text, mentions } = cache.get(e.file)!;
      const show = (s?: { start: number; end: number }) => (s ? text.slice(s.start, s.end) : '');
      if (e.via) found.viaGold++;
      const m = mentions.find((x) => show(x.cue).toLowerCase() === e.cue.toLowerCase() && show(x.speaker).includes(e.speaker.split(' ').pop()!));
      if (!m) continue;
      found.cue++;
      if (show(m.speaker) === e.speaker) found.speaker++;
      if (e.via && show(m.via).includes(e.via.replace(/^(the|a|an) /i, ''))) found.via++;
      if (m.anonymous === e.anonymous) found.anonymous++;
    }
    const n = expected.attributions.length;
    expect(found.cue / n).toBeGreaterThanOrEqual(FLOOR_CUE);
    expect(found.speaker / n).toBeGreaterThanOrEqual(FLOOR_SPEAKER);
    expect(found.anonymous / n).toBeGreaterThanOrEqual(FLOOR_CUE);
    expect(found.via / found.viaGold).toBeGreaterThanOrEqual(FLOOR_VIA);
  });
});

/** Floors slightly under the measured shares: cues 31/31, exact speakers 28/31, anonymity 31/31, via 7/7. */
const FLOOR_CUE = 0.95;
const FLOOR_SPEAKER = 0.87;
const FLOOR_VIA = 0.85;
