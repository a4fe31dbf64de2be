import { describe, expect, it } from 'vitest';
import { loadTempEval, scoreDates } from '../../scripts/eval-dates.js';

describe('dates: TempEval-3 TBAQ-cleaned', () => {
  it('dates: keeps span and value F1 on TimeBank + AQUAINT above the floors', () => {
    // Fails loudly when ../shared/data/timeml-tempeval3 is missing (loadTempEval throws).
    const s = scoreDates(loadTempEval());
    // Measured: span P .966 R .827 F1 .891; value acc .838, P .803 R .780 F1 .791.
    expect(s.spanF1).toBeGreaterThanOrEqual(0.87);
    expect(s.valueF1).toBeGreaterThanOrEqual(0.77);
    expect(s.valueAccuracy).toBeGreaterThanOrEqual(0.81);
  });
});
