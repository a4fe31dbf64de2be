import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLNEAR_DIR, scoreAttribution } from '../../scripts/eval-attribution.js';

describe('attributions: PolNeAR dev split', () => {
  it('attributions: keeps cue precision high while source, cue and content recall stay above the floors', () => {
    // Throws (fails loudly) when /work/shared/data/polnear is missing.
    const { roles, articles } = scoreAttribution({ split: 'dev' });
    expect(articles).toBe(84);
    expect(roles.Cue.overlap.p).toBeGreaterThanOrEqual(FLOOR_CUE_OVERLAP_P);
    expect(roles.Cue.overlap.r).toBeGreaterThanOrEqual(FLOOR_CUE_OVERLAP_R);
    expect(roles.Source.overlap.p).toBeGreaterThanOrEqual(FLOOR_SOURCE_OVERLAP_P);
    expect(roles.Source.overlap.r).toBeGreaterThanOrEqual(FLOOR_SOURCE_OVERLAP_R);
    expect(roles.Content.overlap.f).toBeGreaterThanOrEqual(FLOOR_CONTENT_OVERLAP_F1);
  });
});

describe('attributions: the evaluation takes its data as options', () => {
  it('attributions: scores single brat files with their article text, another split by name, and names what is missing', () => {
    const annDir = path.join(POLNEAR_DIR, 'dev', 'attributions');
    const first = path.join(annDir, readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort()[0]);
    const one = scoreAttribution({ files: [first] });
    expect(one.articles).toBe(1);
    expect(one.roles.Cue.gold).toBeGreaterThan(0);
    expect(() => scoreAttribution({ split: 'nope' })).toThrow(/attribution split "nope" missing/);
    expect(() => scoreAttribution({ files: ['/nonexistent/a_1.ann'] })).toThrow('--file /nonexistent/a_1.ann: no such file');
  });
});

/** Floors just under the measured dev scores: cue overlap P 89.7 / R 53.0, source 84.4 / 56.0, content F1 64.5. */
const FLOOR_CUE_OVERLAP_P = 0.88;
const FLOOR_CUE_OVERLAP_R = 0.52;
const FLOOR_SOURCE_OVERLAP_P = 0.83;
const FLOOR_SOURCE_OVERLAP_R = 0.55;
const FLOOR_CONTENT_OVERLAP_F1 = 0.63;
