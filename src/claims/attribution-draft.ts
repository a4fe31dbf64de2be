/**
 * What the attribution readers share: the draft of one report being read, the sentence context each reader
 * gets, and the cue-form table. No logic beyond token lookup.
 */
import type { Span } from '../core/span.js';
import type { WinkToken } from '../nlp/wink.js';
import {
  CUE_VERBS,
} from './lexicon/attribution.js';
import type { EntityMention } from './types.js';

/** Every inflected form of a reporting verb mapped to its lemma ("told" → "tell"). */
export const FORM_TO_LEMMA: ReadonlyMap<string, string> = new Map(
  Object.entries(CUE_VERBS).flatMap(([lemma, forms]) => [[lemma, lemma] as const, ...forms.map((f) => [f, lemma] as const)]),
);

/** One report being read: spans found so far, before it becomes an `AttributionMention`. */
export interface Draft {
  speaker?: Span;
  cue: Span;
  cueLemma: string;
  via?: Span;
  content?: Span;
  direct: boolean;
  anonymous: boolean;
  /** Cue start of the attribution this one is cited by (chains are linked after sorting). */
  citedByCue?: number;
  /** Extra text checked for anonymity markers ("who spoke on condition of anonymity"). */
  modifier?: Span;
}

/** What every reader gets: the text, its re-tagged tokens, the sentence at hand, quotes and entities. */
export interface Ctx {
  text: string;
  tokens: readonly WinkToken[];
  sentence: Span;
  quotes: Span[];
  entities: EntityMention[];
  /** All-capitals speaker labels used more than once ("TAPPER:"), so a transcript's turns are not read as datelines. */
  labels: ReadonlySet<string>;
}

/** True when the tokens from `i` spell `phrase` (lowercased words separated by spaces). */
export function matchesPhrase(tokens: readonly WinkToken[], i: number, phrase: string): boolean {
  const words = phrase.split(' ');
  return words.every((w, k) => tokens[i + k]?.normal === w);
}

/** Index of the token starting at `offset` (binary search; tokens are sorted). */
export function tokenAt(tokens: readonly WinkToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return tokens[lo]?.start === offset ? lo : -1;
}

/** A speaker found left of its cue, with its last token and any channel or modifier read on the way. */
export interface LeftSpeaker {
  span: Span;
  headToken: WinkToken;
  via?: Span;
  modifier?: Span;
}
