/**
 * Candidate pairs compared in worker threads (issue 8): a corpus update's comparisons are most of reuse/links and ran
 * on one core. Each thread profiles the articles of a chunk of pairs and compares them as `linkPair` does here; the
 * caller reads the answers in the order it asked, so the links are those of the loop in this thread.
 */
import type { Worker } from 'node:worker_threads';
import type { Article } from '../core/article.js';
import { LruCache } from '../core/lru.js';
import { siblingModule, startModuleThread } from '../core/threads.js';
import type { ReuseLink } from './types.js';

/** Pairs to compare (by article id) and the sentence threshold. */
export interface CompareChunk {
  pairs: [string, string][];
  threshold: number;
}
export interface CompareRequest extends CompareChunk {
  id: number;
  /** The articles the pairs name, in the order the thread asks its profiles for them. */
  ids: string[];
  /** Those of them the thread does not hold (what profiling reads of each). */
  articles: Article[];
  /** Drop every profile held first (after a failure the pool no longer knows what the thread holds). */
  reset?: boolean;
}
export interface CompareReply {
  id: number;
  /** One per pair, in order: the link, or null for none. */
  links?: (ReuseLink | null)[];
  error?: string;
}

/**
 * Profiles a thread keeps for later chunks (about 55 KB each): a story's pairs span many chunks, and profiling an
 * article again for each was most of the threads' work.
 */
export const PROFILES_PER_THREAD = 2_048;
/** A comparing thread holds its profiles and no models. */
const THREAD_HEAP_MB = 512;
/** Consecutive chunks (of one story, mostly) given to the same thread, which then holds their articles. */
const CHUNKS_PER_TURN = 4;

interface Thread {
  worker: Worker;
  /** What the thread holds: the same cache, asked for the same ids in the same order. */
  held: LruCache<string, true>;
  reset: boolean;
  /** Exited (out of memory, say): it is sent nothing more. */
  gone: boolean;
}

/** Threads that compare chunks of pairs, each chunk given to the next thread in turn. */
export class ComparePool {
  private readonly threads: Thread[] = [];
  private readonly waiting = new Map<number, { resolve: (links: (ReuseLink | null)[]) => void; reject: (error: Error) => void }>();
  private asked = 0;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      const thread = startModuleThread(siblingModule(import.meta.url, 'compare-thread'), undefined, { maxOldGenerationSizeMb: THREAD_HEAP_MB });
      const entry: Thread = { worker: thread, held: new LruCache(PROFILES_PER_THREAD), reset: false, gone: false };
      thread.on('message', (reply: CompareReply) => {
        const waiting = this.waiting.get(reply.id);
        if (!waiting) return;
        this.waiting.delete(reply.id);
        if (reply.links) return waiting.resolve(reply.links);
        entry.reset = true;
        waiting.reject(new Error(reply.error ?? 'no answer'));
      });
      // A thread lost fails what it was asked; the caller compares those chunks itself.
      thread.on('error', (error) => this.failAll(error));
      thread.on('exit', (code) => {
        entry.gone = true;
        this.failAll(new Error(`a comparing thread exited with code ${code}`));
      });
      this.threads.push(entry);
    }
  }

  /**
   * Sends a chunk to a thread with the articles it does not hold (`load` reads them) and resolves once sent, to the
   * pending answer: chunks must be sent one after another, so that each thread asks for ids in the order its mirror did.
   */
  async send(chunk: CompareChunk, load: (ids: string[]) => Promise<Article[]>): Promise<{ answer: Promise<(ReuseLink | null)[]> }> {
    const id = this.asked++;
    const live = this.threads.filter((t) => !t.gone);
    // With every thread gone the answer fails at once, and the caller compares the chunk itself.
    if (!live.length) return { answer: Promise.reject(new Error('no comparing thread left')) };
    const thread = live[Math.floor(id / CHUNKS_PER_TURN) % live.length];
    const reset = thread.reset;
    if (reset) [thread.held, thread.reset] = [new LruCache(PROFILES_PER_THREAD), false];
    const ids = [...new Set(chunk.pairs.flat())];
    const missing: string[] = [];
    for (const article of ids) thread.held.get(article, () => (missing.push(article), true));
    const articles = await load(missing);
    const answer = new Promise<(ReuseLink | null)[]>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      thread.worker.postMessage({ id, ...chunk, ids, articles, ...(reset ? { reset } : {}) } satisfies CompareRequest);
    });
    return { answer };
  }

  async close(): Promise<void> {
    const threads = this.threads.splice(0);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private failAll(error: Error): void {
    for (const [id, waiting] of this.waiting) {
      this.waiting.delete(id);
      waiting.reject(error);
    }
  }
}
