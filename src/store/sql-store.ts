/** The Store implementation shared by every SQL backend; only the driver differs. */
import { hashId, normaliseForHash, type Article } from '../core/article.js';
import { hasFatal } from '../core/message.js';
import type { SqlDriver } from './driver.js';
import { checkVersion, currentVersion, migrate } from './migrate.js';
import { decodeFeatures, emptyReuseState, encodeFeatures, type ReuseChanges, type ReuseState, type StoredSupport, type StoredTerms } from '../reuse/state.js';
import type { ReuseLink } from '../reuse/types.js';
import {
  emptyAnalysis,
  type AddResult,
  type AnalysisRecord,
  type ArticleState,
  type PageOptions,
  type ReadOptions,
  type Store,
  type StoredFailure,
  type StoredStory,
  type StoryListChanges,
  type StoryRegionChanges,
  type StoryRows,
  type StoryState,
  type StoryUpdateHead,
  type StoryUpdateRecord,
  type StoryWrite,
  type StoryAnalysis,
  type StoryOverview,
} from './store.js';
import { ANALYSIS_TABLES, PER_STORY_TABLES, STORY_LIST_TABLES, storedRows, syncTable, writeStoryRows } from './analysis-tables.js';
import { readEntities, readOverview, readStoryAnalysis, readStories, type ReadSchema } from './story-reads.js';
import type { ExportClaim, ExportEntity, ExportProposition } from '../report/export-schema.js';
import { PAGE_ROWS, pageClaims, pagePropositions, rowsByIds } from './export-reads.js';

interface ArticleRow {
  id: string;
  text: string;
  html: string | null;
  source_json: string;
  meta_json: string;
  layers_json: string;
  data_json: string;
  messages_json: string;
  stages_json: string | null;
}

const ARTICLE_COLUMNS = 'id, text, html, source_json, meta_json, layers_json, data_json, messages_json';
/** Schema version that added `articles.stages_json`; a store opened read-only may be older and lack it. */
const STAGES_COLUMN_VERSION = 3;
/** Schema version that added `stories.seq`. */
const STORY_ORDER_VERSION = 4;
/** Schema version that added propositions and entities per story, and the analysis state. */
const PER_STORY_VERSION = 8;
/** Schema version that added the pending story updates. */
const STORY_UPDATES_VERSION = 9;
/** Schema version that added the support terms of each article. */
const REUSE_TERMS_VERSION = 11;
/** Schema version from which a streamed run keeps story timelines in their own rows. */
const TIMELINES_VERSION = 12;
/** Schema version from which an article's row says whether it carries a fatal message. */
const FATAL_COLUMN_VERSION = 13;

/** Hash of an article's normalised text, the key for "same text" duplicates. */
export function textHash(text: string): string {
  return hashId(normaliseForHash(text), 32);
}

export class SqlStore implements Store {
  private readonly articleColumns: string;
  /** Digest of each article's annotations as last read or written, so unchanged ones are not written again. */
  private readonly annotationDigests = new Map<string, string>();
  private readonly storyOrder: string;

  private constructor(
    private readonly driver: SqlDriver,
    private readonly schema: number,
  ) {
    this.articleColumns = `${ARTICLE_COLUMNS}, ${schema >= STAGES_COLUMN_VERSION ? 'stages_json' : 'NULL AS stages_json'}`;
    this.storyOrder = schema >= STORY_ORDER_VERSION ? 'COALESCE(seq, 0), id' : 'id';
  }

  /** Wraps a driver and brings its schema up to date (a read-only driver is only checked); a failed check closes it. */
  static async open(driver: SqlDriver): Promise<SqlStore> {
    let schema: number;
    try {
      schema = await (driver.readOnly ? checkVersion(driver) : migrate(driver));
    } catch (error) {
      await driver.close();
      throw error;
    }
    return new SqlStore(driver, schema);
  }

  get kind() {
    return this.driver.kind;
  }

  get location() {
    return this.driver.location;
  }

