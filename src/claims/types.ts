/**
 * Annotation shapes of the claims stages, shared by entities, quantities, dates, attributions,
 * modality and claims. Each is a Span into `Article.text` with named fields, never a copy of text.
 */
import type { Span } from '../core/span.js';

export type EntityType = 'person' | 'organisation' | 'place' | 'military-unit' | 'equipment' | 'outlet' | 'other';

/** One mention of an entity in one article. */
export interface EntityMention extends Span {
  type: EntityType;
  /** Normalised surface key (lowercased, possessive and title stripped), used for resolution. */
  key: string;
  /** Span of a title or role that precedes the name ("Lt. Gen.", "President"), when present. */
  title?: Span;
}

export type Approximation =
  | 'about' // about, around, roughly, some, approximately
  | 'nearly' // nearly, almost, close to
  | 'up-to' // up to, as many as
  | 'at-least' // at least, more than, over
  | 'at-most' // fewer than, less than, under
  | 'several' // several thousand, thousands of, millions of
  | 'exact';

/** A number with what it counts, its range and how hedged it is. */
export interface QuantityMention extends Span {
  /** Central value; for vague amounts ("millions of") the lower bound of the order of magnitude. */
  value: number;
  low?: number;
  high?: number;
  approx: Approximation;
  /** The thing counted, lemmatised and lowercased ("soldier", "shell", "ship"). */
  unit?: string;
  unitSpan?: Span;
}

/** A date or interval normalised against the publication date. */
export interface DateMention extends Span {
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) of the interval's first day; absent when unresolved. */
  from?: string;
  /** ISO date of the interval's last day (same as `from` for a single day). */
  to?: string;
  grain: 'day' | 'week' | 'month' | 'year' | 'unknown';
  /** False when the year or reference could not be fixed; `from`/`to` are then best guesses or absent. */
  resolved: boolean;
  /**
   * A reference to the time of writing ("now": `from`/`to` are the publication day) or to an unspecified past or
   * future ("recently", "in the future": no `from`/`to`), as TimeML's PRESENT_REF / PAST_REF / FUTURE_REF.
   */
  ref?: 'present' | 'past' | 'future';
}

export type AttributionCue = string;

/** Who says something, how, and through which channel. */
export interface AttributionMention extends Span {
  /** The speaker as written: a name, a role or an anonymous description. */
  speaker?: Span;
  /** Id of the resolved entity for the speaker, filled by the entities corpus stage when known. */
  speakerEntity?: string;
  /** The name earlier in the article that a pronoun or role speaker stands for ("he", "the top diplomat"). */
  speakerRef?: Span;
  anonymous: boolean;
  /** Reporting verb or phrase: told, said, according to, citing. */
  cue: Span;
  /** Lemma of the cue ("tell", "say", "according to", "cite"). */
  cueLemma: string;
  /** Channel or intermediary: "The War Zone", "a statement", "Yonhap". */
  via?: Span;
  /** What is attributed (the reported content). */
  content?: Span;
  /** True for direct quotation. */
  direct: boolean;
  /** Index in the same article's attribution layer of the source this one cites (chains). */
  citing?: number;
}

export type ModalityKind = 'hedge' | 'denial' | 'non-confirmation' | 'unverified' | 'opinion';

/** A hedge, denial or non-confirmation cue and the span it governs. */
export interface ModalityMention extends Span {
  kind: ModalityKind;
  /** Lexicon entry that matched ("allegedly", "cannot confirm"). */
  cue: string;
  /** The clause or sentence it governs. */
  scope: Span;
}

export type ClaimKind = 'quantity' | 'event' | 'quote' | 'statement';

/** One claim: a statement in one article with its subject, figure, time, source and certainty. */
export interface Claim extends Span {
  id: string;
  kind: ClaimKind;
  subject?: Span;
  /** Indexes into the article's quantity, date and attribution layers. */
  quantity?: number;
  date?: number;
  attribution?: number;
  hedge?: string;
  negated?: boolean;
  opinion?: boolean;
}
