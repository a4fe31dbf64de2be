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
import { MIN_CONTENT_TOKENS, wireCredits } from './compare.js';
import { detectReuseInProfiles } from './links.js';
import { groupOrigins } from './origins.js';
import { profileArticle, type ReuseProfile } from './profile.js';
import { SENTENCE_MATCH_JACCARD } from './sentence-align.js';
import type { Addition, ReuseKind, ReuseLink } from './types.js';

declare module '../core/pipeline.js' {
  interface CorpusData {
    /** Reuse links, `from` derived and `to` origin (reuse/links). */
    links?: ReuseLink[];
    /** Independent-origin groups of article ids, story by story (reuse/links). */
    origins?: string[][];
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
  articleIds: string[];
  origins?: string[][];
}

/** Runs reuse detection over a corpus and writes links, origins and additions. */
export function runReuseLinks(corpus: Corpus, options: Partial<ReuseLinksOptions> = {}): Corpus {
  const opts = ReuseLinksOptions.parse(options);
  const profiles = corpus.articles.map(profileArticle);
  const byId = new Map<string, ReuseProfile>(profiles.map((p) => [p.id, p]));
  for (const p of profiles) {
    const wires = wireCredits(p).map((w) => asWritten(p.article.text, w));
    if (wires.length) p.article.data.wires = wires;
    if (p.contentTokens < MIN_CONTENT_TOKENS) {
      addMessage(p.article, {
        ruleId: 'reuse:too-short',
        source: 'reuse/links',
        severity: 'info',
        reason: `only ${p.contentTokens} content words; too short to link to other articles`,
      });
    }
  }
  const detected = detectReuseInProfiles(profiles, { sentenceThreshold: opts.sentenceThreshold });
  const links = detected.links;
  const data = corpus.data as { stories?: StoryLike[] } & Corpus['data'];
  const stories: StoryLike[] = data.stories?.length ? data.stories : [{ articleIds: corpus.articles.map((a) => a.id) }];
  const storyOf = new Map<string, StoryLike>();
  for (const story of stories) for (const id of story.articleIds) storyOf.set(id, story);
  orientByStoryUniqueness(links, byId, storyOf);
  const kept = pruneViaCopies(links);
  links.length = 0;
  links.push(...kept);
  const origins: string[][] = [];
  for (const story of stories) {
    const members = new Set(story.articleIds);
    const inside = links.filter((l) => members.has(l.from) && members.has(l.to));
    story.origins = groupOrigins(story.articleIds.filter((id) => byId.has(id)), inside);
    origins.push(...story.origins);
  }
  if (opts.additions) flagAdditions(corpus.articles, links, byId, storyOf);
  for (const link of links) {
    const derived = byId.get(link.from)?.article;
    if (derived && link.kind !== 'shared-source') {
      addMessage(derived, {
        ruleId: `reuse:${link.kind}`,
        source: 'reuse/links',
        severity: 'info',
        reason: `${link.kind} of ${link.to} (score ${link.score}, direction ${link.direction})`,
      });
    }
  }
  return { articles: corpus.articles, data: Object.assign(corpus.data, { links, origins }) };
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
function orientByStoryUniqueness(links: ReuseLink[], byId: Map<string, ReuseProfile>, storyOf: Map<string, StoryLike>): void {
  const supportByStory = new Map<StoryLike | undefined, SupportIndex>();
  for (const link of links) {
    if (link.direction !== 'unknown' || link.kind === 'shared-source') continue;
    const story = storyOf.get(link.from);
    if (!story || story !== storyOf.get(link.to) || story.articleIds.length < 3) continue;
    let support = supportByStory.get(story);
    if (!support) {
      support = new SupportIndex(story.articleIds.map((id) => byId.get(id)).filter((p): p is ReuseProfile => !!p));
      supportByStory.set(story, support);
    }
    const from = byId.get(link.from)!;
    const to = byId.get(link.to)!;
    const uniqueFrom = countUnique(from, support, to.id);
    const uniqueTo = countUnique(to, support, from.id);
    if (Math.abs(uniqueFrom - uniqueTo) < UNIQUE_SENTENCE_MARGIN) continue;
    if (uniqueTo > uniqueFrom) {
      [link.from, link.to] = [link.to, link.from];
      link.passages = link.passages.map((p) => ({ from: p.to, to: p.from }));
    }
    link.direction = 'inferred';
    link.evidence.unshift({
      type: 'containment',
      detail: `${Math.max(uniqueFrom, uniqueTo)} sentence(s) of the derivative are found nowhere else in the story, ${Math.min(uniqueFrom, uniqueTo)} of the origin's`,
    });
  }
}

function flagAdditions(
  articles: readonly Article[],
  links: readonly ReuseLink[],
  byId: Map<string, ReuseProfile>,
  storyOf: Map<string, StoryLike>,
): void {
  const supportByStory = new Map<StoryLike, SupportIndex>();
  for (const article of articles) {
    const own = links.filter((l) => l.from === article.id || l.to === article.id);
    const derivedLinks = own.filter((l) => l.from === article.id && ADDITION_KINDS.includes(l.kind));
    if (!derivedLinks.length) continue;
    const story = storyOf.get(article.id);
    let support = story ? supportByStory.get(story) : undefined;
    if (!support) {
      const members = story ? story.articleIds : articles.map((a) => a.id);
      support = new SupportIndex(members.map((id) => byId.get(id)).filter((p): p is ReuseProfile => !!p));
      if (story) supportByStory.set(story, support);
    }
    article.data.additions = findAdditions(byId.get(article.id)!, own, support);
  }
}

/** Stage factory for `reuse/links`. */
export const reuseLinksStage: StageFactory<typeof ReuseLinksOptions> = {
  name: 'reuse/links',
  options: ReuseLinksOptions,
  create(options): CorpusStage {
    return {
      name: 'reuse/links',
      kind: 'corpus',
      requires: ['text'],
      produces: ['corpus.links', 'corpus.origins', 'data.additions'],
      run: (corpus) => runReuseLinks(corpus, options),
    };
  },
};
