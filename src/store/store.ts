/**
 * The storage interface every backend implements. SQL lives in `sql.ts` and `migrations.ts`,
 * written to run unchanged on SQLite and PostgreSQL.
 */
import type { Article } from '../core/article.js';
import type { InputFailure } from '../core/raw-document.js';
import type { StoryEvent } from '../cluster/event-contrast.js';
import type { ArticleReuse } from '../reuse/links-stage.js';
import type { ReuseChanges, ReuseState, StoredSupport, StoredTerms } from '../reuse/state.js';
import type { ReuseLink } from '../reuse/types.js';
import type { ExportArticle, ExportClaim, ExportEntity, ExportLink, ExportProposition, ExportStory, PropositionStatus, TimelineEntry } from '../report/export-schema.js';

/** What adding an article did. */
export type AddResult =
  | { status: 'added'; id: string }
  | { status: 'duplicate'; id: string; duplicateOf: string; reason: 'same-url' | 'same-text' | 'same-id' };

/** A story as stored: its export form plus the term centroid that lets new articles join it later. */
export interface StoredStory extends ExportStory {
  centroid?: [string, number][];
  /** Primary language of the story's articles, so restored stories keep the language guard. */
  lang?: string;
  /** Participants and dates of the story's members, so restored stories still tell a different event apart. */
  event?: StoryEvent;
  /** Digest of the inputs its propositions and timeline were aligned from; while unchanged, they are kept. */
  aligned?: string;
}

/** Cross-article results of one analysis run, stored apart from the articles. */
export interface AnalysisRecord {
  stories: StoredStory[];
  links: ExportLink[];
  origins: string[][];
  entities: ExportEntity[];
  claims: ExportClaim[];
  propositions: ExportProposition[];
}

/** An article as a list shows it: no text, no layers. */
export type ArticleListing = Pick<ExportArticle, 'id' | 'source' | 'title' | 'published' | 'language'> & { site: string | null };

/** What a reader lists before it opens a story: every article's listing, the stories, and each story's propositions counted by status. */
export interface StoryOverview {
  articles: ArticleListing[];
  stories: StoredStory[];
  propositionCounts: Map<string, Partial<Record<PropositionStatus, number>>>;
}

/** One story's stored analysis, read by key. */
export interface StoryAnalysis {
  propositions: ExportProposition[];
  /** The claims of its members. */
  claims: ExportClaim[];
  /** Links with at least one end among its members. */
  links: ExportLink[];
  /** Entities resolved in it, with their mentions in its members. */
  entities: ExportEntity[];
}

/** What the streamed analyze reads of every stored article: no text, no layers. */
export interface ArticleState {
  id: string;
  /** Which per-article stage versions made its layers (absent: none). */
  analysed?: Record<string, string>;
  /** A stage failed on it: corpus stages leave it out. */
  fatal: boolean;
}

/** The part of the stored analysis that is small and read whole: stories (with their state), links, origin groups. */
export type StoryState = Pick<AnalysisRecord, 'stories' | 'links' | 'origins'>;

/**
 * Links and pending story updates of one region of a streamed run (stories that links tie together), written before
 * the story list: a first analysis of a large store holds one region's links at a time.
 */
export interface StoryRegionChanges {
  links: ExportLink[];
  /**
   * The articles whose links the run may have changed: only links with an end among them are compared with the stored
   * rows and written (the others are as stored). Omitted: every link.
   */
  linkScope?: readonly string[];
  /** What each story touched by the run needs for its update, replacing what an earlier run left for it. */
  updates?: StoryUpdateRecord[];
}

/** The whole story list and origin groups after a streamed run, written as the rows that differ from `previous`, with a last region's links and updates. */
export interface StoryListChanges extends StoryRegionChanges {
  /** The story list and origin groups as loaded before the run (the stored links are compared row by row in the store). */
  previous: Omit<StoryState, 'links'>;
  stories: StoredStory[];
  origins: string[][];
  /** Key/value state of the analysis (e.g. the corpus stages' stamp). */
  state: Record<string, string>;
}

