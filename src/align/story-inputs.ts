/**
 * What aligning one story reads from the corpus (its articles, the links between them, their entities, which
 * claims are unsupported additions), gathered through indexes built once, and a digest of it: a story whose
 * digest is unchanged since its stored alignment keeps that alignment instead of being aligned again.
 * Entities are resolved within the story, from its articles' entity layers, so an article added to one story
 * changes no other story's inputs.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../core/article.js';
import type { Corpus } from '../core/pipeline.js';
import { resolveEntities, type ResolvedEntity } from '../claims/resolve-entities.js';
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
  /** The story's entities, resolved among its own articles (on first use: a story kept from the store never needs them). */
  readonly entities: ResolvedEntity[];
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
  return (story) => {
    const articles = story.articleIds.map((id) => byId.get(id)).filter((a): a is Article => !!a);
    const members = new Set(articles.map((a) => a.id));
    const links = [...new Set(articles.flatMap((a) => linksByArticle.get(a.id) ?? []))].filter((l) => members.has(l.from) && members.has(l.to));
    let entities: ResolvedEntity[] | undefined;
    const unsupported = new Set<string>();
    for (const a of articles) {
      for (const c of a.layers.claim ?? []) if (inAddition(a.data.additions ?? [], c)) unsupported.add(c.id);
    }
    return {
      articles,
      links,
      unsupported,
      get entities() {
        return (entities ??= resolveEntities(articles));
      },
    };
  };
}

/**
 * Digest of everything a story's alignment depends on: an article's text enters through its id and layers, and the
 * story's entities are resolved from those layers alone.
 */
export function digestStoryInputs(story: AlignStory, inputs: StoryInputs, alignVersion: string): string {
  // The hash of JSON.stringify([alignVersion, story.id, articles, links]), fed a value at a time: a story of thousands of
  // members serialised whole passes the longest string a JavaScript engine makes.
  const hash = createHash('sha256');
  const json = (value: unknown) => JSON.stringify(value) ?? 'null';
  hash.update(`[${json(alignVersion)},${json(story.id)},[`);
  inputs.articles.forEach((a, i) => hash.update((i ? ',' : '') + json([a.id, a.source, a.meta, a.data, a.layers])));
  hash.update('],[');
  inputs.links.forEach((l, i) => hash.update((i ? ',' : '') + json(l)));
  hash.update(']]');
  return hash.digest('hex').slice(0, 32);
}
