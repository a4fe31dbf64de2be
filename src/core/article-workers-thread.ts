/**
 * A per-article worker thread (src/core/article-workers.ts): rebuilds a chain of default-registry stages from their
 * configs once, then takes batches of articles through it, one article at a time, posting each result as it is done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from './article.js';
import { PipelineError } from './errors.js';
import { runArticleStage, type Logger, type Stage } from './pipeline.js';
import { PROGRESS_ARTICLE, PROGRESS_STAGE, type BatchMessage, type ChainSpec, type ThreadMessage } from './article-workers-protocol.js';
import { defaultRegistry } from '../stages.js';

const port = parentPort!;
const progress = new Int32Array((workerData as { progress: SharedArrayBuffer }).progress);
const post = (message: ThreadMessage) => port.postMessage(message);
const logger: Logger = {
  info: (message) => post({ type: 'log', level: 'info', message }),
  warn: (message) => post({ type: 'log', level: 'warn', message }),
};
const chains = new Map<string, Stage[]>();

/** Builds the chain as the pipeline's thread did; a stage whose version differs here (another build) is refused. */
function chainFor(spec: ChainSpec): Stage[] {
  let stages = chains.get(spec.key);
  if (stages) return stages;
  const built = defaultRegistry().build(spec.configs);
  stages = built.map((stage, k) => {
    if (stage.kind === 'corpus' || stage.version !== spec.versions[k]) throw new Error(`stage ${stage.name} differs in the worker thread`);
    return stage;
  });
  chains.set(spec.key, stages);
  return stages;
}

async function runBatch(batch: BatchMessage): Promise<void> {
  let stages: Stage[];
  try {
    stages = chainFor(batch.chain);
  } catch (error) {
    post({ type: 'chain-failed', error: (error as Error)?.message ?? String(error) });
    return;
  }
  for (const item of batch.items) {
    Atomics.store(progress, PROGRESS_ARTICLE, item.index + 1);
    let article: Article = item.article;
    const { text: textIn, html: htmlIn } = article;
    let redone = item.redone;
    const ran: boolean[] = [];
    const ms: number[] = [];
    for (let k = 0; k < stages.length; k++) {
      Atomics.store(progress, PROGRESS_STAGE, k);
      const started = performance.now();
      const step = await runArticleStage(stages[k], article, redone, logger);
      ms.push(performance.now() - started);
      ran.push(step.ran);
      redone ||= step.redone;
      article = step.article;
    }
    // The text is fixed once extracted: when it came back unchanged it need not be copied back.
    const { text, html, ...rest } = article;
    const keptText = text === textIn && html === htmlIn;
    post({ type: 'result', index: item.index, article: keptText ? rest : article, keptText, redone, ran, ms });
    Atomics.store(progress, PROGRESS_ARTICLE, 0);
  }
}

// Batches queue up behind the one in hand: stages may await, and articles must keep their order.
let tail = Promise.resolve();
port.on('message', (batch: BatchMessage) => {
  tail = tail.then(() =>
    runBatch(batch).catch((error) => {
      if (error instanceof PipelineError) post({ type: 'pipeline-error', issues: error.issues });
      else throw error;
    }),
  );
});
post({ type: 'ready' });
