/** Runs every analysis stage over the stored articles and stores what they found. */
import type { Corpus, Logger, RunOptions } from '../core/pipeline.js';
import { createPipeline } from '../core/pipeline.js';
import type { StageConfig } from '../core/registry.js';
import { exportClaims, exportEntities } from '../claims/export.js';
import { exportLinks } from '../reuse/export.js';
import { exportStories } from '../cluster/export.js';
import { DEFAULT_CONFIG, defaultRegistry } from '../stages.js';
import type { AnalysisRecord, Store } from '../store/store.js';

export interface AnalyzeOptions {
  config?: readonly StageConfig[];
  logger?: Logger;
  onProgress?: RunOptions['onProgress'];
  signal?: AbortSignal;
}

export interface AnalyzeResult {
  corpus: Corpus;
  analysis: AnalysisRecord;
}

/**
 * Analyses every stored article and replaces the stored analysis with the new one.
 * @example const { analysis } = await analyzeStore(await openStore(':memory:'));
 */
export async function analyzeStore(store: Store, options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const articles = await store.listArticles();
  const result = await analyzeArticles(articles, options);
  await store.updateAnnotations(result.corpus.articles);
  await store.saveAnalysis(result.analysis);
  return result;
}

/** Runs the pipeline over articles held in memory, without a store. */
export async function analyzeArticles(
  articles: Corpus['articles'],
  options: AnalyzeOptions = {},
): Promise<AnalyzeResult> {
  const pipeline = createPipeline(defaultRegistry().build(options.config ?? DEFAULT_CONFIG));
  const corpus = await pipeline.run(articles, { logger: options.logger, onProgress: options.onProgress, signal: options.signal });
  return { corpus, analysis: collectAnalysis(corpus) };
}

/** Gathers the corpus stages' results into the stored and exported shape. */
export function collectAnalysis(corpus: Corpus): AnalysisRecord {
  const stories = exportStories(corpus);
  return {
    stories,
    links: exportLinks(corpus),
    origins: stories.flatMap((s) => s.origins ?? []),
    entities: exportEntities(corpus),
    claims: exportClaims(corpus),
    propositions: [],
  };
}
