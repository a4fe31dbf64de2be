/**
 * The story-wide steps of reuse/links that ask whether a sentence is found elsewhere in its story: orientation of
 * undirected links by story-unique sentences, and unsupported additions. Each result is stored with the story's
 * membership it was computed against; when a story has only gained members since, the stored result is checked
 * against the new members alone (support only grows with members), so one new member costs what it costs.
 */
import { findUnsupported, mergeFlagged, stillUnsupported, SUPPORT_MIN_JACCARD, SupportIndex, uniqueSentences, type FlaggedSentence } from './additions.js';
import type { ReuseProfile } from './profile.js';
import { copyLink, digestOf, type StoredSupport } from './state.js';
import type { Addition, ReuseKind, ReuseLink } from './types.js';

/** Minimal story shape read from `corpus.data.stories` (written by cluster/stories). */
export interface StoryLike {
  id?: string;
  articleIds: string[];
  origins?: string[][];
}

/** Link kinds whose derived side gets its additions flagged (a partial quotation's own text is not padding). */
export const ADDITION_KINDS: readonly ReuseKind[] = ['duplicate', 'copy', 'rewrite'];

/** Threshold difference in story-unique sentences for orienting an undirected link. */
const UNIQUE_SENTENCE_MARGIN = 2;

/** What a stored result was computed against: the first `count` members of its story, by digest. */
interface Membership {
  count: number;
  members: string;
}
/** Stored under `additions:<article>`: the article's unsupported sentences. */
interface StoredAdditions extends Membership {
  flagged: FlaggedSentence[];
}
/** Stored under `orient:<story>`: per pending link (`from`, `to`), the count of each side's story-unique sentences. */
interface StoredOrientation extends Membership {
  counts: Record<string, [number, number]>;
}
/** Stored under `orient-unique:<story>`, read only for a story that changed: the terms of those sentences. */
interface StoredUniqueSentences extends Membership {
  pairs: Record<string, [string[][], string[][]]>;
}

/** Where a story's orientation counts are stored: every run reads them, for every story. */
export function orientKey(story: StoryLike): string {
  return `orient:${story.id ?? story.articleIds[0]}`;
}
/** Where the terms behind those counts are stored: read for the stories a run changes. */
export function uniqueKey(story: StoryLike): string {
  return `orient-unique:${story.id ?? story.articleIds[0]}`;
}
/** Where an article's unsupported sentences are stored. */
export function additionsKey(id: string): string {
  return `additions:${id}`;
}

/** How a stored result serves this run: as it is, updated by the members added since, or not at all. */
type Reuse = { as: 'hit' } | { as: 'update'; count: number } | { as: 'none' };

/**
 * Story-wide support look-ups, each result kept with the membership it was computed against: a story none of whose
 * members changed reuses what an earlier run found without profiling its articles, and one that only gained members
 * profiles only those.
 */
export class StorySupport {
  private readonly indexes = new Map<StoryLike, SupportIndex>();
  private readonly addedIndexes = new Map<StoryLike, Map<number, SupportIndex>>();
  private readonly prefixes = new Map<StoryLike, Map<number, string>>();

  constructor(
    private readonly profileOf: (id: string) => ReuseProfile,
    /** An article's support terms (a streamed run reads them from the store rather than profiling the article). */
    private readonly termsOf: (id: string) => readonly (readonly string[])[],
    /** Each live article's features digest. */
    private readonly digests: ReadonlyMap<string, string>,
    private readonly stored: ReadonlyMap<string, StoredSupport>,
    private readonly made: Map<string, StoredSupport>,
    private readonly stamp: string,
    private readonly streamed = false,
  ) {}

  /** The stored body for `key` if computed under the same stamp and `inputs`, with the digest to record a new one under. */
  lookup(key: string, inputs: unknown): { hit?: unknown; digest: string } {
    const digest = digestOf([this.stamp, inputs]);
    const hit = this.stored.get(key);
    return hit?.digest === digest ? { hit: hit.body, digest } : { digest };
  }

  record(key: string, digest: string, body: unknown): void {
    this.made.set(key, { digest, body });
  }

  /** Whether a stored result computed against `was` serves the story's current membership. */
  reuse(story: StoryLike, was: Partial<Membership> | undefined): Reuse {
    if (!was || typeof was.count !== 'number' || typeof was.members !== 'string') return { as: 'none' };
    const n = story.articleIds.length;
    if (was.count > n || this.prefix(story, was.count) !== was.members) return { as: 'none' };
    return was.count === n ? { as: 'hit' } : { as: 'update', count: was.count };
  }

