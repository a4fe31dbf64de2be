/**
 * Corpus stage `align/propositions`: aligns the claims of each story across its sources into
 * propositions and builds the story's timeline. Works story by story from indexes built once, so
 * a story's cost grows with its own size and a changed story can be redone alone.
 */
import { z } from 'zod';
import type { Corpus, CorpusStage, StageContext } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import type { ExportProposition, TimelineEntry } from '../report/export-schema.js';
import { alignStory } from './propositions.js';
import { digestStoryInputs, storyInputIndex, type AlignStory, type StoryInputs } from './story-inputs.js';
import { buildTimeline } from './timeline.js';

export type { AlignStory } from './story-inputs.js';

declare module '../core/pipeline.js' {
  interface CorpusData {
    /** Propositions of every story (align/propositions). */
    propositions?: ExportProposition[];
    /** Timeline of each story, by story id (align/propositions). */
    timelines?: Record<string, TimelineEntry[]>;
    /** Alignments of an earlier run by story id, kept for stories whose inputs have not changed since (align/propositions). */
    alignments?: Map<string, StoredAlignment>;
  }
}

/** The propositions and timeline of one story. */
export interface StoryAlignment {
  propositions: ExportProposition[];
  timeline: TimelineEntry[];
}

/** A story's alignment as stored by an earlier run, with the digest of the inputs it was made from. */
export interface StoredAlignment extends StoryAlignment {
  digest?: string;
}

/**
 * Aligns the given stories of a corpus. Entities and links are indexed by article once, so each story
 * reads only its own.
 */
export function alignCorpus(corpus: Corpus, stories: readonly AlignStory[]): Map<string, StoryAlignment> {
  const inputsOf = storyInputIndex(corpus);
  return new Map(stories.map((story) => [story.id, alignInputs(story, inputsOf(story))]));
}

function alignInputs(story: AlignStory, inputs: StoryInputs): StoryAlignment {
  const { articles, links, entities, unsupported } = inputs;
  const propositions = sortPropositions(alignStory({ storyId: story.id, articles, links, entities, unsupported }));
  return { propositions, timeline: buildTimeline(articles, propositions, unsupported) };
}

/**
 * Aligns every story whose inputs changed since its stored alignment (`previous`, by story id) and keeps the stored
 * alignment of the others; without a stage version nothing stored is trusted.
 */
export function alignChanged(
  corpus: Corpus,
  stories: readonly AlignStory[],
  previous: ReadonlyMap<string, StoredAlignment>,
  version: string | undefined,
): { aligned: Map<string, StoredAlignment>; redone: number; redoneArticles: number } {
  const inputsOf = storyInputIndex(corpus);
  const aligned = new Map<string, StoredAlignment>();
  let redone = 0;
  let redoneArticles = 0;
  for (const story of stories) {
    const inputs = inputsOf(story);
    const digest = version === undefined ? undefined : digestStoryInputs(story, inputs, version);
    const stored = previous.get(story.id);
    if (digest && stored?.digest === digest) {
      aligned.set(story.id, stored);
      continue;
    }
    aligned.set(story.id, { ...alignInputs(story, inputs), digest });
    redone++;
    redoneArticles += inputs.articles.length;
  }
  return { aligned, redone, redoneArticles };
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
  // 3: entities resolved per story.
  version: 3,
  create(): CorpusStage {
    return {
      name: 'align/propositions',
      kind: 'corpus',
      requires: ['layers.claim', 'corpus.stories', 'corpus.links'],
      produces: ['corpus.propositions', 'corpus.timelines', 'corpus.alignments'],
      run(corpus: Corpus, ctx: StageContext): Corpus {
        const stories = corpus.data.stories?.length ? corpus.data.stories : [{ id: 'all', articleIds: corpus.articles.map((a) => a.id) }];
        const { aligned, redoneArticles } = alignChanged(corpus, stories, corpus.data.alignments ?? new Map(), ctx.version);
        ctx.touched?.(redoneArticles);
        const propositions = [...aligned.values()].flatMap((a) => a.propositions);
        const timelines = Object.fromEntries([...aligned].map(([id, a]) => [id, a.timeline]));
        return { articles: corpus.articles, data: Object.assign(corpus.data, { propositions, timelines, alignments: aligned }) };
      },
    };
  },
};
