import { describe, expect, it } from 'vitest';
import { pieces, type Mark } from '../web/src/highlight.js';

const m = (start: number, end: number, cls: string): Mark => ({ start, end, cls });
const show = (from: number, to: number, marks: Mark[]) => pieces(from, to, marks).map((p) => `${p.start}-${p.end}:${p.marks.map((x) => x.cls).join('+')}`);

describe('web: highlight pieces', () => {
  it.each([
    ['no marks: one plain piece', 0, 10, [], ['0-10:']],
    ['a mark inside the text', 0, 10, [m(2, 5, 'entity')], ['0-2:', '2-5:entity', '5-10:']],
    ['nested marks: the claim over its entity', 0, 10, [m(0, 10, 'claim'), m(3, 6, 'entity')], ['0-3:claim', '3-6:claim+entity', '6-10:claim']],
    ['overlapping marks split where each starts and ends', 0, 10, [m(1, 6, 'date'), m(4, 9, 'modality')], ['0-1:', '1-4:date', '4-6:date+modality', '6-9:modality', '9-10:']],
    ['marks cut to the range shown', 5, 8, [m(0, 6, 'claim'), m(7, 20, 'entity')], ['5-6:claim', '6-7:', '7-8:entity']],
    ['empty and outside marks are ignored', 0, 4, [m(2, 2, 'entity'), m(9, 12, 'claim')], ['0-4:']],
  ])('%s', (_name, from, to, marks, expected) => {
    expect(show(from as number, to as number, marks as Mark[])).toEqual(expected);
  });

  it('covers the range exactly, whatever the marks', () => {
    const marks = Array.from({ length: 200 }, (_, i) => m((i * 37) % 500, ((i * 37) % 500) + (i % 23) + 1, `k${i % 5}`));
    const out = pieces(0, 520, marks);
    expect(out[0].start).toBe(0);
    expect(out.at(-1)!.end).toBe(520);
    for (let i = 1; i < out.length; i++) expect(out[i].start).toBe(out[i - 1].end);
    for (const p of out) {
      const covering = marks.filter((x) => x.start <= p.start && p.end <= x.end);
      expect(new Set(p.marks)).toEqual(new Set(covering));
    }
  });
});