  /** The membership to record a result under. */
  membership(story: StoryLike): Membership {
    const count = story.articleIds.length;
    return { count, members: this.prefix(story, count) };
  }

  /** Drops a story's support indexes when a streamed run releases the story's profiles next. */
  release(story: StoryLike): void {
    if (!this.streamed) return;
    this.indexes.delete(story);
    this.addedIndexes.delete(story);
  }

  /**
   * What a link's effect on additions depends on, without its passages: the passages are a function of the two texts
   * (whose digests stand in for them), the kind and the direction.
   */
  linkKey(l: ReuseLink): unknown[] {
    return [l.from, l.to, l.kind, l.direction, l.score, this.digests.get(l.from) ?? null, this.digests.get(l.to) ?? null];
  }

  /** Index over every live member. */
  index(story: StoryLike): SupportIndex {
    let index = this.indexes.get(story);
    if (!index) {
      index = new SupportIndex();
      for (const id of story.articleIds) if (this.digests.has(id)) index.addTerms(id, this.termsOf(id));
      this.indexes.set(story, index);
    }
    return index;
  }

  /** Index over the live members after the first `count`: those a stored result has not seen. */
  addedIndex(story: StoryLike, count: number): SupportIndex {
    const byCount = this.addedIndexes.get(story) ?? this.addedIndexes.set(story, new Map()).get(story)!;
    let index = byCount.get(count);
    if (!index) {
      index = new SupportIndex();
      for (const id of story.articleIds.slice(count)) if (this.digests.has(id)) index.addTerms(id, this.termsOf(id));
      byCount.set(count, index);
    }
    return index;
  }

  profile(id: string): ReuseProfile {
    return this.profileOf(id);
  }

  /** Digest of the story's first `count` members and their contents (membership only grows at the end). */
  private prefix(story: StoryLike, count: number): string {
    const byCount = this.prefixes.get(story) ?? this.prefixes.set(story, new Map()).get(story)!;
    let d = byCount.get(count);
    if (d === undefined) {
      d = digestOf(story.articleIds.slice(0, count).map((id) => [id, this.digests.get(id) ?? null]));
      byCount.set(count, d);
    }
    return d;
  }
}

/** What a streamed run must load before a story's computation: the support terms of members to index, the profiles of the few articles checked. */
export interface SupportRequest {
  story: StoryLike;
  /** Members whose support terms the story's indexes read. */
  index: string[];
  /** Articles whose sentences are checked against those indexes (their full profiles). */
  profiles: string[];
}

/** The members to index: the whole story, or only those added after the smallest `count`. */
function request(story: StoryLike, full: boolean, counts: readonly number[], profiles: string[]): SupportRequest | undefined {
  if (!full && !counts.length) return undefined;
  return { story, index: full ? story.articleIds : story.articleIds.slice(Math.min(...counts)), profiles };
}

/**
 * Orients derived links still of unknown direction: the side holding more sentences found nowhere else
 * in the story (excluding the pair) is the padded derivative; the origin's content is echoed by others.
 * Yields the members whose profiles it needs before computing (a streamed run loads them).
 */
