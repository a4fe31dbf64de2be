import type { Article } from './article.js';
import { PipelineError, type PipelineIssue } from './errors.js';
import { articleWorkerCount } from './article-workers-config.js';
import { addMessage, hasFatal } from './message.js';

/** What every stage receives besides its input. */
export interface StageContext {
  /** ISO date that relative dates resolve against (the article's publication date when known). */
  referenceDate?: string;
  lang?: string;
  logger: Logger;
  signal?: AbortSignal;
  /** The running stage's version, for stages that keep results of earlier runs. */
  version?: string;
  /** A corpus stage that keeps earlier results says how many articles it actually worked on (all, if it never calls this). */
  touched?: (articles: number) => void;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {} };

/** Cross-article results; each corpus stage adds its fields with `declare module`. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface CorpusData {}

/** The articles of one run and what corpus stages found across them. */
export interface Corpus {
  articles: Article[];
  data: CorpusData;
}

interface StageBase {
  /** `area/thing`, e.g. `segment/sentences`. */
  name: string;
  /** Properties that must be produced by an earlier stage, e.g. `text`, `layers.sentence`. */
  requires: readonly string[];
  produces: readonly string[];
  /**
   * Changes whenever the stage's output for the same input changes (the registry sets it from the factory's
   * version and the options); a stored article whose layers an older version made re-runs the stage.
   */
  version?: string;
}

/** Article -> Article stage. */
export interface Stage extends StageBase {
  kind?: 'article';
  run(article: Article, ctx: StageContext): Article | Promise<Article>;
}

/** Stage over all articles at once (reuse, cluster, align); results go to `corpus.data`. */
export interface CorpusStage extends StageBase {
  kind: 'corpus';
  run(corpus: Corpus, ctx: StageContext): Corpus | Promise<Corpus>;
}

export type AnyStage = Stage | CorpusStage;

/** What `extract` and ingestion guarantee before any stage runs. */
export const BASE_PROPERTIES = ['text', 'meta'] as const;

export interface Pipeline {
  readonly stages: readonly AnyStage[];
  /** Runs every stage; an article with a fatal message skips the remaining article stages. */
  run(articles: Article[], options?: RunOptions): Promise<Corpus>;
}

export interface RunOptions {
  logger?: Logger;
  signal?: AbortSignal;
  /** Corpus results of an earlier run that corpus stages may extend (e.g. stories, for incremental clustering). */
  initialData?: CorpusData;
  /** Called after each stage finishes, for progress display; `ran` counts the articles the stage ran on, `ms` its wall time. */
  onProgress?: (event: StageEvent) => void;
  /** Called as a per-article stage goes through the articles (`done` of `articles`), for progress display. */
  onArticle?: (event: { stage: string; index: number; total: number; done: number; articles: number }) => void;
  /**
   * Worker threads for runs of consecutive per-article stages of the default registry (src/core/article-workers.ts);
   * 1 keeps every stage in this thread. Default: `withArticleWorkers`, else `TRIANGULATE_WORKERS`, else the cores.
   */
  workers?: number;
  /** Fewest articles needing such a run for the threads to take it (default: from their measured start-up cost). */
  workerThreshold?: number;
}

/** One stage finished: its name and position, the articles it ran on and how long it took. */
export interface StageEvent {
  stage: string;
  index: number;
  total: number;
  ran: number;
  ms: number;
}

/** Validates `requires` against earlier `produces` and returns a frozen pipeline. */
export function createPipeline(stages: readonly AnyStage[]): Pipeline {
  const issues: PipelineIssue[] = [];
  const available = new Set<string>(BASE_PROPERTIES);
  const seen = new Set<string>();
  for (const stage of stages) {
    if (seen.has(stage.name)) issues.push({ code: 'E_DUPLICATE_STAGE', stage: stage.name, message: 'stage appears twice' });
    seen.add(stage.name);
    for (const need of stage.requires) {
      if (!available.has(need)) {
        issues.push({ code: 'E_UNMET_REQUIRES', stage: stage.name, message: `requires "${need}", which no earlier stage produces` });
      }
    }
    for (const made of stage.produces) available.add(made);
  }
  if (issues.length) throw new PipelineError(issues);
  const frozen = Object.freeze([...stages]);
  return Object.freeze({
    stages: frozen,
    run: (articles: Article[], options: RunOptions = {}) => runStages(frozen, articles, options),
  });
}

