/**
 * Worker threads for the per-article stages (issue 8 item 4). A run of consecutive per-article stages built by the
 * default registry goes to a pool of threads as one chain: each thread rebuilds the stages from their configs (names
 * and options), loads wink's model and the entity tagger once, and takes batches of articles through the whole
 * chain, posting each article back as it is done. The pipeline's thread puts each result back into its article, in
 * place, so layers, data, messages, stamps and order are those of the in-thread loop. The pool outlives a run, so a
 * caller running the pipeline batch by batch pays the start-up once; idle threads go after IDLE_MS.
 */
import type { Worker } from 'node:worker_threads';
import type { Article } from './article.js';
import { PipelineError } from './errors.js';
import { addMessage } from './message.js';
import { clearOutputs, runArticleStage, type Logger, type RunOptions, type Stage } from './pipeline.js';
import { stageOrigin, type StageConfig, type StageFactory } from './registry.js';
import { siblingModule, startModuleThread } from './threads.js';
import {
  PROGRESS_ARTICLE,
  PROGRESS_SLOTS,
  PROGRESS_STAGE,
  type BatchMessage,
  type ChainItem,
  type ChainSpec,
  type ResultMessage,
  type ThreadMessage,
} from './article-workers-protocol.js';

/**
 * Fewest articles worth starting threads for. A thread's start-up (modules, wink's model, the tagger's weights) takes
 * about 1.2 s of CPU, against 1.0 s for the same loads in this thread, so two threads cost about 0.4 s more wall time
 * on two idle cores; with ~15 % more CPU per article in threads (copies both ways, a heap each), two threads save about
 * 2.5 ms of a 6 ms article: even after ~160 articles (measured on dist/, docs/bench.md), 200 for a margin.
 */
export const COLD_MIN_ARTICLES = 200;
/** With threads already up, each needs a few articles to cover the messages. */
export const WARM_MIN_ARTICLES_PER_THREAD = 4;
/** Idle threads hold a model set each; they go after this long without work. */
const IDLE_MS = 30_000;
/** Batches queued per thread: the next is at hand when one ends, and a batch is small enough to keep threads even. */
const BATCHES_IN_FLIGHT = 2;
const MAX_BATCH = 16;
/** Threads that die between articles (no article to blame) before the run goes back to the pipeline's thread. */
const MAX_UNEXPLAINED_EXITS = 3;

/** What `runStages` hands over: the chain, where it sits in the pipeline, and the articles needing it. */
export interface ChainRequest {
  chain: Stage[];
  first: number;
  total: number;
  articles: Article[];
  /** Indexes of the articles the chain has work on (others are current at every stage of it). */
  pending: number[];
  redone: Set<Article>;
  workers: number;
  threshold?: number;
  logger: Logger;
  options: RunOptions;
}

/** Chains a thread could not build (another build of the stages): never offered again in this process. */
const refused = new Set<string>();
/** Set when threads cannot start here at all: every run then stays in the pipeline's thread. */
let unavailable = false;
let shared: ArticlePool | undefined;

/**
 * Runs the chain in worker threads when it is a default-registry chain and enough articles need it; false when it
 * should run in the pipeline's thread. Emits the same `onArticle`/`onProgress` events (the chain's stages share its
 * wall time in proportion to their time in the threads) and honours `signal` by ending the threads.
 */
