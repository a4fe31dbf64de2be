/**
 * Reuse-detection benchmark (npm run bench; alone: `tsx scripts/bench-reuse.ts --articles 20000`).
 * Generates realistic synthetic articles (Zipf vocabulary, topic words, names, numbers) with planted copies,
 * partial quotations and rewrites; indexes them; queries; reports build time, query p50/p99, peak memory,
 * recall of planted pairs, and the speed ratio against brute-force all-pairs comparison on 2,000 articles.
 */
import { pathToFileURL } from 'node:url';
import { makeArticle, type Article } from '../src/core/article.js';
import { ReuseIndex } from '../src/reuse/candidates.js';
import { linkPair } from '../src/reuse/links.js';
import { profileArticle, type ReuseProfile } from '../src/reuse/profile.js';
import { rng } from './random.js';

const DEFAULT_ARTICLES = 100_000;
const PLANTED_SHARE = 0.05;
const TOPICS_PER_1000 = 20;
const BRUTE_FORCE_ARTICLES = 2_000;
const BRUTE_FORCE_SAMPLED_PAIRS = 20_000;
const MAX_TIMED_QUERIES = 3_000;

/** Options of the benchmark. */
export interface BenchReuseOptions {
  articles?: number;
  seed?: number;
}

const SYLLABLES = 'ka lo mi ne ru sa ti vo ze ba de fi go hu ja ke li mo nu pa re si to va we ya zu ran tel mor vin dal ser gon'.split(' ');
const FUNCTION_WORDS = 'the of and to in a is that for on was with as by at from it said has have were be its an which after'.split(' ');

