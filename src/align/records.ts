/**
 * One claim as alignment reads it: its value, primary source, statement date, hedges and whether it
 * sits in an unsupported addition, with the key parts (thing, subject, scope) that group it.
 */
import type { Article } from '../core/article.js';
import { overlaps } from '../core/span.js';
import type { ResolvedEntity } from '../claims/resolve-entities.js';
import type { Claim, DateMention, ModalityMention } from '../claims/types.js';
import type { ReuseLink, ReusePassage } from '../reuse/types.js';
import type { Span } from '../core/span.js';
import type { Scope } from './features.js';
import type { ClaimSource, SourceResolver } from './sources.js';
import type { PropositionValue } from './values.js';

/** What one story's alignment needs. */
export interface StoryAlignInput {
  storyId: string;
  articles: readonly Article[];
  /** Reuse links between articles of the story. */
  links: readonly ReuseLink[];
  entities: readonly ResolvedEntity[];
  /** Ids of claims that lie in an unsupported addition of a derivative. */
  unsupported: ReadonlySet<string>;
}

/** One claim with everything alignment reads. */
export interface AlignRecord {
  article: Article;
  claim: Claim;
  value: PropositionValue;
  source: ClaimSource;
  /** Statement date, else publication date (YYYY-MM-DD), else null. */
  date: string | null;
  /** Sort key: date, then publication time (unknown last), then article id. */
  order: string;
  unsupported: boolean;
  /** Counted thing (figures) or predicate (events), and subject; grouping may fill a missing subject. */
  thing: string;
  thingLabel: string;
  subject: string;
  subjectLabel?: string;
  scope: Scope;
  /** Figures that say they are the whole ("a total of"). */
  total?: boolean;
  hedges: string[];
  denied: boolean;
  notConfirmed: boolean;
}

/** The parts of a record every kind shares: source, dates, hedges, support. */
export function baseRecord(input: StoryAlignInput, resolver: SourceResolver, article: Article, claim: Claim): Pick<AlignRecord, 'article' | 'claim' | 'source' | 'date' | 'order' | 'unsupported' | 'hedges' | 'denied' | 'notConfirmed'> {
  const date = statementDate(article, claim);
  const modality = modalityOf(article, claim);
  return {
    article,
    claim,
    source: resolver.sourceOf(article, claim),
    date,
    order: `${date ?? '9999'}|${article.meta.publishedAt ?? '~'}|${article.id}|${String(claim.start).padStart(9, '0')}`,
    unsupported: input.unsupported.has(claim.id),
    ...modality,
  };
}

/** The date a claim was stated: a date next to its attribution cue ("On Thursday, X said"; "said on Friday"), else the publication date. */
export function statementDate(article: Article, claim: Claim): string | null {
  const published = article.meta.publishedAt?.slice(0, 10) ?? null;
  const dates = (article.layers.date ?? []) as DateMention[];
  const d = claim.date === undefined ? undefined : dates[claim.date];
  const cue = claim.attribution === undefined ? undefined : article.layers.attribution?.[claim.attribution]?.cue;
  if (!d?.from || !d.resolved || !cue) return published;
  const beforeCue = d.start >= claim.start && d.end <= cue.start;
  const afterCue = d.start >= cue.end && d.start - cue.end <= 4;
  return beforeCue || afterCue ? d.from : published;
}

/** Hedges, denial and non-confirmation that govern a claim. */
export function modalityOf(article: Article, claim: Claim): { hedges: string[]; denied: boolean; notConfirmed: boolean } {
  const hedges = new Set<string>();
  let denied = false;
  let notConfirmed = false;
  for (const m of (article.layers.modality ?? []) as ModalityMention[]) {
    if (!overlaps(m.scope, claim) && !overlaps(m, claim)) continue;
    if (m.kind === 'denial') denied = true;
    else if (m.kind === 'non-confirmation') {
      notConfirmed = true;
      hedges.add(m.cue);
    } else if (m.kind === 'hedge' || m.kind === 'unverified') hedges.add(m.cue);
  }
  if (claim.hedge) hedges.add(claim.hedge);
  return { hedges: [...hedges], denied, notConfirmed };
}

/** Appends to a list in a map of lists, in place, so that building an index stays linear. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Share of the shorter span that two spans must share to be the same sentence on both sides of a passage. */
const SAME_PLACE_MIN_SHARE = 0.3;

/**
 * The records of the origin side that hold what `record` holds on the derived side of a reused passage:
 * the span is carried across proportionally (a passage may span a whole duplicate, so overlap alone is
 * not enough), and the best-overlapping origin record is returned.
 */
export function counterpart(records: readonly AlignRecord[], candidates: readonly number[], passage: ReusePassage, span: Span): number | undefined {
  const scale = (passage.to.end - passage.to.start) / Math.max(1, passage.from.end - passage.from.start);
  const mapped = { start: passage.to.start + (span.start - passage.from.start) * scale, end: passage.to.start + (span.end - passage.from.start) * scale };
  let best: { j: number; share: number } | undefined;
  for (const j of candidates) {
    const c = records[j].claim;
    const inter = Math.min(c.end, mapped.end) - Math.max(c.start, mapped.start);
    const share = inter / Math.max(1, Math.min(c.end - c.start, mapped.end - mapped.start));
    if (share >= SAME_PLACE_MIN_SHARE && (!best || share > best.share)) best = { j, share };
  }
  return best?.j;
}
