/**
 * Corpus stage `reuse/links`: reuse links across the whole corpus, independent-origin groups per
 * story, and unsupported additions of each derived article.
 */
import { z } from 'zod';
import type { Article } from '../core/article.js';
import { addMessage } from '../core/message.js';
import type { Corpus, CorpusStage } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import { countUnique, findAdditions, SupportIndex } from './additions.js';
import { findCandidatePairsOf, indexKeysOf } from './candidates.js';
import { MIN_CONTENT_TOKENS, wireCredits } from './compare.js';
import { linkPair } from './links.js';
import { groupOrigins } from './origins.js';
import { profileArticle, type ReuseProfile } from './profile.js';
import { copyLink, digestOf, emptyReuseState, featuresDigest, toIndexKeys, type ReuseChanges, type ReuseState, type StoredFeatures, type StoredSupport } from './state.js';
import { SENTENCE_MATCH_JACCARD } from './sentence-align.js';
import type { Addition, ReuseKind, ReuseLink } from './types.js';

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

/** Link kinds whose derived side gets its additions flagged (a partial quotation's own text is not padding). */
const ADDITION_KINDS: readonly ReuseKind[] = ['duplicate', 'copy', 'rewrite'];

export const ReuseLinksOptions = z.object({
  /** Sentence Jaccard at which paraphrased sentences align (calibrated on MSRP). */
  sentenceThreshold: z.number().min(0).max(1).default(SENTENCE_MATCH_JACCARD),
  /** Flag unsupported additions in derived articles. */
  additions: z.boolean().default(true),
});
export type ReuseLinksOptions = z.infer<typeof ReuseLinksOptions>;

/** Minimal story shape read from `corpus.data.stories` (written by cluster/stories). */
interface StoryLike {
  id?: string;
  articleIds: string[];
  origins?: string[][];
}

/**
 * Runs reuse detection over a corpus and writes links, origins and additions. With `previous` (what an earlier run
 * stored), only articles that are new or changed are profiled and compared with their candidates; links between
 * unchanged articles are kept, and story-wide support results are kept while their inputs are unchanged.
 */