  async addArticle(article: Article): Promise<AddResult> {
    const url = article.source.url ?? article.meta.canonicalUrl ?? null;
    const hash = textHash(article.text);
    return this.driver.transaction(async (tx) => {
      const same = await tx.all<{ id: string; url: string | null; site: string | null; text_hash: string }>(
        'SELECT id, url, site, text_hash FROM articles WHERE id = ? OR text_hash = ? OR (url IS NOT NULL AND url = ?)',
        [article.id, hash, url],
      );
      // The same text from another outlet is a repost, kept so that reuse analysis can link it; from the same or an unknown outlet it is a re-ingest.
      const hit = same.find((row) => row.id === article.id || (url && row.url === url) || !differentOutlets(row, { url, site: article.meta.site ?? null }));
      if (hit) {
        const reason = hit.id === article.id ? 'same-id' : url && hit.url === url ? 'same-url' : 'same-text';
        return { status: 'duplicate', id: article.id, duplicateOf: hit.id, reason } as const;
      }
      const now = new Date().toISOString();
      const seq = await tx.all<{ n: number | null }>('SELECT MAX(seq) AS n FROM articles');
      await tx.run(
        `INSERT INTO articles (id, url, text_hash, title, published_at, lang, site, text, html, source_json, meta_json,
          layers_json, data_json, messages_json, fatal, seq, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          article.id,
          url,
          hash,
          article.meta.title ?? null,
          article.meta.publishedAt ?? null,
          article.meta.lang ?? null,
          article.meta.site ?? null,
          article.text,
          article.html ?? null,
          JSON.stringify(article.source),
          JSON.stringify(article.meta),
          JSON.stringify(article.layers),
          JSON.stringify(article.data),
          JSON.stringify(article.messages),
          hasFatal(article) ? 1 : 0,
          Number(seq[0]?.n ?? 0) + 1,
          now,
          now,
        ],
      );
      return { status: 'added', id: article.id } as const;
    });
  }

  async updateAnnotations(articles: readonly Article[]): Promise<void> {
    const written = await this.driver.transaction((tx) => this.writeAnnotations(tx, articles));
    for (const [id, digest] of written) this.annotationDigests.set(id, digest);
  }

  /** Writes the annotations that differ from those last read or written; returns their digests, to remember once committed. */
  private async writeAnnotations(tx: SqlDriver, articles: readonly Article[]): Promise<Map<string, string>> {
    const now = new Date().toISOString();
    const written = new Map<string, string>();
    for (const article of articles) {
      const values = [
        JSON.stringify(article.layers),
        JSON.stringify(article.data),
        JSON.stringify(article.messages),
        article.analysed ? JSON.stringify(article.analysed) : null,
      ];
      const digest = annotationDigest(values);
      if (this.annotationDigests.get(article.id) === digest) continue;
      await tx.run('UPDATE articles SET layers_json = ?, data_json = ?, messages_json = ?, stages_json = ?, fatal = ?, updated_at = ? WHERE id = ?', [
        ...values,
        hasFatal(article) ? 1 : 0,
        now,
        article.id,
      ]);
      written.set(article.id, digest);
    }
    return written;
  }

  /** Reads an article row, remembering its annotations' digest. */
  private toArticle(row: ArticleRow): Article {
    this.annotationDigests.set(row.id, annotationDigest([row.layers_json, row.data_json, row.messages_json, row.stages_json]));
    return rowToArticle(row);
  }

  async getArticle(id: string): Promise<Article | undefined> {
    const rows = await this.driver.all<ArticleRow>(`SELECT ${this.articleColumns} FROM articles WHERE id = ?`, [id]);
    return rows[0] ? this.toArticle(rows[0]) : undefined;
  }

  async listArticles(options: ReadOptions = {}): Promise<Article[]> {
    const rows = await this.driver.all<ArticleRow>(`SELECT ${this.columns(options)} FROM articles ORDER BY seq`);
    return rows.map((row) => this.readRow(row, options));
  }

  async getArticles(ids: readonly string[], options: ReadOptions = {}): Promise<Article[]> {
    const byId = new Map<string, Article>();
    for await (const rows of rowsByIds<ArticleRow>(this.driver, ids, (marks) => `SELECT ${this.columns(options)} FROM articles WHERE id IN (${marks})`)) {
      for (const row of rows) byId.set(row.id, this.readRow(row, options));
    }
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async listArticleStates(): Promise<ArticleState[]> {
    const stages = this.schema >= STAGES_COLUMN_VERSION ? 'stages_json' : 'NULL AS stages_json';
    // Messages are JSON written by JSON.stringify, so a fatal one holds exactly this text (a store before the column).
    const fatal = this.schema >= FATAL_COLUMN_VERSION ? 'fatal' : `CASE WHEN messages_json LIKE '%"severity":"fatal"%' THEN 1 ELSE 0 END AS fatal`;
    const rows = await this.driver.all<{ id: string; stages_json: string | null; fatal: number | boolean }>(`SELECT id, ${stages}, ${fatal} FROM articles ORDER BY seq`);
    return rows.map((r) => ({ id: r.id, fatal: Number(r.fatal) === 1, ...(r.stages_json ? { analysed: JSON.parse(r.stages_json) } : {}) }));
  }

  private columns(options: ReadOptions): string {
    return options.layers === false ? this.articleColumns.replace('layers_json', "'{}' AS layers_json") : this.articleColumns;
  }

  /** A row read without its layers must not be taken for the stored annotations (their digest would be wrong). */
  private readRow(row: ArticleRow, options: ReadOptions): Article {
    return options.layers === false ? rowToArticle(row) : this.toArticle(row);
  }

  async countArticles(): Promise<number> {
    const rows = await this.driver.all<{ n: number }>('SELECT COUNT(*) AS n FROM articles');
    return Number(rows[0]?.n ?? 0);
  }

  async saveAnalysis(analysis: AnalysisRecord, previous?: AnalysisRecord): Promise<void> {
    await this.driver.transaction(async (tx) => {
      if (!previous) {
        for (const table of ANALYSIS_TABLES) await tx.run(`DELETE FROM ${table.name}`);
      }
      // A whole analysis replaces what a streamed run wrote story by story.
      if (this.schema >= PER_STORY_VERSION) for (const table of PER_STORY_TABLES) await tx.run(`DELETE FROM ${table}`);
      if (this.schema >= STORY_UPDATES_VERSION) await tx.run('DELETE FROM story_updates');
      // A whole analysis keeps each story's timeline in its record.
      if (this.schema >= TIMELINES_VERSION) await tx.run('DELETE FROM story_timelines');
      // Stories written before migration 4 have no seq: compare with the seq each row really holds.
      const seqs = previous ? new Map((await tx.all<{ id: string; seq: number | null }>('SELECT id, seq FROM stories')).map((r) => [r.id, r.seq])) : undefined;
      for (const table of ANALYSIS_TABLES) {
        let old = previous ? table.rows(previous) : [];
        if (seqs && table.name === 'stories') old = old.map((row) => [...row.slice(0, 3), seqs.get(row[0] as string) ?? null]);
        await syncTable(tx, table, table.rows(analysis), old);
      }
    });
  }

  async loadAnalysis(): Promise<AnalysisRecord> {
    const analysis = emptyAnalysis();
    const body = async (sql: string) => (await this.driver.all<{ body_json: string }>(sql)).map((r) => JSON.parse(r.body_json));
    analysis.stories = await readStories(this.driver, this.readSchema);
    analysis.links = await body('SELECT body_json FROM links ORDER BY from_id, to_id');
    // Claims in the order of their articles, as an analysis lists them.
    analysis.claims = await body('SELECT c.body_json FROM claims c LEFT JOIN articles a ON a.id = c.article_id ORDER BY COALESCE(a.seq, 0), c.article_id, c.start_offset, c.id');
    analysis.propositions = await body('SELECT body_json FROM propositions ORDER BY idx');
    if (this.schema >= PER_STORY_VERSION) {
      // Propositions of a streamed run follow their stories' order.
      analysis.propositions.push(
        ...(await body('SELECT p.body_json FROM story_propositions p LEFT JOIN stories s ON s.id = p.story_id ORDER BY COALESCE(s.seq, 0), p.story_id, p.idx')),
      );
    }
    analysis.entities = await readEntities(this.driver, this.readSchema);
    analysis.origins = await this.originGroups();
    return analysis;
  }

  private get readSchema(): ReadSchema {
    return { perStory: this.schema >= PER_STORY_VERSION, storyOrder: this.storyOrder, timelines: this.schema >= TIMELINES_VERSION };
  }

  loadOverview(): Promise<StoryOverview> {
    return readOverview(this.driver, this.readSchema);
  }

  loadStoryAnalysis(story: string | undefined, members: readonly string[]): Promise<StoryAnalysis> {
    return readStoryAnalysis(this.driver, this.readSchema, story, members);
  }

  loadEntities(): Promise<ExportEntity[]> {
    return readEntities(this.driver, this.readSchema);
  }

  async *pageArticles(options: PageOptions = {}): AsyncGenerator<Article[]> {
    let after = 0;
    for (;;) {
      const rows = await this.driver.all<ArticleRow & { seq: number }>(
        `SELECT ${this.columns(options)}, seq FROM articles WHERE seq > ? ORDER BY seq LIMIT ${Math.trunc(options.pageRows ?? PAGE_ROWS)}`,
        [after],
      );
      if (!rows.length) return;
      after = Number(rows.at(-1)!.seq);
      yield rows.map((row) => this.readRow(row, options));
    }
  }

  pageClaims(options: PageOptions = {}): AsyncGenerator<ExportClaim[]> {
    return pageClaims(this.driver, options.pageRows);
  }

  pagePropositions(options: PageOptions = {}): AsyncGenerator<ExportProposition[]> {
    return pagePropositions(this.driver, this.schema >= PER_STORY_VERSION, options.pageRows);
  }

  async loadStoryState(): Promise<StoryState> {
    const links = await this.driver.all<{ body_json: string }>('SELECT body_json FROM links ORDER BY from_id, to_id');
    return { stories: await readStories(this.driver, this.readSchema), links: links.map((r) => JSON.parse(r.body_json)), origins: await this.originGroups() };
  }

  async loadStoryList(): Promise<Omit<StoryState, 'links'>> {
    // The records as stored: a corpus update does not read the timelines kept apart.
    return { stories: await readStories(this.driver, { ...this.readSchema, timelines: false }), origins: await this.originGroups() };
  }

  private async originGroups(): Promise<string[][]> {
    const groups = await this.driver.all<{ article_ids_json: string }>('SELECT article_ids_json FROM origin_groups ORDER BY idx');
    return groups.map((g) => JSON.parse(g.article_ids_json));
  }

  async saveStoryRows(rows: StoryRows): Promise<void> {
    await this.driver.transaction((tx) => writeStoryRows(tx, rows));
  }

  async listStoryUpdates(): Promise<StoryUpdateHead[]> {
    if (this.schema < STORY_UPDATES_VERSION) return [];
    const rows = await this.driver.all<{ story_id: string; run: string; forced: number; reanalysed_json: string }>(
      `SELECT u.story_id, u.run, u.forced, u.reanalysed_json FROM story_updates u LEFT JOIN stories s ON s.id = u.story_id ORDER BY COALESCE(s.seq, 0), u.story_id`,
    );
    return rows.map((r) => ({ story: r.story_id, run: r.run, force: Number(r.forced) === 1, reanalysed: JSON.parse(r.reanalysed_json) }));
  }

  async loadStoryUpdate(story: string): Promise<{ record: StoredStory; update: StoryUpdateRecord } | undefined> {
    if (this.schema < STORY_UPDATES_VERSION) return undefined;
    const rows = await this.driver.all<{ run: string; forced: number; reanalysed_json: string; body_json: string; story_json: string | null }>(
      'SELECT u.run, u.forced, u.reanalysed_json, u.body_json, s.body_json AS story_json FROM story_updates u LEFT JOIN stories s ON s.id = u.story_id WHERE u.story_id = ?',
      [story],
    );
    const row = rows[0];
    if (!row?.story_json) return undefined;
    const body = JSON.parse(row.body_json) as Pick<StoryUpdateRecord, 'members' | 'outputs' | 'links'>;
    return {
      record: JSON.parse(row.story_json),
      update: { story, run: row.run, force: Number(row.forced) === 1, reanalysed: JSON.parse(row.reanalysed_json), ...body },
    };
  }

  async saveStory(write: StoryWrite): Promise<boolean> {
    const { record } = write;
    const written = await this.driver.transaction(async (tx) => {
      const pending = await tx.all<{ run: string }>('SELECT run FROM story_updates WHERE story_id = ?', [record.id]);
      if (pending[0]?.run !== write.run) return undefined;
      const digests = await this.writeAnnotations(tx, write.articles);
      await writeStoryRows(tx, write.rows);
      await tx.run('UPDATE stories SET label = ?, body_json = ? WHERE id = ?', [record.label ?? null, JSON.stringify(record), record.id]);
      await tx.run('DELETE FROM story_updates WHERE story_id = ?', [record.id]);
      return digests;
    });
    for (const [id, digest] of written ?? []) this.annotationDigests.set(id, digest);
    return written !== undefined;
  }

  async saveStoryList(changes: StoryListChanges): Promise<void> {
    const current = { ...emptyAnalysis(), stories: changes.stories, origins: changes.origins };
    const previous = { ...emptyAnalysis(), ...changes.previous };
    const kept = new Set(changes.stories.map((s) => s.id));
    await this.driver.transaction(async (tx) => {
      const seqs = new Map((await tx.all<{ id: string; seq: number | null }>('SELECT id, seq FROM stories')).map((r) => [r.id, r.seq]));
      for (const table of ANALYSIS_TABLES) {
        if (!STORY_LIST_TABLES.includes(table.name) || table.name === 'links') continue;
        let old = table.rows(previous);
        if (table.name === 'stories') old = old.map((row) => [...row.slice(0, 3), seqs.get(row[0] as string) ?? null]);
        await syncTable(tx, table, table.rows(current), old);
      }
      await writeRegion(tx, changes);
      // What a whole-analysis save wrote is replaced by the per-story rows.
      await tx.run('DELETE FROM propositions');
      await tx.run('DELETE FROM entities');
      for (const story of changes.previous.stories) {
        if (kept.has(story.id)) continue;
        await tx.run('DELETE FROM story_propositions WHERE story_id = ?', [story.id]);
        await tx.run('DELETE FROM story_entities WHERE story_id = ?', [story.id]);
        if (this.schema >= TIMELINES_VERSION) await tx.run('DELETE FROM story_timelines WHERE story_id = ?', [story.id]);
        await tx.run('DELETE FROM story_updates WHERE story_id = ?', [story.id]);
      }
      for (const [key, value] of Object.entries(changes.state)) {
        await tx.run('INSERT INTO analysis_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
      }
    });
  }

  async saveStoryRegion(region: StoryRegionChanges): Promise<void> {
    await this.driver.transaction((tx) => writeRegion(tx, region));
  }

  async getAnalysisState(key: string): Promise<string | undefined> {
    if (this.schema < PER_STORY_VERSION) return undefined;
    const rows = await this.driver.all<{ value: string }>('SELECT value FROM analysis_state WHERE key = ?', [key]);
    return rows[0]?.value;
  }

  async loadReuseState(options: { support?: boolean; links?: boolean } = {}): Promise<ReuseState> {
    const state = emptyReuseState();
    for (const row of await this.driver.all<{ article_id: string; digest: string; body_json: string }>('SELECT article_id, digest, body_json FROM reuse_profiles')) {
      state.features.set(row.article_id, decodeFeatures(row.digest, row.body_json));
    }
    if (options.links !== false) {
      state.links = (await this.driver.all<{ body_json: string }>('SELECT body_json FROM reuse_pairs ORDER BY from_id, to_id')).map((r) => JSON.parse(r.body_json));
    }
    if (options.support === false) return state;
    for (const row of await this.driver.all<{ key: string; digest: string; body_json: string }>('SELECT key, digest, body_json FROM reuse_support')) {
      state.support.set(row.key, { digest: row.digest, body: JSON.parse(row.body_json) });
    }
    return state;
  }

  async loadReusePairs(ids: readonly string[]): Promise<ReuseLink[]> {
    const out = new Map<string, ReuseLink>();
    for await (const rows of rowsByIds<{ from_id: string; to_id: string; body_json: string }>(
      this.driver,
      [...new Set(ids)],
      (marks) => `SELECT from_id, to_id, body_json FROM reuse_pairs WHERE from_id IN (${marks}) UNION SELECT from_id, to_id, body_json FROM reuse_pairs WHERE to_id IN (${marks})`,
      2,
    )) {
      for (const row of rows) {
        const key = `${row.from_id}\u0000${row.to_id}`;
        if (!out.has(key)) out.set(key, JSON.parse(row.body_json));
      }
    }
    return [...out.values()].sort((x, y) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
  }

  async loadReuseSupport(keys: readonly string[]): Promise<Map<string, StoredSupport>> {
    const out = new Map<string, StoredSupport>();
    for await (const rows of rowsByIds<{ key: string; digest: string; body_json: string }>(
      this.driver,
      [...new Set(keys)],
      (marks) => `SELECT key, digest, body_json FROM reuse_support WHERE key IN (${marks})`,
    )) {
      for (const row of rows) out.set(row.key, { digest: row.digest, body: JSON.parse(row.body_json) });
    }
    return out;
  }

  async loadReuseTerms(ids: readonly string[]): Promise<Map<string, StoredTerms>> {
    if (this.schema < REUSE_TERMS_VERSION) return new Map();
    const out = new Map<string, StoredTerms>();
    for await (const rows of rowsByIds<{ article_id: string; digest: string; terms_json: string }>(
      this.driver,
      ids,
      (marks) => `SELECT article_id, digest, terms_json FROM reuse_terms WHERE article_id IN (${marks})`,
    )) {
      for (const row of rows) out.set(row.article_id, { digest: row.digest, json: row.terms_json });
    }
    return out;
  }

  async saveReuseTerms(terms: ReadonlyMap<string, StoredTerms>): Promise<void> {
    if (!terms.size || this.schema < REUSE_TERMS_VERSION) return;
    await this.driver.transaction((tx) => writeTerms(tx, terms));
  }

  async *pageReuseEnds(options: { pageRows?: number } = {}): AsyncGenerator<Array<[string, string]>> {
    const limit = Math.max(1, Math.trunc(options.pageRows ?? ENDS_PER_PAGE));
    // Keyset pages: a store of 100,000 articles holds about 900,000 links as compared.
    let after: [string, string] | undefined;
    for (;;) {
      const rows = await this.driver.all<{ from_id: string; to_id: string }>(
        after
          ? 'SELECT from_id, to_id FROM reuse_pairs WHERE from_id > ? OR (from_id = ? AND to_id > ?) ORDER BY from_id, to_id LIMIT ?'
          : 'SELECT from_id, to_id FROM reuse_pairs ORDER BY from_id, to_id LIMIT ?',
        after ? [after[0], after[0], after[1], limit] : [limit],
      );
      if (!rows.length) return;
      const page = rows.map((r): [string, string] => [r.from_id, r.to_id]);
      yield page;
      if (rows.length < limit) return;
      after = page[page.length - 1];
    }
  }

  async saveReusePairs(links: readonly ReuseLink[]): Promise<void> {
    if (!links.length) return;
    await this.driver.transaction((tx) => writePairs(tx, links));
  }

  async saveReuseChanges(changes: ReuseChanges, written?: (from: string, to: string) => boolean): Promise<void> {
    await this.driver.transaction(async (tx) => {
      if (this.schema >= REUSE_TERMS_VERSION) await writeTerms(tx, changes.terms);
      for (const [id, features] of changes.features) {
        const { digest, json } = encodeFeatures(features);
        await tx.run(
          'INSERT INTO reuse_profiles (article_id, digest, body_json) VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET digest = excluded.digest, body_json = excluded.body_json',
          [id, digest, json],
        );
      }
      for (const id of changes.compared) {
        if (!written) {
          await tx.run('DELETE FROM reuse_pairs WHERE from_id = ?', [id]);
          await tx.run('DELETE FROM reuse_pairs WHERE to_id = ?', [id]);
          continue;
        }
        const rows = await tx.all<{ from_id: string; to_id: string }>('SELECT from_id, to_id FROM reuse_pairs WHERE from_id = ? UNION SELECT from_id, to_id FROM reuse_pairs WHERE to_id = ?', [id, id]);
        for (const r of rows) if (!written(r.from_id, r.to_id)) await tx.run('DELETE FROM reuse_pairs WHERE from_id = ? AND to_id = ?', [r.from_id, r.to_id]);
      }
      await writePairs(tx, changes.links);
      for (const [key, { digest, body }] of changes.support) {
        await tx.run(
          'INSERT INTO reuse_support (key, digest, body_json) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET digest = excluded.digest, body_json = excluded.body_json',
          [key, digest, JSON.stringify(body)],
        );
      }
    });
  }

  async recordFailures(failures: readonly StoredFailure[]): Promise<void> {
    if (!failures.length) return;
    await this.driver.transaction(async (tx) => {
      const rows = await tx.all<{ n: number | null }>('SELECT MAX(seq) AS n FROM input_failures');
      let seq = Number(rows[0]?.n ?? 0);
      for (const f of failures) {
        await tx.run('INSERT INTO input_failures (seq, input, rule_id, reason, at) VALUES (?, ?, ?, ?, ?)', [++seq, f.input, f.ruleId, f.reason, f.at]);
      }
    });
  }

  async listFailures(): Promise<StoredFailure[]> {
    const rows = await this.driver.all<{ input: string; rule_id: string; reason: string; at: string }>(
      'SELECT input, rule_id, reason, at FROM input_failures ORDER BY seq',
    );
    return rows.map((r) => ({ input: r.input, ruleId: r.rule_id, reason: r.reason, at: r.at }));
  }

  schemaVersion(): Promise<number> {
    return currentVersion(this.driver);
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

/** True when two articles are known to come from different outlets (URL hosts or site names differ). */
function differentOutlets(a: { url: string | null; site: string | null }, b: { url: string | null; site: string | null }): boolean {
  const host = (url: string | null) => (url ? (/^\w+:\/\/(?:www\.)?([^/:?#]+)/.exec(url)?.[1]?.toLowerCase() ?? null) : null);
  const [hostA, hostB] = [host(a.url), host(b.url)];
  if (hostA && hostB && hostA !== hostB) return true;
  return Boolean(a.site && b.site && a.site.toLowerCase() !== b.site.toLowerCase());
}

function annotationDigest(values: readonly (string | null)[]): string {
  return hashId(values.map((v) => v ?? '\u0001').join('\u0000'), 24);
}

function rowToArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    text: row.text,
    html: row.html ?? undefined,
    source: JSON.parse(row.source_json),
    meta: JSON.parse(row.meta_json),
    layers: JSON.parse(row.layers_json),
    data: JSON.parse(row.data_json),
    messages: JSON.parse(row.messages_json),
    ...(row.stages_json ? { analysed: JSON.parse(row.stages_json) } : {}),
  };
}

/** Writes articles' support terms, replacing what each had. */
/** Link ends read at a time: two short ids a row. */
const ENDS_PER_PAGE = 10_000;

/** Links as compared, replacing those stored between the same articles. */
async function writePairs(tx: SqlDriver, links: readonly ReuseLink[]): Promise<void> {
  for (const link of links) {
    await tx.run(
      'INSERT INTO reuse_pairs (from_id, to_id, body_json) VALUES (?, ?, ?) ON CONFLICT (from_id, to_id) DO UPDATE SET body_json = excluded.body_json',
      [link.from, link.to, JSON.stringify(link)],
    );
  }
}

async function writeTerms(tx: SqlDriver, terms: ReadonlyMap<string, StoredTerms>): Promise<void> {
  for (const [id, { digest, json }] of terms) {
    await tx.run(
      'INSERT INTO reuse_terms (article_id, digest, terms_json) VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET digest = excluded.digest, terms_json = excluded.terms_json',
      [id, digest, json],
    );
  }
}

/** The links of a streamed run's region (those with an end in its scope, or all) and the pending updates of its stories. */
async function writeRegion(tx: SqlDriver, region: StoryRegionChanges): Promise<void> {
  const table = ANALYSIS_TABLES.find((t) => t.name === 'links')!;
  const scope = region.linkScope && new Set(region.linkScope);
  const links = scope ? region.links.filter((l) => scope.has(l.from) || scope.has(l.to)) : region.links;
  // Links are compared with the stored rows themselves: the caller need not parse every one to say what it had.
  const old = await storedRows(tx, table, region.linkScope && { columns: ['from_id', 'to_id'], ids: region.linkScope });
  await syncTable(tx, table, table.rows({ ...emptyAnalysis(), links }), old);
  for (const u of region.updates ?? []) {
    await tx.run(
      `INSERT INTO story_updates (story_id, run, forced, reanalysed_json, body_json) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (story_id) DO UPDATE SET run = excluded.run, forced = excluded.forced, reanalysed_json = excluded.reanalysed_json, body_json = excluded.body_json`,
      [u.story, u.run, u.force ? 1 : 0, JSON.stringify(u.reanalysed), JSON.stringify({ members: u.members, outputs: u.outputs, links: u.links })],
    );
  }
}
