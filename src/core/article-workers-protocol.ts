/** Messages between the pipeline's thread and the per-article worker threads (src/core/article-workers.ts). */
import type { Article } from './article.js';
import type { PipelineIssue } from './errors.js';
import type { StageConfig } from './registry.js';

/** A chain of per-article stages as a thread rebuilds it: configs for the default registry, and the versions they must yield. */
export interface ChainSpec {
  key: string;
  configs: StageConfig[];
  versions: Array<string | undefined>;
}

/** One article to take through the chain: its place in the run, and whether an earlier stage of the run redid it. */
export interface ChainItem {
  index: number;
  article: Article;
  redone: boolean;
}

export interface BatchMessage {
  type: 'batch';
  chain: ChainSpec;
  items: ChainItem[];
}

/** What the chain did to one article; `text` and `html`, when unchanged, stay behind (`keptText`). */
export interface ResultMessage {
  type: 'result';
  index: number;
  article: Partial<Article>;
  keptText: boolean;
  redone: boolean;
  /** Per stage of the chain: whether it ran on the article, and its time on it in ms. */
  ran: boolean[];
  ms: number[];
}

export type ThreadMessage =
  | { type: 'ready' }
  | ResultMessage
  | { type: 'log'; level: 'info' | 'warn'; message: string }
  | { type: 'pipeline-error'; issues: PipelineIssue[] }
  | { type: 'chain-failed'; error: string };

/** Slots of the progress array each thread writes as it goes, read back when a thread dies mid-article. */
export const PROGRESS_ARTICLE = 0;
export const PROGRESS_STAGE = 1;
export const PROGRESS_SLOTS = 2;