export function runReuseLinks(corpus: Corpus, options: Partial<ReuseLinksOptions> = {}, version?: string): Corpus {
  const opts = ReuseLinksOptions.parse(options);
  // Without a version nothing stored can be trusted.
  const previous = version === undefined ? emptyReuseState() : (corpus.data.reuse ?? emptyReuseState());
  const stamp = `${version ?? ''}:${JSON.stringify(opts)}`;
  const articles = corpus.articles;
  const profiles = new ProfileCache(articles);
  const changes: ReuseChanges = { features: new Map(), compared: [], links: [], support: new Map() };
  const features = articles.map((article) => {
    const digest = featuresDigest(article, stamp);
    const stored = previous.features.get(article.id);
    if (stored?.digest === digest) return stored;
    const p = profiles.get(article.id)!;
    const keys = indexKeysOf(p);
    const made: StoredFeatures = {
      digest,
      signature: [...keys.signature],
      sampled: keys.sampled,
      anchors: keys.anchors,
      contentTokens: p.contentTokens,
      wires: wireCredits(p).map((w) => asWritten(article.text, w)),
    };
    changes.features.set(article.id, made);
    return made;
  });
  articles.forEach((article, i) => {
    const f = features[i];
    if (f.wires.length) article.data.wires = f.wires;
    if (f.contentTokens < MIN_CONTENT_TOKENS) {
      addMessage(article, {
        ruleId: 'reuse:too-short',
        source: 'reuse/links',
        severity: 'info',
        reason: `only ${f.contentTokens} content words; too short to link to other articles`,
      });
    }
  });
  const changedAt = articles.flatMap((a, i) => (changes.features.has(a.id) ? [i] : []));
  const changed = new Set(changedAt.map((i) => articles[i].id));
  changes.compared = [...changed];
  const present = new Set(articles.map((a) => a.id));
  const raw = previous.links.filter((l) => present.has(l.from) && present.has(l.to) && !changed.has(l.from) && !changed.has(l.to));
  for (const pair of changedAt.length ? findCandidatePairsOf(features.map(toIndexKeys), changedAt) : []) {
    const link = linkPair(profiles.get(articles[pair.a].id)!, profiles.get(articles[pair.b].id)!, opts.sentenceThreshold);
    if (!link) continue;
    raw.push(link);
    changes.links.push(link);
  }
  raw.sort((x, y) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
  // Orientation swaps and annotates links: it works on copies (copy-on-write), the links as compared stay as stored.
  const links = [...raw];
  const data = corpus.data as { stories?: StoryLike[] } & Corpus['data'];
  const stories: StoryLike[] = data.stories?.length ? data.stories : [{ id: 'all', articleIds: articles.map((a) => a.id) }];
  const storyOf = new Map<string, StoryLike>();
  for (const story of stories) for (const id of story.articleIds) storyOf.set(id, story);
  const digests = new Map(articles.map((a, i) => [a.id, features[i].digest]));
  const support = new StorySupport(profiles, digests, previous.support, changes.support, stamp);
  orientByStoryUniqueness(links, storyOf, support);
  const kept = pruneViaCopies(links);
  const byArticle = new Map<string, ReuseLink[]>();
  for (const link of kept) for (const id of new Set([link.from, link.to])) (byArticle.get(id) ?? byArticle.set(id, []).get(id)!).push(link);
  const origins: string[][] = [];
  for (const story of stories) {
    const members = new Set(story.articleIds);
    const inside = [...new Set(story.articleIds.flatMap((id) => byArticle.get(id) ?? []))].filter((l) => members.has(l.from) && members.has(l.to));
    inside.sort((x, y) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
    story.origins = groupOrigins(story.articleIds.filter((id) => present.has(id)), inside);
    origins.push(...story.origins);
  }
  if (opts.additions) flagAdditions(articles, byArticle, storyOf, support);
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const link of kept) {
    const derived = byId.get(link.from);
    if (derived && link.kind !== 'shared-source') {
      addMessage(derived, {
        ruleId: `reuse:${link.kind}`,
        source: 'reuse/links',
        severity: 'info',
        reason: `${link.kind} of ${link.to} (score ${link.score}, direction ${link.direction})`,
      });
    }
  }
  return { articles, data: Object.assign(corpus.data, { links: kept, origins, reuseChanges: changes }) };
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

/**
 * Story-wide support look-ups (is a sentence found elsewhere in the story?), each result kept under a digest of its
 * inputs: a story none of whose members changed reuses what an earlier run found, without profiling its articles.
 */
class StorySupport {
  private readonly indexes = new Map<StoryLike | undefined, SupportIndex>();
  private readonly memberDigests = new Map<StoryLike | undefined, string>();

  constructor(
    private readonly profiles: ProfileCache,
    /** Each article's features digest. */
    private readonly digests: ReadonlyMap<string, string>,
    private readonly stored: ReadonlyMap<string, StoredSupport>,
    private readonly made: Map<string, StoredSupport>,
    private readonly stamp: string,
  ) {}

  /** The stored result for `key` if computed from the same inputs, else `compute()`'s, recorded for the store. */
  cached<T>(key: string, inputs: unknown, compute: () => T): T {
    const digest = digestOf([this.stamp, inputs]);
    const hit = this.stored.get(key);
    if (hit?.digest === digest) return hit.body as T;
    const body = compute();
    this.made.set(key, { digest, body });
    return body;
  }

  /**
   * What a link's effect on additions depends on, without its passages: the passages are a function of the two texts
   * (whose digests stand in for them), the kind and the direction.
   */
  linkKey(l: ReuseLink): unknown[] {
    return [l.from, l.to, l.kind, l.direction, l.score, this.digests.get(l.from) ?? null, this.digests.get(l.to) ?? null];
  }

  /** Digest of a story's members and their contents: what its support index is built from. */
  members(story: StoryLike): string {
    let d = this.memberDigests.get(story);
    if (!d) {
      d = digestOf(story.articleIds.map((id) => [id, this.digests.get(id) ?? null]));
      this.memberDigests.set(story, d);
    }
    return d;
  }

  index(story: StoryLike): SupportIndex {
    let index = this.indexes.get(story);
    if (!index) {
      index = new SupportIndex();
      for (const id of story.articleIds) {
        const p = this.profiles.get(id);
        if (p) index.add(p);
      }
      this.indexes.set(story, index);
    }
    return index;
  }

  profile(id: string): ReuseProfile | undefined {
    return this.profiles.get(id);
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

/** Threshold difference in story-unique sentences for orienting an undirected link. */
const UNIQUE_SENTENCE_MARGIN = 2;

/**
 * Orients derived links still of unknown direction: the side holding more sentences found nowhere else
 * in the story (excluding the pair) is the padded derivative; the origin's content is echoed by others.
 */
function orientByStoryUniqueness(links: ReuseLink[], storyOf: Map<string, StoryLike>, support: StorySupport): void {
  const open = new Map<StoryLike, ReuseLink[]>();
  links.forEach((link, i) => {
    if (link.direction !== 'unknown' || link.kind === 'shared-source') return;
    const story = storyOf.get(link.from);
    if (!story || story !== storyOf.get(link.to) || story.articleIds.length < 3) return;
    links[i] = copyLink(link);
    (open.get(story) ?? open.set(story, []).get(story)!).push(links[i]);
  });
  for (const [story, pending] of open) {
    const pairs = pending.map((l) => [l.from, l.to] as const);
    // Unique-sentence counts of both sides of each pending link, as [from, to].
    const counts = support.cached(`orient:${story.id ?? story.articleIds[0]}`, [support.members(story), pairs], () =>
      pairs.map(([from, to]) => {
        const index = support.index(story);
        return [countUnique(support.profile(from)!, index, to), countUnique(support.profile(to)!, index, from)];
      }),
    );
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

function flagAdditions(articles: readonly Article[], byArticle: ReadonlyMap<string, ReuseLink[]>, storyOf: Map<string, StoryLike>, support: StorySupport): void {
  const everything: StoryLike = { id: 'all', articleIds: articles.map((a) => a.id) };
  for (const article of articles) {
    const own = byArticle.get(article.id) ?? [];
    if (!own.some((l) => l.from === article.id && ADDITION_KINDS.includes(l.kind))) continue;
    const story = storyOf.get(article.id) ?? everything;
    article.data.additions = support.cached(`additions:${article.id}`, [support.members(story), own.map((l) => support.linkKey(l))], () =>
      findAdditions(support.profile(article.id)!, own, support.index(story)),
    );
  }
}

/** Stage factory for `reuse/links`. */
export const reuseLinksStage: StageFactory<typeof ReuseLinksOptions> = {
  name: 'reuse/links',
  options: ReuseLinksOptions,
  // Versioned so that what it stores between runs (state.ts) is trusted only for the same code and options.
  version: 1,
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