function makeWord(rand: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

interface Generator {
  article(topic: number): string;
  rewrite(text: string): string;
}

function createGenerator(rand: () => number, topics: number): Generator {
  const vocab = Array.from({ length: 20_000 }, () => makeWord(rand, 2 + Math.floor(rand() * 3)));
  const names = Array.from({ length: 5_000 }, () => {
    const w = makeWord(rand, 2 + Math.floor(rand() * 2));
    return w[0].toUpperCase() + w.slice(1);
  });
  const topicWords = Array.from({ length: topics }, () => Array.from({ length: 200 }, () => vocab[Math.floor(rand() * vocab.length)]));
  const topicNames = Array.from({ length: topics }, () => Array.from({ length: 20 }, () => names[Math.floor(rand() * names.length)]));
  // Zipf-like draw: index ~ n^(u^2) concentrates on the head.
  const zipf = (n: number) => Math.min(n - 1, Math.floor(Math.pow(n, rand() ** 2)) - 1 + Math.floor(rand() * 2));
  const sentence = (topic: number) => {
    const len = 8 + Math.floor(rand() * 18);
    const words: string[] = [];
    for (let i = 0; i < len; i++) {
      const r = rand();
      if (r < 0.35) words.push(FUNCTION_WORDS[Math.floor(rand() * FUNCTION_WORDS.length)]);
      else if (r < 0.6) words.push(topicWords[topic][zipf(200)]);
      else if (r < 0.68) words.push(topicNames[topic][zipf(20)]);
      else if (r < 0.71) words.push(String(Math.floor(rand() * 5000)));
      else words.push(vocab[zipf(vocab.length)]);
    }
    const s = words.join(' ');
    return s[0].toUpperCase() + s.slice(1) + '.';
  };
  return {
    article(topic) {
      const paras: string[] = [];
      const n = 5 + Math.floor(rand() * 7);
      for (let p = 0; p < n; p++) paras.push(Array.from({ length: 2 + Math.floor(rand() * 3) }, () => sentence(topic)).join(' '));
      return paras.join('\n\n');
    },
    rewrite(text) {
      // Keep names and numbers in order, replace most other words: same facts, different wording.
      return text.replace(/\b[a-z]+\b/g, (w) => (rand() < 0.6 ? vocab[Math.floor(rand() * vocab.length)] : w));
    },
  };
}

interface Corpus {
  articles: Article[];
  planted: Map<string, string>;
  /** Planted derivative id -> how it was made. */
  plantedKind: Map<string, PlantedKind>;
}

type PlantedKind = 'copy' | 'partial' | 'rewrite';

function generateCorpus(total: number, seed: number): Corpus {
  const rand = rng(seed);
  const topics = Math.max(5, Math.round((total / 1000) * TOPICS_PER_1000));
  const gen = createGenerator(rand, topics);
  const articles: Article[] = [];
  const planted = new Map<string, string>();
  const plantedKind = new Map<string, PlantedKind>();
  for (let i = 0; i < total; i++) {
    const id = `a${i}`;
    if (i > 10 && rand() < PLANTED_SHARE) {
      const origin = articles[Math.floor(rand() * articles.length)];
      const r = rand();
      let text: string;
      plantedKind.set(id, r < 0.5 ? 'copy' : r < 0.75 ? 'partial' : 'rewrite');
      if (r < 0.5) {
        // Copy with edits, a cut paragraph and junk.
        const paras = origin.text.split('\n\n');
        paras.splice(Math.floor(rand() * paras.length), 1);
        text = [...paras.map((p) => p.replace(/\b(the|of)\b/, 'a')), 'Subscribe to our newsletter.'].join('\n\n');
      } else if (r < 0.75) {
        const paras = origin.text.split('\n\n');
        text = `${gen.article(Math.floor(rand() * topics))}\n\n${paras.slice(0, 2).join('\n\n')}`;
      } else text = gen.rewrite(origin.text);
      articles.push(makeArticle({ id, text }));
      planted.set(id, origin.id);
    } else articles.push(makeArticle({ id, text: gen.article(Math.floor(rand() * topics)) }));
  }
  return { articles, planted, plantedKind };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0;
}

/** Runs the benchmark and returns report lines. */
export async function benchReuse(opts: BenchReuseOptions = {}): Promise<string[]> {
  const total = opts.articles ?? DEFAULT_ARTICLES;
  const seed = opts.seed ?? 42;
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 200);
  const lines: string[] = [];
  try {
    const t0 = performance.now();
    const { articles, planted, plantedKind } = generateCorpus(total, seed);
    const genMs = performance.now() - t0;
    // Build: profile, index, and keep only what queries need (profiles are rebuilt on demand).
    const t1 = performance.now();
    const index = new ReuseIndex();
    for (const a of articles) index.add(profileArticle(a));
    index.finish();
    const buildMs = performance.now() - t1;
    sample();
    // Query: every planted derivative (up to the cap) plus random others; candidates are aligned and classified.
    const rand = rng(seed + 1);
    const queries = new Set<number>();
    for (let i = 0; i < articles.length && queries.size < MAX_TIMED_QUERIES * 0.7; i++) if (planted.has(articles[i].id)) queries.add(i);
    while (queries.size < Math.min(articles.length, MAX_TIMED_QUERIES)) queries.add(Math.floor(rand() * articles.length));
    // Random extra queries may hit planted derivatives too: count every planted one queried.
    const plantedQueried = [...queries].filter((q) => planted.has(articles[q].id)).length;
    const times: number[] = [];
    let found = 0;
    let candidates = 0;
    // Per planted kind: queried, retrieved as a candidate, linked.
    const byKind = new Map<PlantedKind, { queried: number; retrieved: number; linked: number }>();
    for (const q of queries) {
      const start = performance.now();
      const profile = profileArticle(articles[q]);
      const cands = index.query(q, profile);
      candidates += cands.size;
      const origin = planted.get(articles[q].id);
      let hit = false;
      let retrieved = false;
      for (const c of cands.keys()) {
        const link = linkPair(profile, profileArticle(articles[c]));
        if (origin && articles[c].id === origin) retrieved = true;
        if (link && origin && articles[c].id === origin) hit = true;
      }
      times.push(performance.now() - start);
      if (hit) found++;
      const kind = plantedKind.get(articles[q].id);
      if (kind) {
        const row = byKind.get(kind) ?? { queried: 0, retrieved: 0, linked: 0 };
        row.queried++;
        if (retrieved) row.retrieved++;
        if (hit) row.linked++;
        byKind.set(kind, row);
      }
    }
    times.sort((x, y) => x - y);
    sample();
    lines.push(`Reuse bench: ${total} generated articles (${planted.size} planted copies/partials/rewrites), generated in ${(genMs / 1000).toFixed(1)} s`);
    lines.push(`  index build: ${(buildMs / 1000).toFixed(1)} s (${Math.round(total / (buildMs / 1000))} articles/s)`);
    lines.push(`  query (profile + candidates + alignment) over ${queries.size} articles: p50 ${percentile(times, 0.5).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms, ${(candidates / queries.size).toFixed(1)} candidates per article`);
    lines.push(`  recall of planted pairs (found and linked): ${found}/${plantedQueried} = ${(found / Math.max(1, plantedQueried)).toFixed(3)}`);
    for (const [kind, row] of [...byKind].sort()) {
      lines.push(`    ${kind.padEnd(8)} ${row.queried} queried, origin retrieved as a candidate ${row.retrieved}, linked ${row.linked}`);
    }
    lines.push(...bruteForceComparison(articles.slice(0, Math.min(BRUTE_FORCE_ARTICLES, articles.length)), planted));
  } finally {
    clearInterval(timer);
    sample();
  }
  lines.push(`  peak memory (RSS): ${(peak / 2 ** 20).toFixed(0)} MiB`);
  return lines;
}

