/**
 * The stored analysis as tables: how a whole analysis, the story list and one story's rows become rows, written as the
 * rows that differ from what is stored. Shared by every SQL backend through SqlStore.
 */
import { rowsByIds } from './export-reads.js';
import type { SqlDriver } from './driver.js';
import type { AnalysisRecord, StoryRows } from './store.js';
import type { ExportEntity } from '../report/export-schema.js';

/** Replaces the claims of each listed article and the propositions, entities and timeline of each listed story. */
export async function writeStoryRows(tx: SqlDriver, rows: StoryRows): Promise<void> {
  for (const [article, claims] of rows.claims) {
    await tx.run('DELETE FROM claims WHERE article_id = ?', [article]);
    for (const c of claims) {
      await tx.run('INSERT INTO claims (id, article_id, start_offset, end_offset, kind, body_json) VALUES (?, ?, ?, ?, ?, ?)', [
        c.id,
        c.article,
        c.start,
        c.end,
        c.kind,
        JSON.stringify(c),
      ]);
    }
  }
  for (const [story, propositions] of rows.propositions) {
    await tx.run('DELETE FROM story_propositions WHERE story_id = ?', [story]);
    for (const [i, p] of propositions.entries()) {
      await tx.run('INSERT INTO story_propositions (story_id, idx, body_json) VALUES (?, ?, ?)', [story, i, JSON.stringify(p)]);
    }
  }
  for (const [story, entities] of rows.entities) {
    await tx.run('DELETE FROM story_entities WHERE story_id = ?', [story]);
    for (const e of entities) await tx.run('INSERT INTO story_entities (story_id, id, body_json) VALUES (?, ?, ?)', [story, e.id, JSON.stringify(e)]);
  }
  for (const [story, timeline] of rows.timelines ?? []) {
    await tx.run('INSERT INTO story_timelines (story_id, body_json) VALUES (?, ?) ON CONFLICT (story_id) DO UPDATE SET body_json = excluded.body_json', [
      story,
      JSON.stringify(timeline),
    ]);
  }
}

/** Tables a streamed run writes story by story (schema 8). */
export const PER_STORY_TABLES = ['story_propositions', 'story_entities'] as const;
/** Analysis tables a streamed run writes whole (they are small), as the rows that differ. */
export const STORY_LIST_TABLES = ['stories', 'links', 'origin_groups'];

/**
 * Entities resolved in several stories under one id (same type and name) as one, with the aliases and mentions of
 * all, listed as entity resolution lists them (most mentioned first, mentions by article and offset).
 */
export function mergeEntities(rows: readonly ExportEntity[]): ExportEntity[] {
  const byId = new Map<string, ExportEntity>();
  for (const e of rows) {
    const seen = byId.get(e.id);
    if (!seen) {
      byId.set(e.id, { ...e, aliases: [...e.aliases], mentions: [...e.mentions] });
      continue;
    }
    for (const alias of e.aliases) if (alias !== seen.name && !seen.aliases.includes(alias)) seen.aliases.push(alias);
    seen.mentions.push(...e.mentions);
  }
  const out = [...byId.values()];
  for (const e of out) e.mentions.sort((a, b) => a.article.localeCompare(b.article) || a.start - b.start);
  return out.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}

/** One table of the stored analysis: its key columns and how each record becomes a row. */
export interface AnalysisTable {
  name: string;
  keys: string[];
  columns: string[];
  /** Rows as column values, keys first. */
  rows(analysis: AnalysisRecord): unknown[][];
}

export const ANALYSIS_TABLES: readonly AnalysisTable[] = [
  {
    name: 'stories',
    keys: ['id'],
    columns: ['label', 'body_json', 'seq'],
    rows: (a) => a.stories.map((story, i) => [story.id, story.label ?? null, JSON.stringify(story), i + 1]),
  },
  {
    name: 'links',
    keys: ['from_id', 'to_id'],
    columns: ['kind', 'score', 'direction', 'body_json'],
    rows: (a) => a.links.map((l) => [l.from, l.to, l.kind, l.score, l.direction, JSON.stringify(l)]),
  },
  { name: 'origin_groups', keys: ['idx'], columns: ['article_ids_json'], rows: (a) => a.origins.map((g, i) => [i, JSON.stringify(g)]) },
  { name: 'entities', keys: ['id'], columns: ['name', 'type', 'body_json'], rows: (a) => a.entities.map((e) => [e.id, e.name, e.type, JSON.stringify(e)]) },
  {
    name: 'claims',
    keys: ['id'],
    columns: ['article_id', 'start_offset', 'end_offset', 'kind', 'body_json'],
    rows: (a) => a.claims.map((c) => [c.id, c.article, c.start, c.end, c.kind, JSON.stringify(c)]),
  },
  { name: 'propositions', keys: ['idx'], columns: ['body_json'], rows: (a) => a.propositions.map((p, i) => [i, JSON.stringify(p)]) },
];

/**
 * A table's stored rows as {@link AnalysisTable.rows} gives them (keys then columns); with `where`, only the rows
 * whose value in one of `where.columns` is among `where.ids`, read by key a chunk at a time.
 */
export async function storedRows(tx: SqlDriver, table: AnalysisTable, where?: { columns: string[]; ids: readonly string[] }): Promise<unknown[][]> {
  const columns = [...table.keys, ...table.columns];
  const select = `SELECT ${columns.join(', ')} FROM ${table.name}`;
  const toRow = (row: Record<string, unknown>) => columns.map((c) => row[c]);
  if (!where) return (await tx.all<Record<string, unknown>>(select)).map(toRow);
  const out = new Map<string, unknown[]>();
  for (const column of where.columns) {
    for await (const rows of rowsByIds<Record<string, unknown>>(tx, where.ids, (marks) => `${select} WHERE ${column} IN (${marks})`)) {
      for (const row of rows) {
        const values = toRow(row);
        out.set(JSON.stringify(values.slice(0, table.keys.length)), values);
      }
    }
  }
  return [...out.values()];
}

/** Rows of column values (strings, numbers, null) compared value by value: serialising both sides to compare them cost a large store as much again as its rows. */
function sameRow(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if ((a[i] ?? null) !== (b[i] ?? null)) return false;
  return true;
}

/**
 * Brings one analysis table from the `old` rows (what it holds) to `rows`: writes only rows that differ and deletes
 * rows whose key is gone, so a run that changed one story writes about that story's rows.
 */
export async function syncTable(tx: SqlDriver, table: AnalysisTable, rows: unknown[][], old: unknown[][]): Promise<void> {
  const n = table.keys.length;
  const keyOf = (row: unknown[]) => JSON.stringify(row.slice(0, n));
  const before = new Map(old.map((row) => [keyOf(row), row]));
  const columns = [...table.keys, ...table.columns];
  const insert = `INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  const where = table.keys.map((k) => `${k} = ?`).join(' AND ');
  const update = `UPDATE ${table.name} SET ${table.columns.map((c) => `${c} = ?`).join(', ')} WHERE ${where}`;
  for (const row of rows) {
    const key = keyOf(row);
    const stored = before.get(key);
    before.delete(key);
    // A key twice in one analysis reaches INSERT twice and fails: the transaction keeps the stored analysis.
    if (stored === undefined) await tx.run(insert, row);
    else if (!sameRow(stored, row)) await tx.run(update, [...row.slice(n), ...row.slice(0, n)]);
  }
  for (const key of before.keys()) {
    const values = JSON.parse(key) as unknown[];
    await tx.run(`DELETE FROM ${table.name} WHERE ${where}`, values);
  }
}