/** The small part of a story's pending update, read for every pending story at the start of a corpus update. */
export interface StoryUpdateHead {
  story: string;
  /** The corpus update that wrote it: the story's write names it, so an update read before a newer one cannot land after it. */
  run: string;
  /** Align even if the stored alignment's digest matches (another corpus stage version). */
  force: boolean;
  /** Members whose per-article stages ran: their claims are written again. */
  reanalysed: string[];
}

/** What a corpus update leaves for one story it touched, so that story's update needs nothing else held in memory. */
export interface StoryUpdateRecord extends StoryUpdateHead {
  /** The members corpus stages work on (stored, no stage failed on them), in story order. */
  members: string[];
  /** What reuse/links found for members it worked on, written into them. */
  outputs: Record<string, ArticleReuse>;
  /** The reuse links (after orientation and pruning) touching any member, in link order. */
  links: ReuseLink[];
}

/** One story's results, written at once: its members' annotations, claims, propositions, entities and record. */
export interface StoryWrite {
  record: StoredStory;
  rows: StoryRows;
  /** Members whose annotations (reuse results) changed. */
  articles: readonly Article[];
  /** The run of the pending update this write answers: written only while that update is still the story's. */
  run: string;
}

/** Rows a streamed run writes story by story: claims by article, propositions and resolved entities by story. */
export interface StoryRows {
  /** Each listed article's stored claims are replaced. */
  claims: Map<string, ExportClaim[]>;
  /** Each listed story's propositions are replaced. */
  propositions: Map<string, ExportProposition[]>;
  /** Entities resolved within each listed story, replaced as propositions are. */
  entities: Map<string, ExportEntity[]>;
  /** Each listed story's timeline, replaced as propositions are (kept out of the story's record, which every corpus update reads). */
  timelines?: Map<string, TimelineEntry[]>;
}

export interface ReadOptions {
  /** Read the annotation layers (default true); false leaves `layers` empty. */
  layers?: boolean;
}

export interface PageOptions extends ReadOptions {
  /** Articles (or stories) a page covers (default 500). */
  pageRows?: number;
}

