/** Maps reuse links to the JSON export contract (LinkSchema in src/report/export-schema.ts). */
import type { Corpus } from '../core/pipeline.js';
import type { ExportLink } from '../report/export-schema.js';
import './links-stage.js';

/** Links of a corpus in export shape: passages as [start, end] pairs, evidence as is. */
export function exportLinks(corpus: Corpus): ExportLink[] {
  return (corpus.data.links ?? []).map((l) => ({
    from: l.from,
    to: l.to,
    kind: l.kind,
    score: l.score,
    direction: l.direction,
    passages: l.passages.map((p) => ({ from: [p.from.start, p.from.end] as [number, number], to: [p.to.start, p.to.end] as [number, number] })),
    evidence: l.evidence,
  }));
}
