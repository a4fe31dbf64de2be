/**
 * What the streamed `analyze` (analyze-store.ts) does for reuse/links over a store it does not hold: compare the
 * changed articles with their candidates, writing the links as found; find the regions (stories that links tie
 * together) the story-wide steps work on one at a time; and load the profiles and support terms a step asks for.
 */
import type { Article } from '../core/article.js';
import type { Story } from '../cluster/stories.js';
import { articleWorkerCount } from '../core/article-workers-config.js';
import { supportTerms } from '../reuse/additions.js';
import { ComparePool } from '../reuse/compare-workers.js';
import { changedPairs, type ReuseInputs } from '../reuse/links-stage.js';
import { linkPair } from '../reuse/links.js';
import { profileArticle, type ReuseProfile } from '../reuse/profile.js';
import type { ReuseChanges } from '../reuse/state.js';
import { additionsKey, orientKey, uniqueKey } from '../reuse/story-support.js';
import type { ReuseLink } from '../reuse/types.js';
import type { Store } from '../store/store.js';

/** Articles read at a time, and candidate pairs compared at a time. */
export const BATCH_SIZE = 256;
/**
 * Candidate pairs from which comparing them in worker threads pays (two threads answer their first chunk after about
 * 0.15 s, and a pair takes about 0.2 ms): a corpus update adding a few articles compares a few hundred in this thread.
 */
const MIN_PAIRS_FOR_THREADS = 2_048;
/** Comparing threads at most: each profiles its chunks' articles, which this thread reads from the store for them. */
const MAX_COMPARE_THREADS = 4;

/** The articles whose reuse results may change: those changed and every article a link (stored or new) ties to one. */
export function touchedArticles(changed: ReadonlySet<string>, linkLists: ReadonlyArray<ReadonlyArray<{ from: string; to: string }>>): Set<string> {
  const out = new Set(changed);
  for (const links of linkLists) {
    for (const l of links) {
      if (changed.has(l.from) || changed.has(l.to)) {
        out.add(l.from);
        out.add(l.to);
      }
    }
  }
  return out;
}

/**
 * The keys of the stored support results the story-wide steps may look up: every story's orientation counts (links
 * of untouched stories are oriented too), and for the stories touched the sentences behind them and the additions.
 */
export function supportKeys(stories: readonly Story[], affected: readonly Story[], wanted: ReadonlySet<string>): string[] {
  return [...stories.map(orientKey), ...affected.map(uniqueKey), ...[...wanted].map(additionsKey)];
}

/**
 * The stories whose links the story-wide steps read, and the stored links as compared they need: the stories changed,
 * and every story an article one link away from them is in (pruning reads the links of a linked article, and a link
 * across stories may join them, which groups the origins of both), with every link of their members.
 */
