/**
 * npx tsx scripts/eval-stories.ts [--ecb DIR] [--topics 1,3,4] [--benchmark DIR] — quality of story clustering,
 * measured on data read at run time:
 * 1. ECB+ (cross-document event corpus): documents rebuilt from their tokens, clustered with `clusterStories`,
 *    B-cubed P/R/F against gold sub-topics (same seminal event) and topics (same event type), on train and dev
 *    topics (or on the `--topics` given);
 * 2. the 181 unrelated pages of the Zyte article-extraction benchmark as a negative set: how many multi-article
 *    stories form, and the pairwise precision of merges against a hand-checked list of true same-story groups,
 *    after clustering and again after reuse/links and cluster/join-translations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { makeArticle, type Article } from '../src/core/article.js';
import { joinLinkedStories } from '../src/cluster/join-translations.js';
import { clusterStories } from '../src/cluster/stories.js';
import { runReuseLinks } from '../src/reuse/links-stage.js';
import { extractDocument } from '../src/extract/extract.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../shared/data');
/** Default folders: ECB+ topic folders, and the article-extraction benchmark (html/ and ground-truth.json). */
export const DEFAULT_ECB_DIR = path.join(shared, 'ecb-plus/ECB+_LREC2014/ECB+');
export const DEFAULT_BENCHMARK_DIR = path.join(shared, 'article-extraction-benchmark');
const sameStoryFile = path.resolve(here, '../test/fixtures/stories/benchmark-same-story.json');

/** Standard ECB+ split (Cybulska & Vossen 2015; Barhom et al. 2019): dev topics; train = 1–35 minus these. */
export const ECB_DEV_TOPICS = [2, 5, 12, 18, 21, 23, 34, 35];
export const ECB_TRAIN_TOPICS = Array.from({ length: 35 }, (_, i) => i + 1).filter((t) => !ECB_DEV_TOPICS.includes(t) && t !== 15 && t !== 17);
/** Published Barhom et al. (2019) K-means document clustering, test topics 36–45, scored by PROVENANCE.md. */
const BARHOM_SUBTOPIC_F = 0.968;
const BARHOM_TOPIC_F = 0.685;

/** One ECB+ document with its gold labels. */
export interface EcbDoc {
  article: Article;
  topic: number;
  subtopic: string;
}