async function runStages(stages: readonly AnyStage[], articles: Article[], options: RunOptions): Promise<Corpus> {
  const logger = options.logger ?? silentLogger;
  let corpus: Corpus = { articles, data: { ...(options.initialData ?? {}) } as CorpusData };
  // Articles an earlier stage of this run re-analysed: every later stage must redo them too.
  const redone = new Set<Article>();
  for (let index = 0; index < stages.length; index++) {
    const stage = stages[index];
    options.signal?.throwIfAborted();
    if (stage.kind !== 'corpus') {
      let end = index + 1;
      while (end < stages.length && stages[end].kind !== 'corpus') end++;
      if (await runChainInWorkers(stages.slice(index, end) as Stage[], index, stages.length, corpus.articles, redone, options, logger)) {
        index = end - 1;
        continue;
      }
    }
    let ran = 0;
    const started = performance.now();
    if (stage.kind === 'corpus') {
      const live = corpus.articles.filter((a) => !hasFatal(a));
      for (const article of live) clearOutputs(article, stage);
      ran = live.length;
      const touched = (n: number) => (ran = n);
      const out = await stage.run({ articles: live, data: corpus.data }, { logger, signal: options.signal, version: stage.version, touched });
      corpus = { articles: corpus.articles, data: out.data };
    } else {
      for (let i = 0; i < corpus.articles.length; i++) {
        const article = corpus.articles[i];
        options.onArticle?.({ stage: stage.name, index, total: stages.length, done: i, articles: corpus.articles.length });
        const step = await runArticleStage(stage, article, redone.has(article), logger, options.signal);
        if (step.ran) ran++;
        if (step.redone) redone.add(article).add(step.article);
        corpus.articles[i] = step.article;
      }
    }
    options.onProgress?.({ stage: stage.name, index, total: stages.length, ran, ms: performance.now() - started });
  }
  return corpus;
}

/**
 * Hands consecutive per-article stages to worker threads when they may take them (a default-registry chain, enough
 * articles needing it); false leaves them to the loop in this thread. Results, events and redone articles are as
 * that loop's.
 */
async function runChainInWorkers(
  chain: Stage[],
  first: number,
  total: number,
  articles: Article[],
  redone: Set<Article>,
  options: RunOptions,
  logger: Logger,
): Promise<boolean> {
  const workers = articleWorkerCount(options.workers);
  if (workers < 2) return false;
  // Articles the loop would skip at every stage of the chain need not travel.
  const pending: number[] = [];
  articles.forEach((article, i) => {
    if (redone.has(article) || chain.some((stage) => !isCurrent(article, stage))) pending.push(i);
  });
  if (pending.length < 2) return false;
  const { runArticleChain } = await import('./article-workers.js');
  return runArticleChain({ chain, first, total, articles, pending, redone, workers, threshold: options.workerThreshold, logger, options });
}

/** What one per-article stage did to one article: the article it returned, whether it ran and whether the article was redone. */
export interface ArticleStep {
  article: Article;
  ran: boolean;
  redone: boolean;
}

/**
 * Runs one per-article stage on one article, in this thread or a worker's (src/core/article-workers.ts): skips an
 * article that holds this version's output (unless an earlier stage redid it), else clears the stage's old output,
 * stamps the version and runs it; a crash becomes a fatal message on the article, a stage that breaks its contract
 * stops the run.
 */
export async function runArticleStage(stage: Stage, article: Article, redone: boolean, logger: Logger, signal?: AbortSignal): Promise<ArticleStep> {
  if (!redone && isCurrent(article, stage)) return { article, ran: false, redone: false };
  clearOutputs(article, stage);
  stamp(article, stage);
  if (hasFatal(article)) return { article, ran: false, redone: true };
  const ctx: StageContext = { referenceDate: article.meta.publishedAt, lang: article.meta.lang, logger, signal };
  try {
    const out = await stage.run(article, ctx);
    if (!out || typeof out !== 'object' || typeof (out as Article).text !== 'string') {
      throw new PipelineError([{ code: 'E_NOT_ARTICLE', stage: stage.name, message: 'stage did not return an Article' }]);
    }
    if (out !== article) out.analysed = article.analysed;
    return { article: out, ran: true, redone: true };
  } catch (error) {
    if (error instanceof PipelineError) throw error;
    // A crash on one article's data stops that article only.
    addMessage(article, {
      ruleId: 'pipeline:stage-failed',
      source: stage.name,
      severity: 'fatal',
      reason: `stage ${stage.name} failed on this article`,
      cause: (error as Error)?.stack ?? String(error),
    });
    return { article, ran: true, redone: true };
  }
}

/** True when the article already holds this version's output of the stage (an unversioned stage always runs). */
function isCurrent(article: Article, stage: Stage): boolean {
  return stage.version !== undefined && article.analysed?.[stage.name] === stage.version;
}

/** Records which version of the stage made the article's layers. */
function stamp(article: Article, stage: Stage): void {
  const analysed = { ...(article.analysed ?? {}) };
  if (stage.version === undefined) delete analysed[stage.name];
  else analysed[stage.name] = stage.version;
  article.analysed = analysed;
}

/** Removes what a stage wrote into an article on an earlier run (its declared layers and data, its messages), so a re-run replaces rather than adds. */
export function clearOutputs(article: Article, stage: AnyStage): void {
  for (const property of stage.produces) {
    const [where, key] = property.split('.', 2);
    if (where === 'layers') delete (article.layers as Record<string, unknown>)[key];
    else if (where === 'data') delete (article.data as Record<string, unknown>)[key];
  }
  if (article.messages.some((m) => m.source === stage.name)) article.messages = article.messages.filter((m) => m.source !== stage.name);
}
