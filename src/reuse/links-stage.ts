/**
 * Corpus stage `reuse/links`: reuse links across the whole corpus, independent-origin groups per
 * story, and unsupported additions of each derived article.
 */
import { z } from 'zod';
import type { Article } from '../core/article.js';
import { addMessage } from '../core/message.js';
import type { Corpus, CorpusStage } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import { findCandidateIndexPairs, indexKeysOf } from './candidates.js';
import { MIN_CONTENT_TOKENS, wireCredits } from './compare.js';
import { linkPair } from './links.js';
import { groupOrigins } from './origins.js';
import { profileArticle, type ReuseProfile } from './profile.js';
import { supportTerms } from './additions.js';
import {
  emptyReuseChanges,
  emptyReuseState,
  featuresDigest,
  type ReuseChanges,
  type ReuseState,
  type StoredFeatures,
  type StoredTerms,
} from './state.js';
import { flagAdditions, orientByStoryUniqueness, StorySupport, type StoryLike, type SupportRequest } from './story-support.js';
import { SENTENCE_MATCH_JACCARD } from './sentence-align.js';
import type { Addition, ReuseLink } from './types.js';

declare module '../core/pipeline.js' {
  interface CorpusData {
    /** Reuse links, `from` derived and `to` origin (reuse/links). */
    links?: ReuseLink[];
    /** Independent-origin groups of article ids, story by story (reuse/links). */
    origins?: string[][];
    /** What reuse/links stored after an earlier run, to extend (reuse/links reads it). */
    reuse?: ReuseState;
    /** What this run of reuse/links changed in that state, for the store to write (reuse/links). */
    reuseChanges?: ReuseChanges;
  }
}

declare module '../core/article.js' {
  interface ArticleData {
    /** Passages of a derived article found neither in its origin nor elsewhere in its story (reuse/links). */
    additions?: Addition[];
    /** Wire agencies the article's lead credits ("(Norpress) —", "…, Reuters reported."), as written (reuse/links). */
    wires?: string[];
  }
}

export const ReuseLinksOptions = z.object({
  /** Sentence Jaccard at which paraphrased sentences align (calibrated on MSRP). */
  sentenceThreshold: z.number().min(0).max(1).default(SENTENCE_MATCH_JACCARD),
  /** Flag unsupported additions in derived articles. */
  additions: z.boolean().default(true),
});
export type ReuseLinksOptions = z.infer<typeof ReuseLinksOptions>;

export type { StoryLike } from './story-support.js';

/**
 * Runs reuse detection over a corpus and writes links, origins and additions. With `previous` (what an earlier run
 * stored), only articles that are new or changed are profiled and compared with their candidates; links between
 * unchanged articles are kept, and story-wide support results are kept while their inputs are unchanged.
 */
export function runReuseLinks(corpus: Corpus, options: Partial<ReuseLinksOptions> = {}, version?: string): Corpus {
  const opts = ReuseLinksOptions.parse(options);
  // Without a version nothing stored can be trusted.
  const previous = version === undefined ? emptyReuseState() : (corpus.data.reuse ?? emptyReuseState());
  const stamp = reuseStamp(opts, version);
  const articles = corpus.articles;
  const profiles = new ProfileCache(articles);
  const changes = emptyReuseChanges();
  const features = articles.map((article) => {
    const stored = previous.features.get(article.id);
    const made = reuseFeatures(article, stamp, stored, () => profiles.get(article.id)!);
    if (made !== stored) {
      changes.features.set(article.id, made);
      changes.terms.set(article.id, storedTerms(made, profiles.get(article.id)!));
    }
    return made;
  });
  const ids = articles.map((a) => a.id);
  const present = new Set(ids);
  const profile = (id: string) => profiles.get(id);
  const raw = compareChanged({ ids, features, changes, previous, present, profile, opts });
  const data = corpus.data as { stories?: StoryLike[] } & Corpus['data'];
  const stories: StoryLike[] = data.stories?.length ? data.stories : [{ id: 'all', articleIds: ids }];
  const { kept, origins, outputs } = finishReuse({ ids, features, raw, stories, present, profile, previous, changes, stamp, opts });
  for (const article of articles) applyReuseOutput(article, outputs.get(article.id)!);
  return { articles, data: Object.assign(corpus.data, { links: kept, origins, reuseChanges: changes }) };
}

/** What the stage's stored state is trusted for: its version and options. */
export function reuseStamp(options: Partial<ReuseLinksOptions>, version: string | undefined): string {
  return `${version ?? ''}:${JSON.stringify(ReuseLinksOptions.parse(options))}`;
}

/** An article's features: the stored ones while made from the same inputs, else new ones from its profile. */
export function reuseFeatures(article: Article, stamp: string, stored: StoredFeatures | undefined, profile: () => ReuseProfile): StoredFeatures {
  const digest = featuresDigest(article, stamp);
  if (stored?.digest === digest) return stored;
  const p = profile();
  const keys = indexKeysOf(p);
  return {
    digest,
    signature: keys.signature,
    sampled: keys.sampled,
    anchors: keys.anchors,
    contentTokens: p.contentTokens,
    wires: wireCredits(p).map((w) => asWritten(article.text, w)),
  };
}

