import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPEVAL_DIR, evalDates, loadTempEval, loadTmlFiles, scoreDates } from '../../scripts/eval-dates.js';

describe('dates: TempEval-3 TBAQ-cleaned', () => {
  it('dates: keeps span and value F1 on TimeBank + AQUAINT above the floors', () => {
    // Fails loudly when ../shared/data/timeml-tempeval3 is missing (loadTempEval throws).
    const s = scoreDates(loadTempEval());
    // Measured (PRESENT/PAST/FUTURE_REF gold scored): span P .945 R .915 F1 .929; value acc .914, P .859 R .842 F1 .851;
    // strict (exact span) span F1 .876, value F1 .818. Before issue 12: span F1 .892, value F1 .749, strict .663; before the
    // governing-verb tense and TimeML extents: value F1 .786, strict .697.
    expect(s.spanF1).toBeGreaterThanOrEqual(0.91);
    expect(s.valueF1).toBeGreaterThanOrEqual(0.84);
    expect(s.valueAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(s.strictValueF1).toBeGreaterThanOrEqual(0.81);
  });
});

describe('dates: the evaluation takes its data as options', () => {
  it('dates: scores a folder or single files given on the command line, and names a missing one', async () => {
    const one = path.join(TEMPEVAL_DIR, 'AQUAINT', 'APW19980807.0261.tml');
    const docs = loadTmlFiles([one]);
    expect(docs.map((d) => d.name)).toEqual(['APW19980807.0261.tml']);
    expect(docs[0].timexes.length).toBeGreaterThan(0);
    expect(loadTempEval(path.join(TEMPEVAL_DIR, 'AQUAINT')).length).toBe(73);
    expect((await evalDates({ files: [one] }))[0]).toMatch(/^dates on 1 TimeML file\(s\)/);
    expect(() => loadTmlFiles(['/nonexistent/x.tml'])).toThrow('--file /nonexistent/x.tml: no such file');
    expect(() => loadTempEval('/nonexistent')).toThrow('TimeML folder missing: /nonexistent');
  });
});
