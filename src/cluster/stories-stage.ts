/** Corpus stage `cluster/stories`: groups the corpus into stories, extending stories already present. */
import { z } from 'zod';
import type { Corpus, CorpusStage } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import { addToStories, type Story } from './stories.js';

declare module '../core/pipeline.js' {
  interface CorpusData {
    /** Stories: articles about one event, with their independent-origin groups (cluster/stories, reuse/links). */
    stories?: Story[];
  }
}

export const StoriesOptions = z.object({});
export type StoriesOptions = z.infer<typeof StoriesOptions>;

/** Stage factory for `cluster/stories`. */
export const storiesStage: StageFactory<typeof StoriesOptions> = {
  name: 'cluster/stories',
  options: StoriesOptions,
  create(): CorpusStage {
    return {
      name: 'cluster/stories',
      kind: 'corpus',
      requires: ['text'],
      produces: ['corpus.stories'],
      run(corpus: Corpus): Corpus {
        const stories = addToStories(corpus.data.stories ?? [], corpus.articles);
        return { articles: corpus.articles, data: Object.assign(corpus.data, { stories }) };
      },
    };
  },
};