export async function runArticleChain(request: ChainRequest): Promise<boolean> {
  const { chain, first, total, articles, pending, redone, logger, options } = request;
  // Imported here, not at the top: stages.ts reaches this module through pipeline.ts, and a static import made a cycle
  // that left DEFAULT_FACTORIES uninitialised when a test loaded the modules in another order.
  const { DEFAULT_FACTORIES } = await import('../stages.js');
  const spec = chainSpec(chain, DEFAULT_FACTORIES);
  if (!spec || refused.has(spec.key) || unavailable) return false;
  if (!shared || shared.size !== request.workers) {
    shared?.destroy();
    shared = new ArticlePool(request.workers);
  }
  const pool = shared;
  const threshold = request.threshold ?? (pool.warm ? WARM_MIN_ARTICLES_PER_THREAD * pool.size : COLD_MIN_ARTICLES);
  if (pending.length < threshold) return false;

  const started = performance.now();
  const ran = chain.map(() => 0);
  const threadMs = chain.map(() => 0);
  const hereMs = chain.map(() => 0);
  const stage = `${chain[0].name}…${chain[chain.length - 1].name}`;
  let done = articles.length - pending.length;
  const report = () => options.onArticle?.({ stage, index: first, total, done, articles: articles.length });
  report();
  const leftovers = await pool.run({
    spec,
    items: pending.map((index) => ({ index, article: articles[index], redone: redone.has(articles[index]) })),
    logger,
    signal: options.signal,
    onResult(result) {
      const article = articles[result.index];
      adopt(article, result);
      if (result.redone) redone.add(article);
      result.ran.forEach((r, k) => r && ran[k]++);
      result.ms.forEach((ms, k) => (threadMs[k] += ms));
      done++;
      report();
    },
    onCrash(item, k, cause) {
      const article = articles[item.index];
      const name = chain[k].name;
      // Left unstamped, so that the next run tries the article again; this run's later stages skip it.
      for (const later of chain.slice(k)) clearOutputs(article, later);
      addMessage(article, {
        ruleId: 'pipeline:worker-failed',
        source: name,
        severity: 'fatal',
        reason: `stage ${name} stopped its worker thread on this article`,
        cause,
      });
      redone.add(article);
      ran[k]++;
      done++;
      report();
    },
  });
  // What the threads could not take runs here, exactly as the pipeline's own loop would.
  for (const item of leftovers) {
    let article = articles[item.index];
    for (let k = 0; k < chain.length; k++) {
      options.signal?.throwIfAborted();
      const at = performance.now();
      const step = await runArticleStage(chain[k], article, redone.has(article), logger, options.signal);
      hereMs[k] += performance.now() - at;
      if (step.ran) ran[k]++;
      if (step.redone) redone.add(article).add(step.article);
      article = articles[item.index] = step.article;
    }
    done++;
    report();
  }
  const inThreads = performance.now() - started - hereMs.reduce((a, b) => a + b, 0);
  const threadTotal = threadMs.reduce((a, b) => a + b, 0);
  chain.forEach((s, k) => {
    const share = threadTotal > 0 ? threadMs[k] / threadTotal : 1 / chain.length;
    options.onProgress?.({ stage: s.name, index: first + k, total, ran: ran[k], ms: hereMs[k] + inThreads * share });
  });
  return true;
}

/** Ends the pool's threads now (tests, and hosts that want their memory back before IDLE_MS). */
export function closeArticleWorkers(): void {
  shared?.destroy();
}

/** The chain as configs a thread can rebuild, or undefined when a stage did not come from the default registry's factories. */
function chainSpec(chain: readonly Stage[], defaults: readonly StageFactory[]): ChainSpec | undefined {
  const configs: StageConfig[] = [];
  for (const stage of chain) {
    const origin = stageOrigin(stage);
    if (!origin || !defaults.includes(origin.factory) || !isPlainData(origin.options)) return undefined;
    configs.push({ name: origin.factory.name, options: origin.options as Record<string, unknown> });
  }
  const versions = chain.map((s) => s.version);
  return { key: JSON.stringify([configs, versions]), configs, versions };
}

/** True for JSON-like data (what a thread can receive and rebuild options from without losing anything). */
function isPlainData(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainData);
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.values(value as object).every(isPlainData);
}

/** Makes `article` what the thread returned, keeping the object (callers may hold it) and its key order. */
function adopt(article: Article, result: ResultMessage): void {
  const target = article as unknown as Record<string, unknown>;
  for (const key of Object.keys(target)) {
    if (!(key in result.article) && !(result.keptText && (key === 'text' || key === 'html'))) delete target[key];
  }
  Object.assign(target, result.article);
}