export async function reuseRegion(
  store: Store,
  stories: readonly Story[],
  affected: readonly Story[],
  wanted: ReadonlySet<string>,
  keep: (from: string, to: string) => boolean,
  read: { ids: ReadonlySet<string>; links: readonly ReuseLink[] } = { ids: new Set(), links: [] },
): Promise<Region> {
  const storyOf = new Map(stories.flatMap((s) => s.articleIds.map((id) => [id, s] as const)));
  // Stale links still place their ends' stories in the region, as they did before this run's links were written.
  // The links of articles already read (`read`: the changed ones) are not read again.
  const unread = [...wanted].filter((id) => !read.ids.has(id));
  const near = [...read.links.filter((l) => wanted.has(l.from) || wanted.has(l.to)), ...(await store.loadReusePairs(unread))];
  const inRegion = new Set<Story>(affected);
  const ends = new Set<string>();
  for (const l of near) {
    for (const id of [l.from, l.to]) {
      if (wanted.has(id)) continue;
      ends.add(id);
      const story = storyOf.get(id);
      if (story) inRegion.add(story);
    }
  }
  const regionStories = stories.filter((s) => inRegion.has(s));
  const more = new Set([...ends, ...regionStories.flatMap((s) => s.articleIds)].filter((id) => !wanted.has(id)));
  const stored = new Map(near.filter((l) => keep(l.from, l.to)).map((l) => [`${l.from}\u0000${l.to}`, l]));
  for (const l of await store.loadReusePairs([...more])) if (keep(l.from, l.to)) stored.set(`${l.from}\u0000${l.to}`, l);
  const links = [...stored.values()].sort((x, y) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
  return { stories: regionStories, links };
}

/**
 * Compares each candidate pair of a changed article, with profiles loaded a chunk at a time (or in threads), and
 * writes the links found to the store as they come: a first analysis of a large store finds about nine per article.
 */
export async function compareChangedStreamed(
  store: Store,
  inputs: ReuseInputs,
  position: ReadonlyMap<string, number>,
  profiles: Held<ReuseProfile>,
  stories: readonly Story[],
): Promise<FoundLinks> {
  const { changes } = inputs;
  const changed = new Set(changes.features.keys());
  changes.compared = inputs.ids.filter((id) => changed.has(id));
  const found = new FoundLinks(inputs.ids, position, changed);
  const { ids } = inputs;
  const pairs = changedPairs(inputs);
  // Story by story (most pairs lie within a story), then by first article, so that consecutive chunks share profiles;
  // pairs as positions, not tuples of ids (a first analysis of 100,000 articles has about two million).
  const storyAt = new Map(stories.flatMap((s, i) => s.articleIds.map((id) => [id, i] as const)));
  const rank = Int32Array.from(ids, (id) => storyAt.get(id) ?? stories.length);
  storyAt.clear();
  const order = new Uint32Array(pairs.length / 2).map((_, i) => i);
  order.sort((x, y) => {
    const [ax, bx, ay, by] = [pairs[2 * x], pairs[2 * x + 1], pairs[2 * y], pairs[2 * y + 1]];
    return rank[ax] - rank[ay] || ax - ay || rank[bx] - rank[by] || x - y;
  });
  const chunkAt = (from: number): [string, string][] =>
    Array.from(order.subarray(from, from + BATCH_SIZE), (i): [string, string] => [ids[pairs[2 * i]], ids[pairs[2 * i + 1]]]);
  const threshold = inputs.opts.sentenceThreshold;
  const here = async (chunk: [string, string][]) => {
    await profiles.ensure(chunk.flat());
    return chunk.map(([a, b]) => linkPair(profiles.get(a)!, profiles.get(b)!, threshold));
  };
  const keep = async (answer: readonly (ReuseLink | null)[]) => {
    const links = answer.filter((l): l is ReuseLink => l !== null);
    for (const link of links) found.add(link);
    await store.saveReusePairs(links);
  };
  const threads = articleWorkerCount();
  const pool = threads > 1 && order.length >= MIN_PAIRS_FOR_THREADS ? new ComparePool(Math.min(threads, MAX_COMPARE_THREADS)) : undefined;
  try {
    // Answers are read in the order asked, so the links are those of the loop in this thread.
    const asked: Promise<(ReuseLink | null)[]>[] = [];
    for (let from = 0; from < order.length; from += BATCH_SIZE) {
      const chunk = chunkAt(from);
      if (!pool) {
        await keep(await here(chunk));
        continue;
      }
      const { answer: asking } = await pool.send({ pairs: chunk, threshold }, async (ids) => (await store.getArticles(ids)).map(reuseView));
      // A thread lost or failing: this thread compares the chunk itself.
      const answer = asking.catch(() => here(chunk));
      answer.catch(() => undefined);
      asked.push(answer);
      if (asked.length >= 2 * pool.size) await keep(await asked.shift()!);
    }
    for (const answer of asked) await keep(await answer);
  } finally {
    await pool?.close();
  }
  return found;
}

/**
 * The pairs a run's comparison linked, as numbers (two article positions), not links: the links are in the store.
 * Until the run's reuse changes are saved, the store also holds the changed articles' links of the run before, which
 * are stale.
 */
export class FoundLinks {
  private readonly keys = new Set<number>();
  /** `at`: each of `ids`' position in it (the caller's map, not a second one of every id). */
  constructor(
    private readonly ids: readonly string[],
    private readonly at: ReadonlyMap<string, number>,
    private readonly changed: ReadonlySet<string>,
  ) {}
  private key(from: string, to: string): number | undefined {
    const [a, b] = [this.at.get(from), this.at.get(to)];
    return a === undefined || b === undefined ? undefined : a * this.ids.length + b;
  }
  add(link: { from: string; to: string }): void {
    this.keys.add(this.key(link.from, link.to)!);
  }
  /** Written by this run's comparison (the store keeps it when the run's changes are saved). */
  has = (from: string, to: string): boolean => {
    const key = this.key(from, to);
    return key !== undefined && this.keys.has(key);
  };
  /** A stored link of a changed article that this run did not find again. */
  stale(from: string, to: string): boolean {
    return (this.changed.has(from) || this.changed.has(to)) && !this.has(from, to);
  }
  /** The ends of the links found. */
  ends(): Array<{ from: string; to: string }> {
    const n = this.ids.length;
    return [...this.keys].map((k) => ({ from: this.ids[Math.floor(k / n)], to: this.ids[k % n] }));
  }
}
/** Reuse profiles made from the stored articles, each from what profiling reads of an article (not its other layers). */
export async function loadProfiles(store: Store, ids: readonly string[]): Promise<Map<string, ReuseProfile>> {
  const out = new Map<string, ReuseProfile>();
  for (let at = 0; at < ids.length; at += BATCH_SIZE) {
    for (const article of await store.getArticles(ids.slice(at, at + BATCH_SIZE))) out.set(article.id, profileArticle(reuseView(article)));
  }
  return out;
}

/**
 * Support terms read from the store by key; an article whose stored terms are missing or of other features (a store
 * analysed before they were kept) is profiled, and its terms are written with the run's changes.
 */
export async function loadTerms(
  store: Store,
  ids: readonly string[],
  digests: ReadonlyMap<string, string>,
  profiles: Held<ReuseProfile>,
  changes: ReuseChanges,
): Promise<Map<string, string[][]>> {
  const stored = await store.loadReuseTerms(ids.filter((id) => !changes.terms.has(id)));
  const out = new Map<string, string[][]>();
  const missing: string[] = [];
  for (const id of ids) {
    const row = changes.terms.get(id) ?? stored.get(id);
    if (row && row.digest === digests.get(id)) out.set(id, JSON.parse(row.json) as string[][]);
    else missing.push(id);
  }
  await profiles.ensure(missing);
  for (const id of missing) {
    const made = supportTerms(profiles.get(id)!);
    changes.terms.set(id, { digest: digests.get(id)!, json: JSON.stringify(made) });
    out.set(id, made);
  }
  return out;
}

/**
 * Per-article values made on demand, holding at most `max` beyond those last asked for: the least recently asked for
 * are dropped first.
 */
export class Held<T> {
  /** In order of last use, oldest first. */
  private readonly made = new Map<string, T>();
  constructor(
    private readonly max: number,
    private readonly load: (ids: readonly string[]) => Promise<Map<string, T>>,
  ) {}
  get(id: string): T | undefined {
    return this.made.get(id);
  }
  async ensure(ids: readonly string[]): Promise<void> {
    const wanted = new Set(ids);
    const missing: string[] = [];
    for (const id of wanted) {
      const held = this.made.get(id);
      if (!held) missing.push(id);
      else {
        this.made.delete(id);
        this.made.set(id, held);
      }
    }
    if (missing.length) for (const [id, value] of await this.load(missing)) this.made.set(id, value);
    for (const id of this.made.keys()) {
      if (this.made.size <= this.max) break;
      if (!wanted.has(id)) this.made.delete(id);
    }
  }
  clear(): void {
    this.made.clear();
  }
}

/** What reuse profiling and comparison read of an article: text, metadata, source, sentences and dropped credits. */
export function reuseView(article: Article): Article {
  return {
    id: article.id,
    text: article.text,
    source: article.source,
    meta: article.meta,
    layers: article.layers.sentence ? { sentence: article.layers.sentence } : {},
    data: article.data.dropped ? { dropped: article.data.dropped } : {},
    messages: [],
  };
}


/** Stories that links tie together, with every stored link as compared of their members: the story-wide steps' unit. */
export interface Region {
  stories: Story[];
  /** In key order (from, then to). */
  links: ReuseLink[];
}

/**
 * Every story in regions, a region at a time in story order, with its links read from the store: the story-wide steps
 * of a first analysis hold one region's links, not the corpus's. Articles are tied by sharing a story or by a link that
 * `keep` accepts (stale and dangling links are not links).
 */
export async function* allRegions(store: Store, stories: readonly Story[], keep: (from: string, to: string) => boolean): AsyncGenerator<Region> {
  const index = new Map<string, number>();
  const parent: number[] = [];
  const node = (id: string) => {
    let i = index.get(id);
    if (i === undefined) index.set(id, (i = parent.push(parent.length) - 1));
    return i;
  };
  const find = (i: number) => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (const story of stories) {
    const first = node(story.articleIds[0]);
    for (const id of story.articleIds) union(first, node(id));
  }
  for await (const page of store.pageReuseEnds()) for (const [from, to] of page) if (keep(from, to)) union(node(from), node(to));
  const regions = new Map<number, Story[]>();
  for (const story of stories) {
    const root = find(index.get(story.articleIds[0])!);
    (regions.get(root) ?? regions.set(root, []).get(root)!).push(story);
  }
  index.clear();
  for (const group of regions.values()) {
    const links = await store.loadReusePairs(group.flatMap((s) => s.articleIds));
    yield { stories: group, links: links.filter((l) => keep(l.from, l.to)) };
  }
}
