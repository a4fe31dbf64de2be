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

/** Sentences with fewer terms support nothing (and are not stored for support). */
const MIN_INDEXED_TERMS = 3;

/** What {@link SupportIndex} reads of an article: the terms of each sentence it indexes. Stored per article, so a story's index is built without its texts. */
export function supportTerms(p: Pick<ReuseProfile, 'sentences'>): string[][] {
  return p.sentences.filter((s) => s.terms.length >= MIN_INDEXED_TERMS).map((s) => s.terms);
}

/**
 * Sentence index over the articles of a story, for support look-ups; articles are added one at a time. A look-up
 * counts shared terms in flat arrays reused across calls (no allocation per sentence) and weighs only sentences whose
 * length allows the Jaccard it is asked for.
 */
export class SupportIndex {
  /** Term -> indexes of the sentences holding it. */
  private readonly postings = new Map<string, number[]>();
  /** Per indexed sentence: its article (as a number) and its count of terms. */
  private readonly docOf: number[] = [];
  private readonly sizeOf: number[] = [];
  private readonly docIds = new Map<string, number>();
  private shared = new Int32Array(64);
  private readonly touched: number[] = [];

  constructor(profiles: readonly ReuseProfile[] = []) {
    for (const p of profiles) this.add(p);
  }

  /** Indexes the content sentences of one more article. */
  add(p: ReuseProfile): void {
    this.addTerms(p.id, p.sentences.map((s) => s.terms));
  }

  /** Indexes one more article from its sentences' terms (as {@link supportTerms} stores them, or all of them). */
  addTerms(id: string, sentences: readonly (readonly string[])[]): void {
    const doc = this.docIds.get(id) ?? this.docIds.set(id, this.docIds.size).get(id)!;
    for (const terms of sentences) {
      if (terms.length < MIN_INDEXED_TERMS) continue;
      const entry = this.docOf.length;
      this.docOf.push(doc);
      this.sizeOf.push(terms.length);
      for (const t of terms) {
        const list = this.postings.get(t);
        if (list) list.push(entry);
        else this.postings.set(t, [entry]);
      }
    }
  }

  /** Best Jaccard of `sentence` against sentences of articles other than `selfId` (and `excludeId`). */
  bestSupport(sentence: Pick<SentenceProfile, 'terms'>, selfId: string, excludeId?: string): number {
    return this.support(sentence, selfId, excludeId, 0);
  }

  /** True when some sentence of an article other than `selfId` and `excludeId` has term Jaccard ≥ `min` with `sentence`. */
  supports(sentence: Pick<SentenceProfile, 'terms'>, selfId: string, excludeId: string | undefined, min: number): boolean {
    return this.support(sentence, selfId, excludeId, min) >= min;
  }

  /** Best Jaccard, considering only sentences whose length can reach `min` (|B| in [min·|A|, |A|/min]); 0 when none. */
  private support(sentence: Pick<SentenceProfile, 'terms'>, selfId: string, excludeId: string | undefined, min: number): number {
    if (this.shared.length < this.docOf.length) this.shared = new Int32Array(Math.max(this.docOf.length, 2 * this.shared.length));
    const self = this.docIds.get(selfId) ?? -1;
    const excluded = excludeId === undefined ? -1 : (this.docIds.get(excludeId) ?? -1);
    const n = sentence.terms.length;
    const lo = min * n;
    const hi = min > 0 ? n / min : Infinity;
    const { shared, touched } = this;
    for (const t of sentence.terms) {
      const list = this.postings.get(t);
      if (!list) continue;
      for (const e of list) {
        if (shared[e]++ === 0) touched.push(e);
      }
    }
    let best = 0;
    for (const e of touched) {
      const inter = shared[e];
      shared[e] = 0;
      const doc = this.docOf[e];
      const size = this.sizeOf[e];
      if (doc === self || doc === excluded || size < lo || size > hi) continue;
      const j = inter / (n + size - inter);
      if (j > best) best = j;
    }
    touched.length = 0;
    return best;
  }
}

/** A sentence flagged as unsupported, with what a later run needs to check it against new story members only. */
export interface FlaggedSentence {
  start: number;
  end: number;
  terms: string[];
  /** Only whitespace lies between it and the flagged sentence before it: they form one addition. */
  joins: boolean;
}

/** Spans of `derived` supported by neither its links' passages nor any other story article. */
export function findAdditions(derived: ReuseProfile, links: readonly ReuseLink[], support: SupportIndex): Addition[] {
  return mergeFlagged(findUnsupported(derived, links, support));
}

/** The sentences of `derived` that {@link findAdditions} flags, one by one. */
export function findUnsupported(derived: ReuseProfile, links: readonly ReuseLink[], support: SupportIndex): FlaggedSentence[] {
  const covered: [number, number][] = [];
  for (const link of links) {
    for (const p of link.passages) {
      if (link.from === derived.id) covered.push([p.from.start, p.from.end]);
      if (link.to === derived.id) covered.push([p.to.start, p.to.end]);
    }
  }
  const flagged: FlaggedSentence[] = [];
  const text = derived.article.text;
  for (const s of derived.sentences) {
    if (s.terms.length < ADDITION_MIN_TERMS) continue;
    if (coveredShare(s, covered) >= SUPPORT_MIN_COVERED_SHARE) continue;
    if (support.supports(s, derived.id, undefined, SUPPORT_MIN_JACCARD)) continue;
    const last = flagged[flagged.length - 1];
    flagged.push({ start: s.start, end: s.end, terms: s.terms, joins: !!last && /^\s*$/.test(text.slice(last.end, s.start)) });
  }
  return flagged;
}

/**
 * The flagged sentences that sentences of articles added to the story since (indexed in `added`) still leave
 * unsupported. Support only grows with members, so this equals flagging again over the whole story. A sentence that
 * lost its flag ends the addition it was in (its own words lie between its neighbours).
 */
export function stillUnsupported(flagged: readonly FlaggedSentence[], added: SupportIndex, selfId: string): FlaggedSentence[] {
  const out: FlaggedSentence[] = [];
  let keptPrevious = false;
  for (const f of flagged) {
    const kept = !added.supports(f, selfId, undefined, SUPPORT_MIN_JACCARD);
    if (kept) out.push(f.joins && !keptPrevious ? { ...f, joins: false } : f);
    keptPrevious = kept;
  }
  return out;
}

/** Flagged sentences as additions: consecutive ones with only whitespace between form one. */
export function mergeFlagged(flagged: readonly FlaggedSentence[]): Addition[] {
  const additions: Addition[] = [];
  for (const f of flagged) {
    const last = additions[additions.length - 1];
    if (last && f.joins) last.end = f.end;
    else additions.push({ start: f.start, end: f.end, reason: 'unsupported-addition' });
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
  return uniqueSentences(p, support, excludeId).length;
}

/** The terms of the sentences {@link countUnique} counts: a later run checks them against new story members only. */
export function uniqueSentences(p: ReuseProfile, support: SupportIndex, excludeId: string): string[][] {
  const out: string[][] = [];
  for (const s of p.sentences) if (s.terms.length >= ADDITION_MIN_TERMS && !support.supports(s, p.id, excludeId, SUPPORT_MIN_JACCARD)) out.push(s.terms);
  return out;
}

/** True when most of `span` lies inside one unsupported addition: a claim that merely touches one is not the added text. */
export function inAddition(additions: readonly Span[], span: Span): boolean {
  return additions.some((add) => overlaps(add, span) && 2 * (Math.min(add.end, span.end) - Math.max(add.start, span.start)) >= span.end - span.start);
}
