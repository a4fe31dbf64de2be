/** A thread of the comparing pool (compare-workers.ts): profiles a chunk's articles and compares its pairs. */
import { parentPort } from 'node:worker_threads';
import { linkPair } from './links.js';
import { profileArticle } from './profile.js';
import type { CompareRequest, CompareReply } from './compare-workers.js';

parentPort!.on('message', (request: CompareRequest) => {
  let reply: CompareReply;
  try {
    const profiles = new Map(request.articles.map((a) => [a.id, profileArticle(a)]));
    reply = { id: request.id, links: request.pairs.map(([a, b]) => linkPair(profiles.get(a)!, profiles.get(b)!, request.threshold)) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