/** One run's work for the pool. */
interface PoolJob {
  spec: ChainSpec;
  items: ChainItem[];
  logger: Logger;
  signal?: AbortSignal;
  onResult(result: ResultMessage): void;
  /** A thread died on this article, in the chain's stage `k`. */
  onCrash(item: ChainItem, k: number, cause: string): void;
}

interface Thread {
  worker: Worker;
  progress: Int32Array;
  ready: boolean;
  /** Items sent and not yet returned, in the order the thread takes them. */
  inFlight: ChainItem[];
  error?: unknown;
}

interface ActiveJob {
  job: PoolJob;
  queue: ChainItem[];
  remaining: number;
  batch: number;
  unexplainedExits: number;
  resolve(leftovers: ChainItem[]): void;
  reject(error: unknown): void;
  onAbort(): void;
}

class ArticlePool {
  private readonly threads = new Set<Thread>();
  private active?: ActiveJob;
  private idle?: NodeJS.Timeout;
  private tail: Promise<unknown> = Promise.resolve();
  private destroyed = false;

  constructor(readonly size: number) {}

  /** True once a thread has started: the start-up is paid. */
  get warm(): boolean {
    return [...this.threads].some((t) => t.ready);
  }

  /** Takes the items through the chain; resolves to the items the threads could not take (to run in the caller's thread). */
  run(job: PoolJob): Promise<ChainItem[]> {
    // One job at a time: a second run waits for the first rather than sharing its threads.
    const result = this.tail.then(() => this.start(job));
    this.tail = result.catch(() => undefined);
    return result;
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.idle);
    for (const t of this.threads) void t.worker.terminate();
    this.threads.clear();
    if (shared === this) shared = undefined;
  }

  private start(job: PoolJob): Promise<ChainItem[]> {
    if (this.destroyed) return Promise.resolve(job.items);
    return new Promise((resolve, reject) => {
      if (job.signal?.aborted) return reject(job.signal.reason);
      clearTimeout(this.idle);
      const batch = Math.max(1, Math.min(MAX_BATCH, Math.floor(job.items.length / (this.size * 4))));
      const active: ActiveJob = {
        job,
        queue: [...job.items],
        remaining: job.items.length,
        batch,
        unexplainedExits: 0,
        resolve,
        reject,
        onAbort: () => this.fail(job.signal!.reason),
      };
      this.active = active;
      job.signal?.addEventListener('abort', active.onAbort, { once: true });
      for (const t of this.threads) t.worker.ref();
      const wanted = Math.min(this.size, Math.ceil(job.items.length / batch));
      while (this.threads.size < wanted) this.spawn();
      for (const t of this.threads) this.feed(t);
    });
  }

  private spawn(): void {
    const progress = new Int32Array(new SharedArrayBuffer(PROGRESS_SLOTS * Int32Array.BYTES_PER_ELEMENT));
    const t: Thread = { worker: startThread(progress.buffer as SharedArrayBuffer), progress, ready: false, inFlight: [] };
    this.threads.add(t);
    // A throwing progress callback fails the run, as it would in the pipeline's own loop, instead of the process.
    const guarded = (fn: () => void) => {
      try {
        fn();
      } catch (error) {
        this.fail(error);
      }
    };
    t.worker.on('message', (message: ThreadMessage) => guarded(() => this.onMessage(t, message)));
    t.worker.on('error', (error) => (t.error = error));
    t.worker.on('exit', (code) => guarded(() => this.onExit(t, code)));
  }

  private feed(t: Thread): void {
    const active = this.active;
    if (!active) return;
    while (t.inFlight.length < BATCHES_IN_FLIGHT * active.batch && active.queue.length) {
      const items = active.queue.splice(0, active.batch);
      t.inFlight.push(...items);
      const message: BatchMessage = { type: 'batch', chain: active.job.spec, items };
      t.worker.postMessage(message);
    }
  }

  private onMessage(t: Thread, message: ThreadMessage): void {
    const active = this.active;
    if (message.type === 'ready') {
      t.ready = true;
      return;
    }
    if (!active) return;
    switch (message.type) {
      case 'result': {
        const at = t.inFlight.findIndex((item) => item.index === message.index);
        if (at < 0) return;
        t.inFlight.splice(at, 1);
        active.job.onResult(message);
        // A progress callback may have aborted the run.
        if (this.active !== active) return;
        if (--active.remaining === 0) return this.finish([]);
        this.feed(t);
        return;
      }
      case 'log':
        active.job.logger[message.level](message.message);
        return;
      case 'pipeline-error':
        return this.fail(new PipelineError(message.issues));
      case 'chain-failed':
        refused.add(active.job.spec.key);
        active.job.logger.warn(`per-article stages run in this thread: a worker thread could not build them (${message.error})`);
        return this.giveBack();
    }
  }

  private onExit(t: Thread, code: number): void {
    this.threads.delete(t);
    const active = this.active;
    if (this.destroyed || !active) return;
    if (!t.ready) {
      // A thread that never started will not start next time either: this process keeps the stages in its own thread.
      unavailable = true;
      active.queue.unshift(...t.inFlight);
      active.job.logger.warn(`per-article stages run in this thread: a worker thread did not start (${describe(t.error, code)})`);
      return this.giveBack();
    }
    const crashed = Atomics.load(t.progress, PROGRESS_ARTICLE) - 1;
    const victim = t.inFlight.find((item) => item.index === crashed);
    const others = t.inFlight.filter((item) => item !== victim);
    active.queue.unshift(...others);
    if (victim) {
      active.job.onCrash(victim, Atomics.load(t.progress, PROGRESS_STAGE), describe(t.error, code));
      if (this.active !== active) return;
      if (--active.remaining === 0) return this.finish([]);
    } else if (++active.unexplainedExits > MAX_UNEXPLAINED_EXITS) {
      return this.giveBack();
    }
    this.spawn();
    for (const other of this.threads) this.feed(other);
  }

  /** Stops the threads and hands every item not yet done back to the caller. */
  private giveBack(): void {
    const active = this.active!;
    const left = [...active.queue, ...[...this.threads].flatMap((t) => t.inFlight)].sort((a, b) => a.index - b.index);
    this.destroy();
    this.finish(left);
  }

  private finish(leftovers: ChainItem[]): void {
    const active = this.active!;
    this.active = undefined;
    active.job.signal?.removeEventListener('abort', active.onAbort);
    if (!this.destroyed) {
      // Idle threads must not keep the process alive, and go after a while.
      for (const t of this.threads) t.worker.unref();
      this.idle = setTimeout(() => this.destroy(), IDLE_MS).unref();
    }
    active.resolve(leftovers);
  }

  private fail(error: unknown): void {
    const active = this.active;
    if (!active) return;
    this.active = undefined;
    active.job.signal?.removeEventListener('abort', active.onAbort);
    this.destroy();
    active.reject(error);
  }
}

/** Old-space limit (MiB) of each worker thread: one article's stages need a fraction; an article that runs away stops alone, with a message. */
export const WORKER_MAX_HEAP_MB = 1024;

let entryOverride: URL | undefined;

/** Starts threads on another entry module (tests: one that wraps the real entry); undefined restores it. */
export function useThreadEntry(entry: URL | undefined): void {
  entryOverride = entry;
}

/** Starts one thread on the compiled entry, or, running from TypeScript sources (tests, tsx), through tsx's loader. */
function startThread(progress: SharedArrayBuffer): Worker {
  const entry = entryOverride?.href ?? siblingModule(import.meta.url, 'article-workers-thread');
  return startModuleThread(entry, { progress }, { maxOldGenerationSizeMb: WORKER_MAX_HEAP_MB });
}

function describe(error: unknown, code: number): string {
  if ((error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') return `the thread ran out of memory at its limit of ${WORKER_MAX_HEAP_MB} MiB`;
  return error instanceof Error ? (error.stack ?? error.message) : error !== undefined ? String(error) : `the thread exited with code ${code}`;
}
