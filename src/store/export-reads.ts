/**
 * The whole stored analysis read a page at a time, in the order `loadAnalysis` lists it, so an export of a large store
 * is written as it is read: articles by insertion order, claims by their articles' order, propositions of a whole-store
 * analysis and then story by story.
 */
import type { SqlDriver } from './driver.js';
import type { ExportClaim, ExportProposition } from '../report/export-schema.js';

/** Ids per `IN (…)` query, well under either backend's limit on parameters. */
export const IDS_PER_QUERY = 500;

/**
 * The rows of a query over a list of ids, a chunk of ids at a time (each chunk's rows yielded before the next is
 * asked, so a caller can parse them and let them go): `sql` makes the query from one chunk's placeholders
 * (\`?, ?, …\`), used `lists` times in it (the chunk is passed as often).
 */
export async function* rowsByIds<T>(driver: SqlDriver, ids: readonly unknown[], sql: (marks: string) => string, lists = 1): AsyncGenerator<T[]> {
  for (let at = 0; at < ids.length; at += IDS_PER_QUERY) {
    const chunk = ids.slice(at, at + IDS_PER_QUERY);
    yield driver.all<T>(sql(chunk.map(() => '?').join(', ')), Array.from({ length: lists }, () => chunk).flat());
  }
}

/** Rows (or articles or stories whose rows) one page covers, unless told otherwise. */
export const PAGE_ROWS = 500;

/** Windows of `seq` over a table, each covering up to `rows` of its rows, in order. */
async function* seqWindows(driver: SqlDriver, table: 'articles' | 'stories', rows: number): AsyncGenerator<[number, number]> {
  let after = 0;
  for (;;) {
    const seqs = await driver.all<{ seq: number }>(`SELECT seq FROM ${table} WHERE seq > ? ORDER BY seq LIMIT ${Math.trunc(rows)}`, [after]);
    if (!seqs.length) return;
    const last = Number(seqs.at(-1)!.seq);
    yield [after, last];
    after = last;
  }
}

/** The parsed `body_json` column of every row a query returns. */
export async function bodies<T>(driver: SqlDriver, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await driver.all<{ body_json: string }>(sql, params)).map((r) => JSON.parse(r.body_json) as T);
}

/** Claims as `loadAnalysis` orders them: those of no stored article first, then by their articles' order. */
export async function* pageClaims(driver: SqlDriver, rows = PAGE_ROWS): AsyncGenerator<ExportClaim[]> {
  yield bodies<ExportClaim>(driver, 'SELECT c.body_json FROM claims c LEFT JOIN articles a ON a.id = c.article_id WHERE a.id IS NULL ORDER BY c.article_id, c.start_offset, c.id');
  for await (const [after, last] of seqWindows(driver, 'articles', rows)) {
    yield bodies<ExportClaim>(driver, 'SELECT c.body_json FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.seq > ? AND a.seq <= ? ORDER BY a.seq, c.article_id, c.start_offset, c.id', [after, last]);
  }
}

/** Propositions as `loadAnalysis` orders them: a whole-store analysis's, then per story in the stories' order. */
export async function* pagePropositions(driver: SqlDriver, perStory: boolean, rows = PAGE_ROWS): AsyncGenerator<ExportProposition[]> {
  let after = -1;
  for (;;) {
    const page = await driver.all<{ idx: number; body_json: string }>(`SELECT idx, body_json FROM propositions WHERE idx > ? ORDER BY idx LIMIT ${Math.trunc(rows)}`, [after]);
    if (!page.length) break;
    after = Number(page.at(-1)!.idx);
    yield page.map((r) => JSON.parse(r.body_json));
  }
  if (!perStory) return;
  // Stories without a place in the order (none stored, or no seq) come first, as COALESCE(seq, 0) puts them.
  yield bodies<ExportProposition>(driver, 'SELECT p.body_json FROM story_propositions p LEFT JOIN stories s ON s.id = p.story_id WHERE s.seq IS NULL ORDER BY p.story_id, p.idx');
  for await (const [from, last] of seqWindows(driver, 'stories', rows)) {
    yield bodies<ExportProposition>(driver, 'SELECT p.body_json FROM story_propositions p JOIN stories s ON s.id = p.story_id WHERE s.seq > ? AND s.seq <= ? ORDER BY s.seq, p.story_id, p.idx', [from, last]);
  }
}
