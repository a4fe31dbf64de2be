/** Runs every analysis stage over the stored articles and stores what they found. */
import type { Corpus, CorpusData, Logger, RunOptions } from '../core/pipeline.js';
import { createPipeline } from '../core/pipeline.js';
import { inAddition } from '../reuse/additions.js';
import type { ExportClaim, ExportProposition } from '../report/export-schema.js';
import type { StoredAlignment } from '../align/stage.js';
import type { Registry, StageConfig } from '../core/registry.js';
import { exportClaims, exportEntities } from '../claims/export.js';
import type { Story } from '../cluster/stories.js';
import { exportLinks } from '../reuse/export-links.js';
import { DEFAULT_CONFIG, defaultRegistry } from '../stages.js';
import type { ReuseState } from '../reuse/state.js';
import type { AnalysisRecord, Store, StoredStory } from '../store/store.js';
import { analyzeStoreStreamed, canStream, type StoreAnalyzeResult } from './analyze-store.js';

export type { StoreAnalyzeResult } from './analyze-store.js';

export interface AnalyzeOptions {
  config?: readonly StageConfig[];
  /** Where stage names are looked up (default: every stage the project ships). */
  registry?: Registry;
  logger?: Logger;
  onProgress?: RunOptions['onProgress'];
  onArticle?: RunOptions['onArticle'];
  signal?: AbortSignal;
  /** Results of an earlier run to extend; stories already formed keep their articles. */
  previous?: AnalysisRecord;
  /** What reuse/links stored after an earlier run: only new or changed articles are then compared. */
  reuse?: ReuseState;
  /** Leave each touched story's update pending in the store for workers (update-story jobs) instead of running it here. */
  deferStories?: boolean;
}

export interface AnalyzeResult {
  corpus: Corpus;
  analysis: AnalysisRecord;
  /** Articles each stage ran on, by stage name: per-article stages skip articles already analysed by their version. */
  ran: Record<string, number>;
  /** Articles whose per-article stages ran (new, or analysed by an older stage version); the others were up to date. */
  reanalysed: number;
  /** Each step's wall time and the articles it touched: the stages, and around them reading and writing the store. */
  timings: StepTiming[];
}

/** How long one step of an analysis took, and how many articles it touched. */
export interface StepTiming {
  step: string;
  ms: number;
  articles: number;
}

/**
 * Analyses every stored article and stores what changed. Per-article stages run only on articles not yet analysed
 * by their current version, in batches; stories grow incrementally and only the stories that changed are aligned
 * again (src/app/analyze-store.ts). A configuration with other corpus stages runs in memory over the whole store.
 * @example const { stories } = await analyzeStore(await openStore(':memory:'));
 */
export async function analyzeStore(store: Store, options: AnalyzeOptions = {}): Promise<StoreAnalyzeResult> {
  const stages = (options.registry ?? defaultRegistry()).build(options.config ?? DEFAULT_CONFIG);
  if (canStream(stages) && !options.previous && !options.reuse) return analyzeStoreStreamed(store, options);
  const result = await analyzeStoreInMemory(store, options);
  return {
    articles: result.corpus.articles.length,
    ran: result.ran,
    reanalysed: result.reanalysed,
    timings: result.timings,
    compared: result.corpus.data.reuseChanges?.compared ?? [],
    stories: result.analysis.stories.length,
    realigned: result.ran['align/propositions'] ?? 0,
  };
}

/** The whole store read into memory, analysed and written back (for configurations the streamed run does not know). */
export async function analyzeStoreInMemory(store: Store, options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  let started = performance.now();
  const articles = await store.listArticles();
  const previous = await store.loadAnalysis();
  const reuse = await store.loadReuseState();
  const load: StepTiming = { step: 'store/load', ms: performance.now() - started, articles: articles.length };
  const result = await analyzeArticles(articles, { previous, reuse, ...options });
  started = performance.now();
  await store.updateAnnotations(result.corpus.articles);
  await store.saveAnalysis(result.analysis, options.previous ? undefined : previous);
  if (result.corpus.data.reuseChanges) await store.saveReuseChanges(result.corpus.data.reuseChanges);
  result.timings = [load, ...result.timings, { step: 'store/save', ms: performance.now() - started, articles: articles.length }];
  return result;
}