const TOKEN = /<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/g;
const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$/i;
const NO_SPACE_AFTER = /^[(\[{$]$/;

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Rebuilds a document's text from its tokens: one line per sentence, the leading URL line (ECB+ files) left out. */
export function rebuildEcbText(xml: string): string {
  const sentences = new Map<number, string[]>();
  for (const m of xml.matchAll(TOKEN)) {
    const s = Number(m[1]);
    if (!sentences.has(s)) sentences.set(s, []);
    sentences.get(s)!.push(decodeXml(m[2]));
  }
  const lines: string[] = [];
  for (const [, tokens] of [...sentences].sort((a, b) => a[0] - b[0])) {
    if (/^https?$/i.test(tokens[0] ?? '')) continue; // the source URL is metadata, not text
    let line = '';
    for (const t of tokens) line += !line || NO_SPACE_BEFORE.test(t) || NO_SPACE_AFTER.test(line.slice(-1)) ? t : ` ${t}`;
    lines.push(line);
  }
  return lines.join('\n');
}

/** Reads the ECB+ documents of the given topics from `dir` (throws when the corpus is missing). */
export function loadEcb(topics: readonly number[], dir = DEFAULT_ECB_DIR): EcbDoc[] {
  const docs: EcbDoc[] = [];
  for (const topic of topics) {
    const topicDir = path.join(dir, String(topic));
    for (const file of readdirSync(topicDir).filter((f) => f.endsWith('.xml')).sort()) {
      const kind = file.includes('ecbplus') ? 'ecbplus' : 'ecb';
      const text = rebuildEcbText(readFileSync(path.join(topicDir, file), 'utf8'));
      docs.push({ article: makeArticle({ id: file.replace(/\.xml$/, ''), text, meta: { lang: 'en' } }), topic, subtopic: `${topic}${kind}` });
    }
  }
  return docs;
}

/** B-cubed precision, recall and F1 of predicted clusters against gold labels (item -> label). */
export function bcubed(predicted: readonly (readonly string[])[], gold: ReadonlyMap<string, string>): { p: number; r: number; f: number } {
  const goldSize = new Map<string, number>();
  for (const g of gold.values()) goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
  let p = 0;
  let r = 0;
  let n = 0;
  for (const cluster of predicted) {
    const byGold = new Map<string, number>();
    for (const id of cluster) byGold.set(gold.get(id)!, (byGold.get(gold.get(id)!) ?? 0) + 1);
    for (const id of cluster) {
      const same = byGold.get(gold.get(id)!)!;
      p += same / cluster.length;
      r += same / goldSize.get(gold.get(id)!)!;
      n++;
    }
  }
  p /= n || 1;
  r /= n || 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

const fmt = (x: number) => x.toFixed(3);

/** Scores `clusterStories` on ECB+ topics: B³ against sub-topics and topics. */
export function scoreEcb(docs: readonly EcbDoc[]): { subtopic: ReturnType<typeof bcubed>; topic: ReturnType<typeof bcubed>; clusters: number } {
  const stories = clusterStories(docs.map((d) => d.article)).map((s) => s.articleIds);
  return {
    subtopic: bcubed(stories, new Map(docs.map((d) => [d.article.id, d.subtopic]))),
    topic: bcubed(stories, new Map(docs.map((d) => [d.article.id, String(d.topic)]))),
    clusters: stories.length,
  };
}

function evalEcb(dir: string, topics?: readonly number[]): string[] {
  const lines = [`ECB+ (${dir}; documents rebuilt from tokens; B³ P / R / F; gold sub-topic = same seminal event)`];
  const sets: [string, readonly number[]][] = topics
    ? [[`topics ${topics.join(',')}`, topics]]
    : [
        ['train (tuning)', ECB_TRAIN_TOPICS],
        ['dev (reported)', ECB_DEV_TOPICS],
      ];
  for (const [name, topicList] of sets) {
    const docs = loadEcb(topicList, dir);
    const s = scoreEcb(docs);
    const gold = new Set(docs.map((d) => d.subtopic)).size;
    lines.push(
      `  ${name}: ${docs.length} docs, ${s.clusters} stories for ${gold} gold sub-topics`,
      `    sub-topic B³ ${fmt(s.subtopic.p)} / ${fmt(s.subtopic.r)} / ${fmt(s.subtopic.f)}   topic B³ ${fmt(s.topic.p)} / ${fmt(s.topic.r)} / ${fmt(s.topic.f)}`,
    );
  }
  lines.push(
    `  reference: Barhom et al. 2019 K-means over TF-IDF on TEST topics 36–45: sub-topic B³ F ${BARHOM_SUBTOPIC_F}, topic B³ F ${BARHOM_TOPIC_F}`,
    '  (ours is on dev topics, not test; ECB+ is known to be an easy clustering benchmark: each topic pairs two events of one type, vocabularies differ a lot)',
  );
  return lines;
}

/** The 181 benchmark pages extracted as articles; `fileIds` maps article id -> benchmark item id. */
export function loadBenchmarkPages(benchDir = DEFAULT_BENCHMARK_DIR): { articles: Article[]; fileIds: Map<string, string> } {
  const truth = JSON.parse(readFileSync(path.join(benchDir, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string }>;
  const articles: Article[] = [];
  const fileIds = new Map<string, string>();
  for (const file of readdirSync(path.join(benchDir, 'html')).filter((f) => f.endsWith('.html.gz')).sort()) {
    const id = file.replace(/\.html\.gz$/, '');
    const body = gunzipSync(readFileSync(path.join(benchDir, 'html', file))).toString('utf8');
    const article = extractDocument({ input: file, path: file, url: truth[id]?.url, format: 'html', body, fetchedAt: '2019-11-20T00:00:00Z' });
    articles.push(article);
    fileIds.set(article.id, id);
  }
  return { articles, fileIds };
}

/**
 * Pairwise counts of predicted merges against gold same-story groups (unlisted items are singletons);
 * a pair inside one `ambiguous` group counts neither way.
 */
export function pairwise(
  predicted: readonly (readonly string[])[],
  groups: readonly (readonly string[])[],
  ambiguous: readonly (readonly string[])[] = [],
): { tp: number; fp: number; fn: number; unsure: number } {
  const together = (sets: readonly (readonly string[])[], a: string, b: string) => sets.some((g) => g.includes(a) && g.includes(b));
  let tp = 0;
  let fp = 0;
  let unsure = 0;
  for (const c of predicted) {
    for (let i = 0; i < c.length; i++) {
      for (let j = i + 1; j < c.length; j++) {
        if (together(groups, c[i], c[j])) tp++;
        else if (together(ambiguous, c[i], c[j])) unsure++;
        else fp++;
      }
    }
  }
  const goldPairs = groups.reduce((n, g) => n + (g.length * (g.length - 1)) / 2, 0);
  return { tp, fp, fn: goldPairs - tp, unsure };
}

function evalBenchmark(dir: string): string[] {
  const started = Date.now();
  const { articles, fileIds } = loadBenchmarkPages(dir);
  const { groups, ambiguous } = JSON.parse(readFileSync(sameStoryFile, 'utf8')) as { groups: string[][]; ambiguous: string[][] };
  const clustered = clusterStories(articles);
  const stories = clustered.map((s) => s.articleIds.map((id) => fileIds.get(id)!));
  const multi = stories.filter((s) => s.length > 1);
  const byFile = new Map(articles.map((a) => [fileIds.get(a.id)!, a]));
  const summary = (found: string[][]) => {
    const { tp, fp, fn, unsure } = pairwise(found, groups, ambiguous);
    return `merge pairs: ${tp} right, ${fp} wrong, ${unsure} ambiguous; pairwise precision ${fmt(tp / (tp + fp || 1))}, recall ${fmt(tp / (tp + fn || 1))}`;
  };
  // The analysis path: reuse/links on the clustered stories, then stories bridged by translations and copies merge.
  const linked = runReuseLinks({ articles, data: { stories: clustered } });
  const joined = joinLinkedStories(clustered, linked.data.links ?? []).map((s) => s.articleIds.map((id) => fileIds.get(id)!));
  const lines = [
    `Benchmark pages (${dir}; negative set: ${articles.length} mostly unrelated pages, ${groups.length} hand-checked same-story groups)`,
    `  clustering: ${stories.length} stories, ${multi.length} multi-article; ${summary(stories)}`,
    `  + reuse/links and cluster/join-translations: ${joined.length} stories; ${summary(joined)}  (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  ];
  if (process.env.EVAL_STORIES_VERBOSE) {
    for (const s of multi) {
      lines.push(`  - ${s.length}:`);
      for (const id of s) lines.push(`      ${id.slice(0, 8)} [${byFile.get(id)?.meta.lang}] ${(byFile.get(id)?.meta.title ?? '').slice(0, 90)}`);
    }
  }
  return lines;
}

/** Where the data is and which ECB+ topics to score (train and dev when `topics` is absent). */
export interface EvalStoriesOptions {
  ecbDir?: string;
  topics?: number[];
  benchmarkDir?: string;
}

/** Runs both evaluations and returns the report lines. */
export async function evalStories(options: EvalStoriesOptions = {}): Promise<string[]> {
  return [...evalEcb(options.ecbDir ?? DEFAULT_ECB_DIR, options.topics), '', ...evalBenchmark(options.benchmarkDir ?? DEFAULT_BENCHMARK_DIR)];
}

/** Parses `--ecb DIR --topics 1,3,4 --benchmark DIR`; throws on a malformed topic list. */
export function parseEvalStoriesArgs(args: string[]): EvalStoriesOptions {
  const { values } = parseArgs({ args, options: { ecb: { type: 'string' }, topics: { type: 'string' }, benchmark: { type: 'string' } } });
  const options: EvalStoriesOptions = {};
  if (values.ecb) options.ecbDir = path.resolve(values.ecb);
  if (values.benchmark) options.benchmarkDir = path.resolve(values.benchmark);
  if (values.topics) {
    const topics = values.topics.split(',').map((t) => t.trim()).filter(Boolean).map(Number);
    if (!topics.length || topics.some((t) => !Number.isInteger(t) || t < 1)) throw new Error(`--topics: expected a comma-separated list of topic numbers, got "${values.topics}"`);
    options.topics = topics;
  }
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let options: EvalStoriesOptions;
  try {
    options = parseEvalStoriesArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`eval-stories: ${(error as Error).message}`);
    process.exit(2);
  }
  for (const line of await evalStories(options)) console.log(line);
}