export interface StoredFailure extends InputFailure {
  at: string;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data lives, for messages (a file path or a connection string without password). */
  readonly location: string;
  /** Inserts an article unless one with the same canonical URL, id or normalised text is stored. */
  addArticle(article: Article): Promise<AddResult>;
  /** Replaces the annotations (layers, data, messages, and which stage versions made them) of stored articles after a run; text never changes. */
  updateAnnotations(articles: readonly Article[]): Promise<void>;
  getArticle(id: string): Promise<Article | undefined>;
  /** Stored articles in insertion order; without layers (`{ layers: false }`) when only text, data and messages are read. */
  listArticles(options?: ReadOptions): Promise<Article[]>;
  /** The articles with these ids, in the order asked (unknown ids are left out). */
  getArticles(ids: readonly string[], options?: ReadOptions): Promise<Article[]>;
  /** Every stored article's id, stage versions and whether a stage failed on it, in insertion order, without text. */
  listArticleStates(): Promise<ArticleState[]>;
  countArticles(): Promise<number>;
  /**
   * Replaces the stored analysis with a new one, all or nothing. With `previous` (the analysis as loaded before the
   * run that made the new one), only the rows that differ from it are written.
   */
  saveAnalysis(analysis: AnalysisRecord, previous?: AnalysisRecord): Promise<void>;
  loadAnalysis(): Promise<AnalysisRecord>;
  /** Stories, links and origin groups of the stored analysis, without claims, entities and propositions. */
  loadStoryState(): Promise<StoryState>;
  /**
   * {@link loadStoryState} without the links and without the timelines kept apart from the records: what a corpus update
   * reads (every link parsed was most of its load, then the timelines).
   */
  loadStoryList(): Promise<Omit<StoryState, 'links'>>;
  /** Replaces the claims, propositions and entities listed (one story's, after a streamed run worked on it), all or nothing. */
  saveStoryRows(rows: StoryRows): Promise<void>;
  /**
   * Writes the story list, links and origin groups of a streamed run, and the pending updates of the stories it
   * touched; stories gone lose their propositions, entities and pending update.
   */
  saveStoryList(changes: StoryListChanges): Promise<void>;
  /** Writes one region's links and pending story updates ahead of the story list (saveStoryList), all or nothing. */
  saveStoryRegion(region: StoryRegionChanges): Promise<void>;
  /** The stories whose update is pending (asked for by a corpus update, not yet written), in story order. */
  listStoryUpdates(): Promise<StoryUpdateHead[]>;
  /** A story's pending update and its stored record; undefined when none is pending (done, or the story is gone). */
  loadStoryUpdate(story: string): Promise<{ record: StoredStory; update: StoryUpdateRecord } | undefined>;
  /**
   * Writes one story's results and clears its pending update, all or nothing, if the pending update is still the
   * one of `write.run`; false (nothing written) when a newer corpus update replaced it or it is already done.
   */
  saveStory(write: StoryWrite): Promise<boolean>;
  /** A value of the analysis state saved by `saveStoryList`. */
  getAnalysisState(key: string): Promise<string | undefined>;
  /**
   * What reuse/links stored after earlier runs (empty for a store analysed before it kept any); with
   * `{ support: false }` without the story-wide support results, which {@link loadReuseSupport} reads by key; with
   * `{ links: false }` without the links, which {@link loadReusePairs} reads by article.
   */
  loadReuseState(options?: { support?: boolean; links?: boolean }): Promise<ReuseState>;
  /** The stored links as compared (reuse/links) with either end among these articles, ordered by `from`, then `to`. */
  loadReusePairs(ids: readonly string[]): Promise<ReuseLink[]>;
  /** The stored story-wide support results of reuse/links under these keys (those stored). */
  loadReuseSupport(keys: readonly string[]): Promise<Map<string, StoredSupport>>;
  /** The stored support terms of these articles (those stored, under the features digest they were made with). */
  loadReuseTerms(ids: readonly string[]): Promise<Map<string, StoredTerms>>;
  /** Writes articles' support terms (a streamed run writes them batch by batch, not held to the end). */
  saveReuseTerms(terms: ReadonlyMap<string, StoredTerms>): Promise<void>;
  /**
   * The ends of every stored link as compared, a page at a time in key order (a first analysis finds which stories
   * links tie together without reading the links).
   */
  pageReuseEnds(options?: { pageRows?: number }): AsyncGenerator<Array<[string, string]>>;
  /** Writes links as compared as they are found (a streamed run does not hold them); {@link saveReuseChanges} drops those gone. */
  saveReusePairs(links: readonly ReuseLink[]): Promise<void>;
  /**
   * Writes what one run of reuse/links changed, all or nothing. The stored links of the articles compared again are
   * replaced by `changes.links`; with `written`, those it says were written as found are kept instead.
   */
  saveReuseChanges(changes: ReuseChanges, written?: (from: string, to: string) => boolean): Promise<void>;
  /** Article listings, the stories and proposition counts per story, without reading texts or claims. */
  loadOverview(): Promise<StoryOverview>;
  /** The analysis of one story (or, without a story, the claims and links of these articles), read by key. */
  loadStoryAnalysis(story: string | undefined, members: readonly string[]): Promise<StoryAnalysis>;
  /** Every resolved entity. */
  loadEntities(): Promise<ExportEntity[]>;
  /** The stored articles in insertion order, a page at a time (an export of a large store holds one page). */
  pageArticles(options?: PageOptions): AsyncGenerator<Article[]>;
  /** The stored claims and propositions a page at a time, in the order `loadAnalysis` lists them. */
  pageClaims(options?: PageOptions): AsyncGenerator<ExportClaim[]>;
  pagePropositions(options?: PageOptions): AsyncGenerator<ExportProposition[]>;
  recordFailures(failures: readonly StoredFailure[]): Promise<void>;
  listFailures(): Promise<StoredFailure[]>;
  /** Highest applied migration version. */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}

/** Empty analysis, as stored before the first run. */
export function emptyAnalysis(): AnalysisRecord {
  return { stories: [], links: [], origins: [], entities: [], claims: [], propositions: [] };
}