export function* orientByStoryUniqueness(links: ReuseLink[], storyOf: Map<string, StoryLike>, support: StorySupport): Generator<SupportRequest, void> {
  const open = new Map<StoryLike, ReuseLink[]>();
  links.forEach((link, i) => {
    if (link.direction !== 'unknown' || link.kind === 'shared-source') return;
    const story = storyOf.get(link.from);
    if (!story || story !== storyOf.get(link.to) || story.articleIds.length < 3) return;
    links[i] = copyLink(link);
    (open.get(story) ?? open.set(story, []).get(story)!).push(links[i]);
  });
  for (const [story, pending] of open) {
    const pairKeys = pending.map((l) => `${l.from}\u0000${l.to}`);
    const counted = support.lookup(orientKey(story), 'by-membership');
    const was = counted.hit as StoredOrientation | undefined;
    const reuse = was?.counts && typeof was.counts === 'object' ? support.reuse(story, was) : ({ as: 'none' } as const);
    const knownCounts = reuse.as === 'none' ? {} : was!.counts;
    // Unique-sentence counts of both sides of each pending link, as [from, to].
    let counts: [number, number][];
    if (reuse.as === 'hit' && pairKeys.every((k) => knownCounts[k])) counts = pairKeys.map((k) => knownCounts[k]);
    else {
      const terms = support.lookup(uniqueKey(story), 'by-membership');
      const wasTerms = terms.hit as StoredUniqueSentences | undefined;
      const termsReuse = wasTerms?.pairs && typeof wasTerms.pairs === 'object' ? support.reuse(story, wasTerms) : ({ as: 'none' } as const);
      const known = termsReuse.as === 'none' ? {} : wasTerms!.pairs;
      const unknown = pending.filter((_, k) => !known[pairKeys[k]]);
      const ask = request(story, unknown.length > 0, termsReuse.as === 'update' ? [termsReuse.count] : [], [...new Set(unknown.flatMap((l) => [l.from, l.to]))]);
      if (ask) yield ask;
      const unique = pending.map((l, k): [string[][], string[][]] => {
        const stored = known[pairKeys[k]];
        if (!stored) {
          const index = support.index(story);
          return [uniqueSentences(support.profile(l.from), index, l.to), uniqueSentences(support.profile(l.to), index, l.from)];
        }
        if (termsReuse.as !== 'update') return stored;
        const added = support.addedIndex(story, termsReuse.count);
        const still = (sentences: string[][], self: string, other: string) => sentences.filter((t) => !added.supports({ terms: t }, self, other, SUPPORT_MIN_JACCARD));
        return [still(stored[0], l.from, l.to), still(stored[1], l.to, l.from)];
      });
      counts = unique.map(([from, to]) => [from.length, to.length]);
      const membership = support.membership(story);
      support.record(orientKey(story), counted.digest, { ...membership, counts: Object.fromEntries(pairKeys.map((k, i) => [k, counts[i]])) } satisfies StoredOrientation);
      support.record(uniqueKey(story), terms.digest, { ...membership, pairs: Object.fromEntries(pairKeys.map((k, i) => [k, unique[i]])) } satisfies StoredUniqueSentences);
      if (ask) support.release(story);
    }
    pending.forEach((link, k) => {
      const [uniqueFrom, uniqueTo] = counts[k];
      if (Math.abs(uniqueFrom - uniqueTo) < UNIQUE_SENTENCE_MARGIN) return;
      if (uniqueTo > uniqueFrom) {
        [link.from, link.to] = [link.to, link.from];
        link.passages = link.passages.map((p) => ({ from: p.to, to: p.from }));
      }
      link.direction = 'inferred';
      link.evidence.unshift({
        type: 'containment',
        detail: `${Math.max(uniqueFrom, uniqueTo)} sentence(s) of the derivative are found nowhere else in the story, ${Math.min(uniqueFrom, uniqueTo)} of the origin's`,
      });
    });
  }
}

/**
 * Sets the unsupported additions of each article in `outputs` that a copy-like link derives, story by story (so that
 * a streamed run holds one story's profiles at a time). Yields the members whose profiles it needs before computing.
 */
export function* flagAdditions(
  ids: readonly string[],
  outputs: ReadonlyMap<string, { additions?: Addition[] }>,
  byArticle: ReadonlyMap<string, ReuseLink[]>,
  storyOf: Map<string, StoryLike>,
  support: StorySupport,
): Generator<SupportRequest, void> {
  const everything: StoryLike = { id: 'all', articleIds: [...ids] };
  const byStory = new Map<StoryLike, string[]>();
  for (const id of outputs.keys()) {
    const own = byArticle.get(id) ?? [];
    if (!own.some((l) => l.from === id && ADDITION_KINDS.includes(l.kind))) continue;
    const story = storyOf.get(id) ?? everything;
    (byStory.get(story) ?? byStory.set(story, []).get(story)!).push(id);
  }
  for (const [story, members] of byStory) {
    const plans = members.map((id) => {
      const key = additionsKey(id);
      const { hit, digest } = support.lookup(key, byArticle.get(id)!.map((l) => support.linkKey(l)));
      const was = hit as StoredAdditions | undefined;
      const reuse = Array.isArray(was?.flagged) ? support.reuse(story, was) : ({ as: 'none' } as const);
      return { id, key, digest, was, reuse };
    });
    const full = plans.some((p) => p.reuse.as === 'none');
    const ask = request(
      story,
      full,
      plans.flatMap((p) => (p.reuse.as === 'update' ? [p.reuse.count] : [])),
      plans.flatMap((p) => (p.reuse.as === 'none' ? [p.id] : [])),
    );
    if (ask) yield ask;
    for (const { id, key, digest, was, reuse } of plans) {
      let flagged: FlaggedSentence[];
      if (reuse.as === 'hit') flagged = was!.flagged;
      else {
        flagged = reuse.as === 'update' ? stillUnsupported(was!.flagged, support.addedIndex(story, reuse.count), id) : findUnsupported(support.profile(id), byArticle.get(id)!, support.index(story));
        support.record(key, digest, { ...support.membership(story), flagged } satisfies StoredAdditions);
      }
      outputs.get(id)!.additions = mergeFlagged(flagged);
    }
    if (ask) support.release(story);
  }
}