/** An article's support terms to store beside its features. */
export function storedTerms(features: StoredFeatures, profile: ReuseProfile): StoredTerms {
  return { digest: features.digest, json: JSON.stringify(supportTerms(profile)) };
}

/** What the comparison and the story-wide steps read: the live articles' ids and features, in corpus order. */
export interface ReuseInputs {
  ids: readonly string[];
  features: readonly StoredFeatures[];
  /** Features made in this run are in `changes.features`; the run's other changes are added to `changes`. */
  changes: ReuseChanges;
  previous: ReuseState;
  /** Every stored article, live or not: links to others are dropped. */
  present: ReadonlySet<string>;
  /** An article's reuse profile (a streamed run loads those it will need beforehand). */
  profile: (id: string) => ReuseProfile | undefined;
  opts: ReuseLinksOptions;
}

/** The candidate pairs that involve an article whose features changed, as positions in `ids`: `[a0, b0, a1, b1, …]`. */
export function changedPairs(inputs: Pick<ReuseInputs, 'ids' | 'features' | 'changes'>): Uint32Array {
  const changedAt = inputs.ids.flatMap((id, i) => (inputs.changes.features.has(id) ? [i] : []));
  if (!changedAt.length) return new Uint32Array(0);
  return findCandidateIndexPairs(inputs.features, changedAt);
}

