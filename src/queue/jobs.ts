/**
 * What each job kind does. Every job is idempotent: an ingest stores through the store's duplicate checks (unique
 * URL and id constraints, serializable insert), a per-article analysis skips stages already run by their version, the
 * corpus update recomputes the cross-article results from what is stored, and a story update works from the pending
 * update the corpus update stored for its story and clears it as it writes. A job killed midway is simply run again.
 */
import { createHash } from 'node:crypto';
import type { RawDocument } from '../core/raw-document.js';
import { analyzeStore, type StoreAnalyzeResult } from '../app/analyze.js';
import { runStoryUpdate } from '../app/update-story.js';
import { extractItems, storeExtracted } from '../app/ingest.js';
import { readInputs, type IngestOptions } from '../ingest/index.js';
import { PER_HOST_DELAY_MS } from '../ingest/limits.js';
import { HostScheduler, type HostPoliteness } from '../ingest/politeness.js';
import type { Store } from '../store/store.js';
import { analyzeOneArticle } from './article-stages.js';

export const JOB_KINDS = ['ingest', 'analyze-article', 'update-corpus', 'update-story'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** Ingest options a job carries: plain values only (no streams), so any worker on any machine can apply them. */
export type JobIngestOptions = Pick<IngestOptions, 'allowPrivate' | 'timeoutMs' | 'maxBytes' | 'perHostDelayMs' | 'encoding'>;

export interface JobData {
  /** A URL to fetch (a page, or a feed whose items all become articles), or a document read by the sender. */
  ingest: { url?: string; document?: RawDocument; options?: JobIngestOptions };
  'analyze-article': { id: string };
  /** `since`: when the first request of this burst was made, so a stream of arrivals cannot put the update off forever. */
  'update-corpus': { since: number };
  /** `run`: the corpus update that asked (for the record: the job updates the story from whatever is pending for it). */
  'update-story': { story: string; run: string };
}

/** The key that folds duplicate ingest jobs into one: the URL, or a hash of the document's input name and body. */
export function ingestKey(data: JobData['ingest']): string {
  if (data.url) return `url:${data.url}`;
  const body = data.document?.body ?? '';
  return `doc:${createHash('sha256').update(data.document?.input ?? '').update('\0').update(body).digest('hex').slice(0, 32)}`;
}

/** Sends follow-up jobs; the worker binds it to the queue. */
export type Enqueue = <K extends JobKind>(kind: K, data: JobData[K], key?: string, afterSeconds?: number) => Promise<unknown>;

/** Longest a corpus update waits for ingest and per-article jobs to drain before it runs anyway. */
export const MAX_CORPUS_DEFER_MS = 60_000;
/** Pause before a deferred corpus update looks again. */
const CORPUS_RECHECK_S = 1;

/** One politeness queue per delay for this process's jobs (the worker passes one shared by every worker instead). */
const schedulers = new Map<number, HostScheduler>();

function processScheduler(delayMs: number): HostPoliteness {
  return schedulers.get(delayMs) ?? schedulers.set(delayMs, new HostScheduler(delayMs)).get(delayMs)!;
}

/** Fetch failures that may pass (a timeout, a reset, a server error or overload): the job is retried before they are stored. */
const TRANSIENT_FETCH = /^fetch:(timeout|reset|refused|network|unreachable|dns|http-(429|5\d\d))$/;

/** Thrown by an ingest job whose URL failed in a way a later try may not; the queue retries the job with backoff. */
export class TransientFetchError extends Error {}

/**
 * Fetches or extracts, then stores, as `ingest` does; each stored (or already stored) article gets a per-article
 * analysis job. Input failures are stored and the job completes: a 404 is data, not a crash to retry. A transient
 * failure of the URL itself is thrown instead while `lastTry` is false, so the queue tries again later.
 */
export async function runIngestJob(
  store: Store,
  data: JobData['ingest'],
  enqueue: Enqueue,
  lastTry = true,
  politeness: (delayMs: number) => HostPoliteness = processScheduler,
): Promise<{ added: number; duplicates: number; failed: number }> {
  if (!data.document && !data.url) throw new Error('ingest job carries neither a URL nor a document');
  const documents = data.document
    ? [data.document]
    : readInputs([data.url!], { ...data.options, scheduler: politeness(data.options?.perHostDelayMs ?? PER_HOST_DELAY_MS) });
  const summary = await storeExtracted(store, extractItems(documents), {
    retryable: (failure) =>
      !lastTry && failure.input === data.url && TRANSIENT_FETCH.test(failure.ruleId) ? new TransientFetchError(`${failure.reason} [${failure.ruleId}]`) : undefined,
    // Also for a duplicate: a retry of a job killed after storing must still get its article analysed.
    onEvent: async (event) => {
      if (event.type === 'added') await enqueue('analyze-article', { id: event.id }, event.id);
      if (event.type === 'duplicate') await enqueue('analyze-article', { id: event.duplicateOf }, event.duplicateOf);
    },
  });
  return { added: summary.added.length, duplicates: summary.duplicates, failed: summary.failed.length };
}

/** Runs the per-article stages on one stored article, stores its layers, and asks for a corpus update. */
export async function runAnalyzeArticleJob(store: Store, data: JobData['analyze-article'], enqueue: Enqueue): Promise<{ ran: number }> {
  const article = await store.getArticle(data.id);
  if (!article) throw new Error(`article ${data.id} is not in the store`);
  const { article: analysed, ran } = await analyzeOneArticle(article);
  if (ran) await store.updateAnnotations([analysed]);
  await enqueue('update-corpus', { since: Date.now() });
  return { ran };
}

/**
 * Updates the corpus-wide results (reuse links, stories, origin groups) from everything stored, once the ingest and
 * per-article jobs have drained (or after MAX_CORPUS_DEFER_MS), so a batch is clustered as a whole, as one process
 * would; then asks for an update of each story it touched (and of any an earlier update left pending), which workers
 * run in parallel. `pending` counts those jobs; `withLock` holds the corpus lock around the update; `sendStories`
 * sends the story jobs.
 */
export async function runUpdateCorpusJob(
  store: Store,
  data: JobData['update-corpus'],
  enqueue: Enqueue,
  pending: () => Promise<number>,
  withLock: <T>(fn: () => Promise<T>) => Promise<T>,
  sendStories: (pending: NonNullable<StoreAnalyzeResult['pending']>) => Promise<void>,
): Promise<{ deferred: boolean; articles?: number; stories?: number }> {
  if (Date.now() - data.since < MAX_CORPUS_DEFER_MS && (await pending()) > 0) {
    await enqueue('update-corpus', { since: data.since }, undefined, CORPUS_RECHECK_S);
    return { deferred: true };
  }
  const result = await withLock(() => analyzeStore(store, { deferStories: true }));
  // Sent once the update is committed; if this worker dies first, the retried job finds the updates still pending.
  if (result.pending) await sendStories(result.pending);
  return { deferred: false, articles: result.articles, stories: (result.pending?.touched.length ?? 0) + (result.pending?.leftOver.length ?? 0) };
}

/**
 * Updates one story from the update pending for it (src/app/update-story.ts), under the story's lock, so that even a
 * job that expired while still running cannot overlap its retry. Nothing pending (done already, or the story merged
 * into another) completes at once; an update replaced by a newer corpus update while it ran is left to that one's job.
 */
export async function runUpdateStoryJob(
  store: Store,
  data: JobData['update-story'],
  withStoryLock: <T>(story: string, fn: () => Promise<T>) => Promise<T>,
): Promise<{ status: string; aligned?: boolean }> {
  const result = await withStoryLock(data.story, () => runStoryUpdate(store, data.story));
  return result.status === 'none' ? result : { status: result.status, aligned: result.aligned };
}
