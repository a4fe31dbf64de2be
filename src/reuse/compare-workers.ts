/**
 * Candidate pairs compared in worker threads (issue 8): a corpus update's comparisons are most of reuse/links and ran
 * on one core. Each thread profiles the articles of a chunk of pairs and compares them as `linkPair` does here; the
 * caller reads the answers in the order it asked, so the links are those of the loop in this thread.
 */
import type { Worker } from 'node:worker_threads';
import type { Article } from '../core/article.js';
import { siblingModule, startModuleThread } from '../core/threads.js';
import type { ReuseLink } from './types.js';

/** Pairs to compare (by article id), the articles they name (what profiling reads of them) and the sentence threshold. */
export interface CompareChunk {
  pairs: [string, string][];
  articles: Article[];
  threshold: number;
}
export interface CompareRequest extends CompareChunk {
  id: number;
}
export interface CompareReply {
  id: number;
  /** One per pair, in order: the link, or null for none. */
  links?: (ReuseLink | null)[];
  error?: string;
}

/** A comparing thread holds one chunk's profiles and no models. */
const THREAD_HEAP_MB = 512;

/** Threads that compare chunks of pairs, each chunk given to the next thread in turn. */
export class ComparePool {
  private readonly threads: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (links: (ReuseLink | null)[]) => void; reject: (error: Error) => void }>();
  private asked = 0;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      const thread = startModuleThread(siblingModule(import.meta.url, 'compare-thread'), undefined, { maxOldGenerationSizeMb: THREAD_HEAP_MB });
      thread.on('message', (reply: CompareReply) => {
        const waiting = this.waiting.get(reply.id);
        if (!waiting) return;
        this.waiting.delete(reply.id);
        if (reply.links) waiting.resolve(reply.links);
        else waiting.reject(new Error(reply.error ?? 'no answer'));
      });
      // A thread lost fails what it was asked; the caller compares those chunks itself.
      thread.on('error', (error) => this.failAll(error));
      thread.on('exit', (code) => this.failAll(new Error(`a comparing thread exited with code ${code}`)));
      this.threads.push(thread);
    }
  }

  compare(chunk: CompareChunk): Promise<(ReuseLink | null)[]> {
    const id = this.asked++;
    const thread = this.threads[id % this.threads.length];
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      thread.postMessage({ id, ...chunk } satisfies CompareRequest);
    });
  }

  async close(): Promise<void> {
    const threads = this.threads.splice(0);
    await Promise.all(threads.map((t) => t.terminate()));
  }

  private failAll(error: Error): void {
    for (const [id, waiting] of this.waiting) {
      this.waiting.delete(id);
      waiting.reject(error);
    }
  }
}
