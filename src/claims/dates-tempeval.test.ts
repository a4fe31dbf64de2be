import { describe, expect, it } from 'vitest';
import { loadTempEval, scoreDates } from '../../scripts/eval-dates.js';

describe('dates: TempEval-3 TBAQ-cleaned', () => {
  it('dates: keeps span and value F1 on TimeBank + AQUAINT above the floors', () => {
    // Fails loudly when ../shared/data/timeml-tempeval3 is missing (loadTempEval throws).
    const s = scoreDates(loadTempEval());
    // Measured (PRESENT/PAST/FUTURE_REF gold scored): span P .942 R .895 F1 .918; value acc .857, P .800 R .773 F1 .786;
    // strict (exact span) value F1 .697. Before issue 12 on the same scorer: span F1 .892, value F1 .749, strict .663.
    expect(s.spanF1).toBeGreaterThanOrEqual(0.9);
    expect(s.valueF1).toBeGreaterThanOrEqual(0.77);
    expect(s.valueAccuracy).toBeGreaterThanOrEqual(0.84);
    expect(s.strictValueF1).toBeGreaterThanOrEqual(0.68);
  });
});