/** Indexed detection vs all-pairs comparison on the first articles; all-pairs time extrapolated from a sample. */
function bruteForceComparison(articles: Article[], planted: Map<string, string>): string[] {
  const t0 = performance.now();
  const profiles = articles.map(profileArticle);
  const profileMs = performance.now() - t0;
  const t1 = performance.now();
  const index = new ReuseIndex();
  for (const p of profiles) index.add(p);
  index.finish();
  const ids = new Set(articles.map((a) => a.id));
  let indexedFound = 0;
  const seen = new Set<string>();
  profiles.forEach((p, i) => {
    for (const j of index.query(i, p).keys()) {
      const key = i < j ? `${i}:${j}` : `${j}:${i}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const link = linkPair(p, profiles[j]);
      if (link && (planted.get(p.id) === profiles[j].id || planted.get(profiles[j].id) === p.id)) indexedFound++;
    }
  });
  const indexedMs = performance.now() - t1;
  const n = profiles.length;
  const allPairs = (n * (n - 1)) / 2;
  const rand = rng(7);
  const sampled = Math.min(BRUTE_FORCE_SAMPLED_PAIRS, allPairs);
  const t2 = performance.now();
  for (let k = 0; k < sampled; k++) {
    const i = Math.floor(rand() * n);
    let j = Math.floor(rand() * n);
    if (j === i) j = (j + 1) % n;
    linkPair(profiles[i], profiles[j]);
  }
  const perPairMs = (performance.now() - t2) / sampled;
  const bruteMs = perPairMs * allPairs;
  const plantedHere = [...planted].filter(([d, o]) => ids.has(d) && ids.has(o)).length;
  return [
    `  brute force on ${n} articles: ${allPairs} pairs x ${(perPairMs * 1000).toFixed(0)} µs = ${(bruteMs / 1000).toFixed(1)} s (from ${sampled} sampled pairs)` +
      ` vs indexed ${(indexedMs / 1000).toFixed(2)} s for ${seen.size} candidate pairs (+ ${(profileMs / 1000).toFixed(2)} s profiling for both): ${(bruteMs / indexedMs).toFixed(0)}x faster`,
    `  planted pairs among them: ${plantedHere}, found by the index: ${indexedFound} (brute force compares every pair, so it finds what the classifier finds)`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--articles');
  const articles = at > 0 ? Number(process.argv[at + 1]) : undefined;
  for (const line of await benchReuse({ articles })) console.log(line);
}
