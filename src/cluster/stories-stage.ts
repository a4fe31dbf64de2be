/** Corpus stage `cluster/stories`: groups the corpus into stories, extending stories already present. */
import { z } from 'zod';
import type { Corpus, CorpusStage } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import { DIFFERENT_EVENT_MIN_CONTRAST } from './event-contrast.js';
import { addToStories, JOIN_MIN_COSINE, JOIN_MIN_SHARED_SPECIFIC_TERMS, JOIN_MIN_SPECIFIC_SHARE, UNSPACED_JOIN_MIN_COSINE, type Story } from './stories.js';

declare module '../core/pipeline.js' {
  interface CorpusData {
    /** Stories: articles about one event, with their independent-origin groups (cluster/stories, reuse/links). */
    stories?: Story[];
  }
}

export const StoriesOptions = z.object({
  /** Idf-weighted cosine to a story centroid at which an article may join. */
  joinMinCosine: z.number().min(0).max(1).default(JOIN_MIN_COSINE),
  /** The same for scripts written without spaces (Han, kana, Thai…). */
  unspacedJoinMinCosine: z.number().min(0).max(1).default(UNSPACED_JOIN_MIN_COSINE),
  /** Shared names/numbers needed to join. */
  joinMinSharedSpecificTerms: z.number().int().min(0).default(JOIN_MIN_SHARED_SPECIFIC_TERMS),
  /** Share of the similarity that shared names/numbers must carry. */
  joinMinSpecificShare: z.number().min(0).max(1).default(JOIN_MIN_SPECIFIC_SHARE),
  /** Share of the story's core names missing and of the article's own names new at which it is another event (1: only total contrast). */
  differentEventMinContrast: z.number().min(0).max(1).default(DIFFERENT_EVENT_MIN_CONTRAST),
});
export type StoriesOptions = z.infer<typeof StoriesOptions>;

/** Stage factory for `cluster/stories`. */
export const storiesStage: StageFactory<typeof StoriesOptions> = {
  name: 'cluster/stories',
  options: StoriesOptions,
  create(options): CorpusStage {
    return {
      name: 'cluster/stories',
      kind: 'corpus',
      requires: ['text'],
      produces: ['corpus.stories'],
      run(corpus: Corpus): Corpus {
        const stories = addToStories(corpus.data.stories ?? [], corpus.articles, options);
        return { articles: corpus.articles, data: Object.assign(corpus.data, { stories }) };
      },
    };
  },
};
