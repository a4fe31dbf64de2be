/**
 * What aligning one story reads from the corpus (its articles, the links between them, their entities, which
 * claims are unsupported additions), gathered through indexes built once, and a digest of it: a story whose
 * digest is unchanged since its stored alignment keeps that alignment instead of being aligned again.
 */
import { hashId, type Article } from '../core/article.js';
import type { Corpus } from '../core/pipeline.js';
import type { ResolvedEntity } from '../claims/resolve-entities.js';
import { inAddition } from '../reuse/additions.js';
import type { ReuseLink } from '../reuse/types.js';
import { push } from './records.js';

/** One story as alignment reads it. */
export interface AlignStory {
  id: string;
  articleIds: readonly string[];
}

export interface StoryInputs {
  articles: Article[];
  links: ReuseLink[];
  /** Entities with a mention in the story, their mentions narrowed to the story's articles. */
  entities: ResolvedEntity[];
  /** Claim ids inside an unsupported addition of their article. */
  unsupported: Set<string>;
}

/** Indexes links and entities by article once, and returns a look-up of each story's inputs. */
export function storyInputIndex(corpus: Corpus): (story: AlignStory) => StoryInputs {
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  const linksByArticle = new Map<string, ReuseLink[]>();
  for (const link of corpus.data.links ?? []) {
    for (const id of [link.from, link.to]) push(linksByArticle, id, link);
  }
  const entitiesByArticle = new Map<string, Set<ResolvedEntity>>();
  for (const entity of corpus.data.entities ?? []) {
    for (const m of entity.mentions) {
      const set = entitiesByArticle.get(m.article) ?? new Set<ResolvedEntity>();
      set.add(entity);
      entitiesByArticle.set(m.article, set);
    }
  }
  return (story) => {
    const articles = story.articleIds.map((id) => byId.get(id)).filter((a): a is Article => !!a);
    const members = new Set(articles.map((a) => a.id));
    const links = [...new Set(articles.flatMap((a) => linksByArticle.get(a.id) ?? []))].filter((l) => members.has(l.from) && members.has(l.to));
    const entities = [...new Set(articles.flatMap((a) => [...(entitiesByArticle.get(a.id) ?? [])]))].map((e) => ({
      ...e,
      mentions: e.mentions.filter((m) => members.has(m.article)),
    }));
    const unsupported = new Set<string>();
    for (const a of articles) {
      for (const c of a.layers.claim ?? []) if (inAddition(a.data.additions ?? [], c)) unsupported.add(c.id);
    }
    return { articles, links, entities, unsupported };
  };
}

/** Digest of everything a story's alignment depends on (an article's text enters through its id and layers). */
export function digestStoryInputs(story: AlignStory, inputs: StoryInputs, alignVersion: string): string {
  const articles = inputs.articles.map((a) => [a.id, a.source, a.meta, a.data, a.layers]);
  return hashId(JSON.stringify([alignVersion, story.id, articles, inputs.links, inputs.entities]), 32);
}