/** Links as compared: the stored ones between unchanged articles, and each candidate pair with a changed article compared again. */
export function compareChanged(inputs: ReuseInputs, pairs: Uint32Array = changedPairs(inputs)): ReuseLink[] {
  const { changes, previous, present, ids } = inputs;
  const changed = new Set(changes.features.keys());
  changes.compared = ids.filter((id) => changed.has(id));
  const raw = previous.links.filter((l) => present.has(l.from) && present.has(l.to) && !changed.has(l.from) && !changed.has(l.to));
  for (let i = 0; i < pairs.length; i += 2) {
    const link = linkPair(needProfile(inputs, ids[pairs[i]]), needProfile(inputs, ids[pairs[i + 1]]), inputs.opts.sentenceThreshold);
    if (!link) continue;
    raw.push(link);
    changes.links.push(link);
  }
  raw.sort((x, y) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
  return raw;
}

/** A profile asked for that was not loaded (a streamed run loads it and retries). */
export class MissingProfileError extends Error {
  constructor(readonly id: string) {
    super(`reuse/links: no profile loaded for article ${id}`);
  }
}

function needProfile(inputs: Pick<ReuseInputs, 'profile'>, id: string): ReuseProfile {
  const p = inputs.profile(id);
  if (!p) throw new MissingProfileError(id);
  return p;
}

/** What reuse/links writes into one article: its wire credits, size, unsupported additions and the links deriving it. */
export interface ArticleReuse {
  wires: string[];
  contentTokens: number;
  /** Undefined when no copy-like link derives the article (it then has no additions). */
  additions?: Addition[];
  /** Kept links with this article on the derived side, in link order. */
  derived: ReuseLink[];
}

/**
 * The story-wide steps over links as compared: orientation by story uniqueness, pruning, origin groups per story
 * (set on `stories`) and each wanted article's outputs (all when `wanted` is omitted).
 */
export function finishReuse(inputs: FinishInputs): FinishedReuse {
  const steps = finishReuseSteps(inputs);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export type FinishInputs = ReuseInputs & {
  raw: ReuseLink[];
  stories: StoryLike[];
  stamp: string;
  wanted?: ReadonlySet<string>;
  /** Profiles are loaded per story and released after it (support indexes too). */
  streamed?: boolean;
  /** An article's support terms when they are loaded without its profile (a streamed run); else read from its profile. */
  terms?: (id: string) => readonly (readonly string[])[] | undefined;
  /** The stories whose origin groups are made again (all when omitted): the others keep theirs, as stored. */
  regroup?: ReadonlySet<StoryLike>;
};
export interface FinishedReuse {
  kept: ReuseLink[];
  origins: string[][];
  outputs: Map<string, ArticleReuse>;
}

/**
 * {@link finishReuse} as steps: before computing over a story's profiles (a stored result missing or stale) it yields
 * the story, so a streamed run can load that story's profiles and release the previous story's.
 */
export function* finishReuseSteps(inputs: FinishInputs): Generator<SupportRequest, FinishedReuse> {
  const { ids, features, stories, present, stamp, opts, wanted } = inputs;
  // Orientation swaps and annotates links: it works on copies (copy-on-write), the links as compared stay as stored.
  const links = [...inputs.raw];
  const storyOf = new Map<string, StoryLike>();
  for (const story of stories) for (const id of story.articleIds) storyOf.set(id, story);
  const digests = new Map(ids.map((id, i) => [id, features[i].digest]));
  const termsOf = (id: string) => inputs.terms?.(id) ?? supportTerms(needProfile(inputs, id));
  const support = new StorySupport((id) => needProfile(inputs, id), termsOf, digests, inputs.previous.support, inputs.changes.support, stamp, inputs.streamed);
  yield* orientByStoryUniqueness(links, storyOf, support);
  const kept = pruneViaCopies(links);
  const byArticle = new Map<string, ReuseLink[]>();
  for (const link of kept) for (const id of new Set([link.from, link.to])) (byArticle.get(id) ?? byArticle.set(id, []).get(id)!).push(link);
  const origins: string[][] = [];
  for (const story of stories) {
    if (inputs.regroup && !inputs.regroup.has(story)) {
      origins.push(...(story.origins ?? []));
      continue;
    }
    const members = new Set(story.articleIds);
    const inside = [...new Set(story.articleIds.flatMap((id) => byArticle.get(id) ?? []))].filter((l) => members.has(l.from) && members.has(l.to));
    inside.sort((x, y) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
    story.origins = groupOrigins(story.articleIds.filter((id) => present.has(id)), inside);
    origins.push(...story.origins);
  }
  const outputs = new Map<string, ArticleReuse>();
  ids.forEach((id, i) => {
    if (!wanted || wanted.has(id)) outputs.set(id, { wires: features[i].wires, contentTokens: features[i].contentTokens, derived: [] });
  });
  if (opts.additions) yield* flagAdditions(ids, outputs, byArticle, storyOf, support);
  for (const link of kept) if (link.kind !== 'shared-source') outputs.get(link.from)?.derived.push(link);
  return { kept, origins, outputs };
}

/** Writes what reuse/links found for an article into it, replacing what an earlier run wrote. */
export function applyReuseOutput(article: Article, out: ArticleReuse): void {
  delete article.data.additions;
  if (article.messages.some((m) => m.source === 'reuse/links')) article.messages = article.messages.filter((m) => m.source !== 'reuse/links');
  if (out.wires.length) article.data.wires = out.wires;
  if (out.contentTokens < MIN_CONTENT_TOKENS) {
    addMessage(article, {
      ruleId: 'reuse:too-short',
      source: 'reuse/links',
      severity: 'info',
      reason: `only ${out.contentTokens} content words; too short to link to other articles`,
    });
  }
  if (out.additions) article.data.additions = out.additions;
  for (const link of out.derived) {
    addMessage(article, {
      ruleId: `reuse:${link.kind}`,
      source: 'reuse/links',
      severity: 'info',
      reason: `${link.kind} of ${link.to} (score ${link.score}, direction ${link.direction})`,
    });
  }
}

/** Reuse profiles built on first use: an incremental run profiles only new articles and those it compares them with. */
class ProfileCache {
  private readonly byId: Map<string, Article>;
  private readonly made = new Map<string, ReuseProfile>();
  constructor(articles: readonly Article[]) {
    this.byId = new Map(articles.map((a) => [a.id, a]));
  }
  get(id: string): ReuseProfile | undefined {
    let p = this.made.get(id);
    if (!p) {
      const article = this.byId.get(id);
      if (!article) return undefined;
      p = profileArticle(article);
      this.made.set(id, p);
    }
    return p;
  }
}

/** A name as the text writes it (credits are compared lowercased). */
function asWritten(text: string, lower: string): string {
  const at = text.toLowerCase().indexOf(lower);
  return at >= 0 ? text.slice(at, at + lower.length) : lower;
}

/** Drops X->Y when X also derives from Z and Y is a copy of Z: X's origin is the root, not its repost. */
function pruneViaCopies(links: ReuseLink[]): ReuseLink[] {
  const copyOf = new Map<string, string>();
  for (const l of links) if ((l.kind === 'duplicate' || l.kind === 'copy') && l.direction !== 'unknown') copyOf.set(l.from, l.to);
  const pairs = new Set(links.map((l) => `${l.from}\u0000${l.to}`));
  return links.filter((l) => {
    const root = copyOf.get(l.to);
    return !(root && root !== l.from && pairs.has(`${l.from}\u0000${root}`));
  });
}

/** Stage factory for `reuse/links`. */
export const reuseLinksStage: StageFactory<typeof ReuseLinksOptions> = {
  name: 'reuse/links',
  options: ReuseLinksOptions,
  // Versioned so that what it stores between runs (state.ts) is trusted only for the same code and options.
  // 2: candidate pairs proposed by their later article, copies bounded (candidates.ts).
  version: 2,
  create(options): CorpusStage {
    return {
      name: 'reuse/links',
      kind: 'corpus',
      requires: ['text'],
      produces: ['corpus.links', 'corpus.origins', 'corpus.reuseChanges', 'data.additions'],
      run: (corpus, ctx) => {
        const out = runReuseLinks(corpus, options, ctx.version);
        ctx.touched?.(out.data.reuseChanges?.compared.length ?? corpus.articles.length);
        return out;
      },
    };
  },
};
