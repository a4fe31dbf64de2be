/** A thread of the comparing pool (compare-workers.ts): profiles a chunk's articles and compares its pairs. */
import { parentPort } from 'node:worker_threads';
import { LruCache } from '../core/lru.js';
import { linkPair } from './links.js';
import { profileArticle, type ReuseProfile } from './profile.js';
import { PROFILES_PER_THREAD, type CompareReply, type CompareRequest } from './compare-workers.js';

// Kept as the pool's mirror of it expects: the same ids asked in the same order (see ComparePool.send).
const profiles = new LruCache<string, ReuseProfile>(PROFILES_PER_THREAD);

parentPort!.on('message', (request: CompareRequest) => {
  let reply: CompareReply;
  try {
    if (request.reset) profiles.clear();
    const sent = new Map(request.articles.map((a) => [a.id, a]));
    const held = new Map<string, ReuseProfile>();
    for (const id of request.ids) {
      held.set(
        id,
        profiles.get(id, () => {
          const article = sent.get(id);
          if (!article) throw new Error(`article ${id} neither sent nor held`);
          return profileArticle(article);
        }),
      );
    }
    reply = { id: request.id, links: request.pairs.map(([a, b]) => linkPair(held.get(a)!, held.get(b)!, request.threshold)) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
