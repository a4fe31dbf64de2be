/**
 * Unsupported additions: sentences of a derived article found neither in its origin nor in any other
 * article of its story. A padded rewrite's invented quote shows up here.
 */
import { overlaps, type Span } from '../core/span.js';
import type { ReuseProfile, SentenceProfile } from './profile.js';
import type { Addition, ReuseLink } from './types.js';

/** A sentence this similar (term Jaccard) to any sentence elsewhere in the story is supported. */
export const SUPPORT_MIN_JACCARD = 0.25;
/** Share of a sentence covered by verbatim passages that makes it supported. */
const SUPPORT_MIN_COVERED_SHARE = 0.5;
/** Sentences with fewer content terms (datelines, captions) are neither flagged nor supporting. */
export const ADDITION_MIN_TERMS = 5;

/** Sentence index over the other articles of a story, for support look-ups. */
export class SupportIndex {
  private readonly postings = new Map<string, { doc: string; terms: number }[]>();

  constructor(profiles: readonly ReuseProfile[]) {
    for (const p of profiles) {
      for (const s of p.sentences) {
        if (s.terms.length < 3) continue;
        const entry = { doc: p.id, terms: s.terms.length };
        for (const t of s.terms) {
          const list = this.postings.get(t);
          if (list) list.push(entry);
          else this.postings.set(t, [entry]);
        }
      }
    }
  }

  /** Best Jaccard of `sentence` against sentences of articles other than `selfId` (and `excludeId`). */
  bestSupport(sentence: SentenceProfile, selfId: string, excludeId?: string): number {
    const shared = new Map<{ doc: string; terms: number }, number>();
    for (const t of sentence.terms) {
      for (const entry of this.postings.get(t) ?? []) {
        if (entry.doc !== selfId && entry.doc !== excludeId) shared.set(entry, (shared.get(entry) ?? 0) + 1);
      }
    }
    let best = 0;
    for (const [entry, inter] of shared) best = Math.max(best, inter / (sentence.terms.length + entry.terms - inter));
    return best;
  }
}

/** Spans of `derived` supported by neither its links' passages nor any other story article. */
export function findAdditions(derived: ReuseProfile, links: readonly ReuseLink[], support: SupportIndex): Addition[] {
  const covered: [number, number][] = [];
  for (const link of links) {
    for (const p of link.passages) {
      if (link.from === derived.id) covered.push([p.from.start, p.from.end]);
      if (link.to === derived.id) covered.push([p.to.start, p.to.end]);
    }
  }
  const additions: Addition[] = [];
  const text = derived.article.text;
  for (const s of derived.sentences) {
    if (s.terms.length < ADDITION_MIN_TERMS) continue;
    if (coveredShare(s, covered) >= SUPPORT_MIN_COVERED_SHARE) continue;
    if (support.bestSupport(s, derived.id) >= SUPPORT_MIN_JACCARD) continue;
    const last = additions[additions.length - 1];
    if (last && /^\s*$/.test(text.slice(last.end, s.start))) last.end = s.end;
    else additions.push({ start: s.start, end: s.end, reason: 'unsupported-addition' });
  }
  return additions;
}

function coveredShare(s: SentenceProfile, covered: readonly [number, number][]): number {
  let inside = 0;
  for (const [start, end] of covered) inside += Math.max(0, Math.min(end, s.end) - Math.max(start, s.start));
  return inside / Math.max(1, s.end - s.start);
}

/** Content sentences of `p` that no story article other than `p` and `excludeId` supports. */
export function countUnique(p: ReuseProfile, support: SupportIndex, excludeId: string): number {
  let n = 0;
  for (const s of p.sentences) if (s.terms.length >= ADDITION_MIN_TERMS && support.bestSupport(s, p.id, excludeId) < SUPPORT_MIN_JACCARD) n++;
  return n;
}

/** True when most of `span` lies inside one unsupported addition: a claim that merely touches one is not the added text. */
export function inAddition(additions: readonly Span[], span: Span): boolean {
  return additions.some((add) => overlaps(add, span) && 2 * (Math.min(add.end, span.end) - Math.max(add.start, span.start)) >= span.end - span.start);
}
