/** How many worker threads the per-article stages may use (src/core/article-workers.ts): 1 keeps them in this thread. */
import { availableParallelism } from 'node:os';

/** Most threads by default: each holds its own wink model and tagger, and past the cores there is nothing to gain. */
export const MAX_DEFAULT_WORKERS = 8;

let processDefault: number | undefined;

/** Runs `fn` with `count` as the process default (none given: as it is), then restores the previous default. */
export async function withArticleWorkers<T>(count: number | undefined, fn: () => Promise<T>): Promise<T> {
  const previous = processDefault;
  if (count !== undefined) processDefault = count;
  try {
    return await fn();
  } finally {
    processDefault = previous;
  }
}

/**
 * The worker count for a run: the run's own, else the process default (`--workers`, `withArticleWorkers`), else `TRIANGULATE_WORKERS`,
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
