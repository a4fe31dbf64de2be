/**
 * Corpus stage `cluster/join-translations`: clustering never puts two languages in one story, so a
 * translated or reposted report that reuse/links tied to a page of another story is that story told
 * again. Stories joined by such links merge, and their independent-origin groups are recomputed
 * (a translation adds no origin).
 */
import { z } from 'zod';
import type { Corpus, CorpusStage } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import { groupOrigins } from '../reuse/origins.js';
import type { ReuseKind, ReuseLink } from '../reuse/types.js';
import type { Story } from './stories.js';

/** Link kinds that carry a whole report into another text (a partial quotation or a shared source does not). */
export const JOINING_KINDS: readonly ReuseKind[] = ['translation', 'duplicate', 'copy', 'rewrite'];

/**
 * Merges stories that a link of `kinds` connects; the largest story of each group (the earlier on a tie) keeps
 * its id, label, language and centroid, and takes the others' articles. Origins are recomputed from `links`
 * for the articles in `present` (all when omitted). Returns new story objects; the input is not changed.
 * @example joinLinkedStories(stories, links).length // fewer stories when a translation bridged two
 */
export function joinLinkedStories(
  stories: readonly Story[],
  links: readonly ReuseLink[],
  options: { kinds?: readonly ReuseKind[]; present?: ReadonlySet<string> } = {},
): Story[] {
  const kinds = new Set(options.kinds ?? JOINING_KINDS);
  const storyOf = new Map<string, number>();
  stories.forEach((s, i) => s.articleIds.forEach((id) => storyOf.set(id, i)));
  const parent = stories.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  // The larger story (then the earlier) is the root, so it survives the merge.
  const before = (a: number, b: number) => stories[a].articleIds.length > stories[b].articleIds.length || (stories[a].articleIds.length === stories[b].articleIds.length && a < b);
  let merged = false;
  for (const link of links) {
    if (!kinds.has(link.kind)) continue;
    const [a, b] = [storyOf.get(link.from), storyOf.get(link.to)];
    if (a === undefined || b === undefined) continue;
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) continue;
    merged = true;
    if (before(ra, rb)) parent[rb] = ra;
    else parent[ra] = rb;
  }
  if (!merged) return stories.map((s) => ({ ...s }));
  const members = new Map<number, number[]>();
  stories.forEach((_, i) => {
    const root = find(i);
    (members.get(root) ?? members.set(root, []).get(root)!).push(i);
  });
  // Each merged story's links, gathered in one pass (filtering every link for each merged story grew with their product).
  const linksOf = new Map<number, ReuseLink[]>();
  for (const link of links) {
    const [a, b] = [storyOf.get(link.from), storyOf.get(link.to)];
    if (a === undefined || b === undefined) continue;
    const root = find(a);
    if (root !== find(b) || members.get(root)!.length < 2) continue;
    (linksOf.get(root) ?? linksOf.set(root, []).get(root)!).push(link);
  }
  const out: Story[] = [];
  for (const [root, group] of [...members].sort((x, y) => x[0] - y[0])) {
    const story: Story = { ...stories[root], articleIds: [root, ...group.filter((i) => i !== root)].flatMap((i) => stories[i].articleIds) };
    if (group.length > 1) {
      const ids = story.articleIds.filter((id) => !options.present || options.present.has(id));
      story.origins = groupOrigins(ids, linksOf.get(root) ?? []);
    }
    out.push(story);
  }
  return out;
}

export const JoinTranslationsOptions = z.object({
  /** Reuse kinds that join two stories. */
  kinds: z.array(z.enum(['duplicate', 'copy', 'partial', 'rewrite', 'translation', 'shared-source'])).default([...JOINING_KINDS]),
});
export type JoinTranslationsOptions = z.infer<typeof JoinTranslationsOptions>;

/** Stage factory for `cluster/join-translations` (runs after reuse/links). */
export const joinTranslationsStage: StageFactory<typeof JoinTranslationsOptions> = {
  name: 'cluster/join-translations',
  options: JoinTranslationsOptions,
  create(options): CorpusStage {
    return {
      name: 'cluster/join-translations',
      kind: 'corpus',
      requires: ['corpus.stories', 'corpus.links'],
      produces: ['corpus.stories', 'corpus.origins'],
      run(corpus: Corpus): Corpus {
        const { stories, links } = corpus.data;
        if (!stories?.length || !links?.length) return corpus;
        const joined = joinLinkedStories(stories, links, { kinds: options.kinds, present: new Set(corpus.articles.map((a) => a.id)) });
        if (joined.length === stories.length) return corpus;
        return { articles: corpus.articles, data: Object.assign(corpus.data, { stories: joined, origins: joined.flatMap((s) => s.origins) }) };
      },
    };
  },
};
