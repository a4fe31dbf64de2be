/**
 * The per-story half of a streamed analysis: one story's members get what reuse/links found for them, their claims
 * are exported again where that changed, and the story is aligned again if its inputs changed. It needs only what the
 * corpus half stored for the story (a pending update, read by key), so a worker can run it for one story while other
 * workers run it for others (src/queue/jobs.ts), and the single process runs it for each story in turn.
 */
import type { Article } from '../core/article.js';
import type { Story } from '../cluster/stories.js';
import { exportClaims } from '../claims/export.js';
import { alignStory } from '../align/propositions.js';
import { sortPropositions } from '../align/stage.js';
import { digestStoryInputs, storyInputIndex } from '../align/story-inputs.js';
import { buildTimeline } from '../align/timeline.js';
import { applyReuseOutput } from '../reuse/links-stage.js';
import type { ReuseLink } from '../reuse/types.js';
import { DEFAULT_CONFIG, defaultRegistry } from '../stages.js';
import type { Store, StoredStory, StoryRows, StoryUpdateRecord } from '../store/store.js';
import { markUnsupportedClaims } from './analyze.js';

/** Wall time of the story steps: reading members, writing reuse results and claims, aligning, writing the story's rows. */
export interface StorySpent {
  read: number;
  annotate: number;
  align: number;
  write: number;
}

/** What one story update did. */
export interface StoryUpdateResult {
  /** `superseded`: a newer corpus update replaced the pending update while this one ran, so nothing was written. */
  status: 'updated' | 'superseded';
  /** The story was aligned again (else its stored propositions and timeline were kept). */
  aligned: boolean;
  /** Members read. */
  read: number;
}

/**
 * Updates one story from its pending update: reads the members, writes what reuse/links found into them and their
 * claims, aligns the story again if its inputs changed (or `update.force`), and writes all of it with the story's
 * record in one transaction, unless a newer corpus update replaced the pending one meanwhile. `stored` is the story's
 * record as the corpus update wrote it (its alignment digest and timeline are kept while the inputs are unchanged).
 */
export async function updateStory(
  store: Store,
  stored: StoredStory,
  update: StoryUpdateRecord,
  alignVersion: string | undefined,
  spent: StorySpent = { read: 0, annotate: 0, align: 0, write: 0 },
): Promise<StoryUpdateResult> {
  const clock = async <T>(key: keyof StorySpent, fn: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      spent[key] += performance.now() - started;
    }
  };
  const story = fromStored(stored);
  const record = toStored(story);
  const members = await clock('read', () => store.getArticles(update.members));
  const outputs = new Map(Object.entries(update.outputs));
  const reanalysed = new Set(update.reanalysed);
  const written = members.filter((a) => outputs.has(a.id));
  const claims = new Map<string, ReturnType<typeof exportClaims>>();
  await clock('annotate', () => {
    // An article's exported claims read its layers and additions: unless re-analysed, they change with its additions only.
    const changed = new Set(members.filter((a) => reanalysed.has(a.id)).map((a) => a.id));
    for (const article of written) {
      const before = JSON.stringify(article.data.additions ?? null);
      applyReuseOutput(article, outputs.get(article.id)!);
      if (update.force || JSON.stringify(article.data.additions ?? null) !== before) changed.add(article.id);
    }
    for (const article of members) if (changed.has(article.id)) claims.set(article.id, claimsOf(article));
  });
  const rows: StoryRows = { claims, propositions: new Map(), entities: new Map() };
  const aligned = await clock('align', () => {
    const inputs = storyInputIndex({ articles: members, data: { links: update.links } })(story);
    const digest = alignVersion === undefined ? undefined : digestStoryInputs(story, inputs, alignVersion);
    if (!update.force && digest && stored.aligned === digest) {
      // A record written before timelines had their own rows keeps its timeline until the story is aligned again.
      if (stored.timeline) record.timeline = stored.timeline;
      record.aligned = digest;
      return false;
    }
    const propositions = sortPropositions(
      alignStory({ storyId: story.id, articles: inputs.articles, links: inputs.links, entities: inputs.entities, unsupported: inputs.unsupported }),
    );
    // Kept in its own row: the record is what every corpus update reads.
    rows.timelines = new Map([[story.id, buildTimeline(inputs.articles, propositions, inputs.unsupported)]]);
    if (digest) record.aligned = digest;
    rows.propositions.set(story.id, propositions);
    rows.entities.set(story.id, inputs.entities);
    return true;
  });
  const saved = await clock('write', () => store.saveStory({ record, rows, articles: written, run: update.run }));
  return { status: saved ? 'updated' : 'superseded', aligned: saved && aligned, read: members.length };
}

/**
 * Runs the pending update of one story, as a worker's job does: reads it and the story's record from the store
 * (`alignVersion`: the corpus update's, by default the default configuration's). Idempotent: nothing pending (already done, or the story merged away) is
 * `none`; a pending update replaced by a newer corpus update while it ran is `superseded`, left to that update's job.
 */
export async function runStoryUpdate(
  store: Store,
  storyId: string,
  options: { alignVersion?: string; spent?: StorySpent } = {},
): Promise<StoryUpdateResult | { status: 'none' }> {
  const pending = await store.loadStoryUpdate(storyId);
  if (!pending) return { status: 'none' };
  const alignVersion = 'alignVersion' in options ? options.alignVersion : defaultAlignVersion();
  return updateStory(store, pending.record, pending.update, alignVersion, options.spent);
}

let alignVersion: { value: string | undefined } | undefined;

/** The version of the default configuration's align/propositions stage, which the corpus update's digests name. */
function defaultAlignVersion(): string | undefined {
  alignVersion ??= { value: defaultRegistry().build(DEFAULT_CONFIG).find((s) => s.name === 'align/propositions')?.version };
  return alignVersion.value;
}

/** Reuse links indexed by article, so that a story's are found without reading all. */
export class LinkIndex {
  private readonly byArticle = new Map<string, ReuseLink[]>();
  private readonly position = new Map<ReuseLink, number>();
  constructor(links: readonly ReuseLink[]) {
    links.forEach((link, i) => {
      this.position.set(link, i);
      for (const id of new Set([link.from, link.to])) (this.byArticle.get(id) ?? this.byArticle.set(id, []).get(id)!).push(link);
    });
  }
  /** The links with both ends among the articles, in their original order (alignment and its digest read them in order). */
  within(ids: readonly string[]): ReuseLink[] {
    const members = new Set(ids);
    const found = new Set<ReuseLink>();
    for (const id of ids) for (const l of this.byArticle.get(id) ?? []) if (members.has(l.from) && members.has(l.to)) found.add(l);
    return [...found].sort((x, y) => this.position.get(x)! - this.position.get(y)!);
  }
}

/** An article's claims in export shape, flagged where they sit in an unsupported addition. */
export function claimsOf(article: Article) {
  const corpus = { articles: [article], data: {} };
  return markUnsupportedClaims(exportClaims(corpus), corpus);
}

/** A story as stored (export form plus clustering state), without its alignment. */
export function toStored(s: Story): StoredStory {
  return { id: s.id, label: s.label, articles: s.articleIds, origins: s.origins, centroid: s.centroid, lang: s.lang, event: s.event };
}

/** The story a record written by {@link toStored} holds (so that `toStored` gives that record back). */
function fromStored(s: StoredStory): Story {
  return { id: s.id, label: s.label!, articleIds: s.articles, origins: s.origins!, centroid: s.centroid!, lang: s.lang, event: s.event };
}
