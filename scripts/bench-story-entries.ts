/**
 * Memory held per clustering entry (what the streamed analyze keeps of each unclustered article until clustering
 * runs, issue 8) and clustering time, on generated articles (gen-stories-corpus.ts). Heap after GC, so run with
 * `node --expose-gc --import tsx scripts/bench-story-entries.ts [N]` (default 3,000).
 */
import path from 'node:path';
import { createHash } from 'node:crypto';
import { makeArticle } from '../src/core/article.js';
import { addEntriesToStories, storyEntry, type StoryEntry } from '../src/cluster/stories.js';
import { generateRecords, loadStories } from './gen-stories-corpus.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const n = Number(process.argv[2] ?? 3000);
const records = generateRecords(loadStories(path.resolve(import.meta.dirname, '../../shared/data')), n, 20261130);
const mem = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const cpu = () => process.cpuUsage().user / 1000;

let entries: StoryEntry[] = [];
const t0 = cpu();
// One article at a time, dropped once reduced, as the streamed analyze drops each batch.
for (const r of records.splice(0)) {
  entries.push(storyEntry(makeArticle({ text: r.text, meta: { title: r.title, publishedAt: r.published, site: r.outlet, canonicalUrl: r.url } })));
}
const t1 = cpu();
const stories = addEntriesToStories([], entries);
const t2 = cpu();
gc();
gc();
const held = mem();
entries = [];
gc();
gc();
const perEntry = (held - mem()) / n;
const digest = createHash('sha1').update(JSON.stringify(stories.map((s) => [s.id, s.label, s.articleIds, s.centroid, s.event]))).digest('hex').slice(0, 12);
console.log(`${n} articles: ${Math.round(perEntry)} bytes held per entry; entries ${Math.round(t1 - t0)} ms CPU, clustering ${Math.round(t2 - t1)} ms CPU; ${stories.length} stories (digest ${digest})`);
