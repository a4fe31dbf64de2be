import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLNEAR_DIR, scoreAttribution } from '../../scripts/eval-attribution.js';

describe('attributions: PolNeAR dev split', () => {
  it('attributions: with the trained tagger, source, cue and content stay above the floors', () => {
    // Throws (fails loudly) when /work/shared/data/polnear is missing.
    const { roles, articles } = scoreAttribution({ split: 'dev' });
    expect(articles).toBe(84);
    expect(roles.Cue.overlap.p).toBeGreaterThanOrEqual(FLOOR.cueP);
    expect(roles.Cue.overlap.r).toBeGreaterThanOrEqual(FLOOR.cueR);
    expect(roles.Source.overlap.p).toBeGreaterThanOrEqual(FLOOR.sourceP);
    expect(roles.Source.overlap.r).toBeGreaterThanOrEqual(FLOOR.sourceR);
    expect(roles.Source.overlap.f).toBeGreaterThanOrEqual(FLOOR.sourceF);
    expect(roles.Content.overlap.f).toBeGreaterThanOrEqual(FLOOR.contentF);
  });

  it('attributions: the rules alone keep their cue precision and recall', () => {
    const { roles } = scoreAttribution({ split: 'dev', model: false });
    expect(roles.Cue.overlap.p).toBeGreaterThanOrEqual(RULES_FLOOR.cueP);
    expect(roles.Cue.overlap.r).toBeGreaterThanOrEqual(RULES_FLOOR.cueR);
    expect(roles.Source.overlap.p).toBeGreaterThanOrEqual(RULES_FLOOR.sourceP);
    expect(roles.Source.overlap.r).toBeGreaterThanOrEqual(RULES_FLOOR.sourceR);
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

/**
 * Floors just under the measured dev scores with the tagger: cue overlap P 82.6 / R 68.1, source 75.3 / 69.7 (F1 72.4),
 * content F1 72.6. The cue precision floor was 0.88 for the rules alone: the tagger trades 7 points of it for 15 of
 * recall, so the precision floors are lower and the recall floors higher than before.
 */
const FLOOR = { cueP: 0.81, cueR: 0.67, sourceP: 0.74, sourceR: 0.69, sourceF: 0.715, contentF: 0.72 };
/** The rules alone (`model: false`), measured: cue overlap P 89.7 / R 53.0, source 84.9 / 56.3 (the floors they had before the tagger). */
const RULES_FLOOR = { cueP: 0.88, cueR: 0.52, sourceP: 0.83, sourceR: 0.55 };
