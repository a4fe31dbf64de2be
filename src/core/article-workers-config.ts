/** How many worker threads the per-article stages may use (src/core/article-workers.ts): 1 keeps them in this thread. */
import { availableParallelism } from 'node:os';

/** Most threads by default: each holds its own wink model and tagger, and past the cores there is nothing to gain. */
export const MAX_DEFAULT_WORKERS = 8;

let processDefault: number | undefined;

/** Sets the worker count runs use when they name none (the CLI's `--workers`); `undefined` restores the default. */
export function setArticleWorkers(count: number | undefined): void {
  processDefault = count;
}

/**
 * The worker count for a run: the run's own, else the process default (`--workers`), else `TRIANGULATE_WORKERS`,
 * else the cores available, capped.
 */
export function articleWorkerCount(requested?: number): number {
  const count = requested ?? processDefault ?? fromEnvironment() ?? Math.min(availableParallelism(), MAX_DEFAULT_WORKERS);
  return Number.isFinite(count) ? Math.max(1, Math.floor(count)) : 1;
}

/** `TRIANGULATE_WORKERS` when it is a whole number of 1 or more (the CLI refuses other values; library callers get the default). */
function fromEnvironment(): number | undefined {
  const value = process.env.TRIANGULATE_WORKERS?.trim();
  return value && /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : undefined;
}
