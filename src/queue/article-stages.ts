/** The per-article half of the default pipeline, run by a worker on one article while other workers take others. */
import type { Article } from '../core/article.js';
import { createPipeline, type Pipeline } from '../core/pipeline.js';
import { DEFAULT_CONFIG, defaultRegistry } from '../stages.js';

let pipeline: Pipeline | undefined;

/** The default stages up to the first corpus stage: they read one article only, so articles can go in parallel. */
function perArticlePipeline(): Pipeline {
  if (pipeline) return pipeline;
  const stages = defaultRegistry().build(DEFAULT_CONFIG);
  const firstCorpus = stages.findIndex((s) => s.kind === 'corpus');
  pipeline = createPipeline(firstCorpus < 0 ? stages : stages.slice(0, firstCorpus));
  return pipeline;
}

/**
 * Runs the per-article stages not yet run by their current version on `article`; `ran` counts the stages that ran
 * (0: already up to date, nothing to store). The corpus update later skips these stages for it.
 */
export async function analyzeOneArticle(article: Article): Promise<{ article: Article; ran: number }> {
  let ran = 0;
  const corpus = await perArticlePipeline().run([article], { onProgress: (event) => (ran += event.ran) });
  return { article: corpus.articles[0], ran };
}