/** Runs the pipeline over articles held in memory, without a store. */
export async function analyzeArticles(articles: Corpus['articles'], options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const pipeline = createPipeline((options.registry ?? defaultRegistry()).build(options.config ?? DEFAULT_CONFIG));
  const ran: Record<string, number> = {};
  const timings: StepTiming[] = [];
  const present = new Set(articles.map((a) => a.id));
  const initialData: CorpusData = {};
  const stories = options.previous?.stories.map((s) => toStory(s, present)).filter((s) => s.articleIds.length);
  if (stories?.length) initialData.stories = stories;
  if (options.previous) initialData.alignments = storedAlignments(options.previous);
  if (options.reuse) initialData.reuse = options.reuse;
  const corpus = await pipeline.run(articles, {
    logger: options.logger,
    onProgress: (event) => {
      ran[event.stage] = event.ran;
      timings.push({ step: event.stage, ms: event.ms, articles: event.ran });
      options.onProgress?.(event);
    },
    onArticle: options.onArticle,
    signal: options.signal,
    initialData,
  });
  const articleStages = pipeline.stages.filter((s) => s.kind !== 'corpus').map((s) => ran[s.name] ?? 0);
  const started = performance.now();
  const analysis = collectAnalysis(corpus);
  timings.push({ step: 'collect', ms: performance.now() - started, articles: corpus.articles.length });
  return { corpus, analysis, ran, reanalysed: Math.max(0, ...articleStages), timings };
}

/** Gathers the corpus stages' results into the stored and exported shape. */
export function collectAnalysis(corpus: Corpus): AnalysisRecord {
  const stories: StoredStory[] = (corpus.data.stories ?? []).map((s) => ({
    id: s.id,
    label: s.label,
    articles: s.articleIds,
    origins: s.origins,
    centroid: s.centroid,
    lang: s.lang,
    event: s.event,
    ...(corpus.data.timelines?.[s.id] ? { timeline: corpus.data.timelines[s.id] } : {}),
    ...(corpus.data.alignments?.get(s.id)?.digest ? { aligned: corpus.data.alignments.get(s.id)!.digest } : {}),
  }));
  return {
    stories,
    links: exportLinks(corpus),
    origins: corpus.data.origins ?? stories.flatMap((s) => s.origins ?? []),
    entities: exportEntities(corpus),
    claims: markUnsupportedClaims(exportClaims(corpus), corpus),
    propositions: corpus.data.propositions ?? [],
  };
}

/** Flags claims that sit inside an unsupported addition of their article (reuse/links found no support for them). */
export function markUnsupportedClaims(claims: ExportClaim[], corpus: Corpus): ExportClaim[] {
  const additions = new Map(corpus.articles.map((a) => [a.id, a.data.additions ?? []]));
  return claims.map((claim) => (inAddition(additions.get(claim.article) ?? [], claim) ? { ...claim, unsupported: true } : claim));
}

/** The stored propositions and timeline of each story, with the digest of what they were aligned from. */
function storedAlignments(previous: AnalysisRecord): Map<string, StoredAlignment> {
  const propositions = new Map<string, ExportProposition[]>();
  for (const p of previous.propositions) (propositions.get(p.story) ?? propositions.set(p.story, []).get(p.story)!).push(p);
  return new Map(
    previous.stories.map((s) => [s.id, { propositions: propositions.get(s.id) ?? [], timeline: s.timeline ?? [], digest: s.aligned }]),
  );
}

/** A stored story as clustering extends it: its members still stored, origins recomputed by reuse/links. */
export function toStory(stored: StoredStory, present: ReadonlySet<string>): Story {
  return {
    id: stored.id,
    label: stored.label ?? stored.id,
    articleIds: stored.articles.filter((id) => present.has(id)),
    origins: [],
    centroid: stored.centroid ?? [],
    lang: stored.lang,
    event: stored.event,
  };
}
