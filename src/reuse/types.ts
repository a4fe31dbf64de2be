/** Types of the text-reuse results: links between articles, origin groups and unsupported additions. */
import type { Span } from '../core/span.js';

/** How a derived article reuses its origin. */
export type ReuseKind = 'duplicate' | 'copy' | 'partial' | 'rewrite' | 'translation' | 'shared-source';

/** Whether origin vs derivative was read from dates or cues (known), from text asymmetry (inferred), or not at all. */
export type ReuseDirection = 'known' | 'inferred' | 'unknown';

/** Kinds in which one article is derived from the other (shared-source is not a derivation). */
export const DERIVED_KINDS: readonly ReuseKind[] = ['duplicate', 'copy', 'partial', 'rewrite', 'translation'];

/** Why a link or its direction was decided. */
export interface ReuseEvidence {
  type:
    | 'published-earlier'
    | 'containment'
    | 'cue'
    | 'junk-added'
    | 'verbatim'
    | 'aligned-sentences'
    | 'shared-numbers'
    | 'shared-names'
    | 'shared-quote'
    | 'shared-source';
  detail: string;
}

/** A shared passage: `from` in the derived article, `to` in the origin. */
export interface ReusePassage {
  from: Span;
  to: Span;
}

/** A reuse relation: `from` is derived from `to` (when direction is unknown, `from` is the longer text). */
export interface ReuseLink {
  from: string;
  to: string;
  kind: ReuseKind;
  /** 0..1, strength of the evidence for this kind. */
  score: number;
  direction: ReuseDirection;
  passages: ReusePassage[];
  evidence: ReuseEvidence[];
}

/** Text of a derived article found neither in its origin nor anywhere else in its story. */
export interface Addition extends Span {
  reason: 'unsupported-addition';
}
