/** Splits a text into pieces at every span boundary, each piece carrying the spans that cover it. */

export interface Mark {
  start: number;
  end: number;
  /** CSS class of the layer. */
  cls: string;
  /** What a hover or screen reader tells about it. */
  title?: string;
  /** Element id for a deep link (e.g. a claim). */
  id?: string;
}

export interface Piece {
  start: number;
  end: number;
  marks: Mark[];
}

/** Pieces of [from, to) in order; overlapping marks nest, so each piece lists every mark over it (sweep, not all pairs). */
export function pieces(from: number, to: number, marks: readonly Mark[]): Piece[] {
  const inRange = marks.filter((m) => m.end > from && m.start < to && m.end > m.start);
  const points = new Set<number>([from, to]);
  for (const m of inRange) {
    points.add(Math.max(from, m.start));
    points.add(Math.min(to, m.end));
  }
  const cuts = [...points].sort((a, b) => a - b);
  const starts = [...inRange].sort((a, b) => a.start - b.start);
  const active: Mark[] = [];
  const out: Piece[] = [];
  let next = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    while (next < starts.length && starts[next].start <= a) active.push(starts[next++]);
    for (let j = active.length - 1; j >= 0; j--) if (active[j].end <= a) active.splice(j, 1);
    out.push({ start: a, end: b, marks: [...active] });
  }
  return out;
}
