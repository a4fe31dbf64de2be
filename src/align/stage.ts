/**
 * Corpus stage `align/propositions`: aligns the claims of each story across its sources into
 * propositions and builds the story's timeline. Works story by story from indexes built once, so
 * a story's cost grows with its own size and a changed story can be redone alone.
 */
import { z } from 'zod';
import type { Article } from '../core/article.js';
import type { Corpus, CorpusStage } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import type { ResolvedEntity } from '../claims/resolve-entities.js';
import type { ExportProposition, TimelineEntry } from '../report/export-schema.js';
import { inAddition } from '../reuse/additions.js';
import type { ReuseLink } from '../reuse/types.js';
import { alignStory } from './propositions.js';
import { push } from './records.js';
import { buildTimeline } from './timeline.js';

declare module '../core/pipeline.js' {
  interface CorpusData {
    /** Propositions of every story (align/propositions). */
    propositions?: ExportProposition[];
    /** Timeline of each story, by story id (align/propositions). */
    timelines?: Record<string, TimelineEntry[]>;
  }
}

/** One story as alignment reads it. */
export interface AlignStory {
  id: string;
  articleIds: readonly string[];
}

/** The propositions and timeline of one story. */
export interface StoryAlignment {
  propositions: ExportProposition[];
  timeline: TimelineEntry[];
}

/**
 * Aligns every story of a corpus. Entities and links are indexed by article once, so each story
 * reads only its own.
 */
export function alignCorpus(corpus: Corpus, stories: readonly AlignStory[]): Map<string, StoryAlignment> {
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
  const out = new Map<string, StoryAlignment>();
  for (const story of stories) {
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
    const propositions = sortPropositions(alignStory({ storyId: story.id, articles, links, entities, unsupported }));
    out.set(story.id, { propositions, timeline: buildTimeline(articles, propositions, unsupported) });
  }
  return out;
}

/** Ledger order: contested first, then single-origin, unconfirmed, denied, unsupported, corroborated; more origins first. */
export const STATUS_ORDER = ['contested', 'single-origin', 'unconfirmed', 'denied', 'unsupported', 'corroborated'] as const;

export function sortPropositions(list: ExportProposition[]): ExportProposition[] {
  return list.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || b.claims.length - a.claims.length || a.label.localeCompare(b.label));
}

export const AlignOptions = z.object({});

/** Stage factory for `align/propositions`. */
export const alignStage: StageFactory<typeof AlignOptions> = {
  name: 'align/propositions',
  options: AlignOptions,
  create(): CorpusStage {
    return {
      name: 'align/propositions',
      kind: 'corpus',
      requires: ['layers.claim', 'corpus.stories', 'corpus.links'],
      produces: ['corpus.propositions', 'corpus.timelines'],
      run(corpus: Corpus): Corpus {
        const stories = corpus.data.stories?.length ? corpus.data.stories : [{ id: 'all', articleIds: corpus.articles.map((a) => a.id) }];
        const aligned = alignCorpus(corpus, stories);
        const propositions = [...aligned.values()].flatMap((a) => a.propositions);
        const timelines = Object.fromEntries([...aligned].map(([id, a]) => [id, a.timeline]));
        return { articles: corpus.articles, data: Object.assign(corpus.data, { propositions, timelines }) };
      },
    };
  },
};
