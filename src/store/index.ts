import { join } from 'node:path';
import { StoreOpenError } from '../core/errors.js';
import type { SqlDriver } from './driver.js';
import { SqlStore } from './sql-store.js';
import { isPostgresUrl } from './postgres/url.js';
import { openSqliteDriver, type SqliteOpenOptions } from './sqlite/driver.js';
import type { Store } from './store.js';

export type { Store, AddResult, AnalysisRecord, StoredFailure, StoredStory } from './store.js';

/** Where the database lives when neither `--db` nor `TRIANGULATE_DB` says otherwise. */
export const DEFAULT_DB_PATH = join('.triangulate', 'triangulate.db');

/** Resolves the database location: explicit option, then `TRIANGULATE_DB`, then the default; an empty one is refused. */
export function resolveDbLocation(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit !== undefined && !explicit.trim()) throw new StoreOpenError(explicit, 'store:empty-path', '--db is empty; give a database file');
  if (explicit === undefined && env.TRIANGULATE_DB !== undefined && !env.TRIANGULATE_DB.trim()) {
    throw new StoreOpenError(env.TRIANGULATE_DB, 'store:empty-path', 'TRIANGULATE_DB is set but empty; give a database file or unset it');
  }
  return explicit ?? env.TRIANGULATE_DB ?? DEFAULT_DB_PATH;
}

/**
 * Opens the store named by `location`: a SQLite file path (the default), `:memory:`, or a
 * `postgres://…[?schema=NAME]` URL. With `readOnly`, a
 * missing database is an error instead of being created, and nothing is written.
 * @example const store = await openStore(resolveDbLocation(options.db));
 */
export async function openStore(location: string, options: SqliteOpenOptions = {}): Promise<Store> {
  return SqlStore.open(await openSqlDriver(location, options));
}

/**
 * Opens the bare SQL driver for `location`, for the tables beside the Store interface (feeds, workers); open the
 * Store first, which migrates the schema.
 */
export async function openSqlDriver(location: string, options: SqliteOpenOptions = {}): Promise<SqlDriver> {
  if (isPostgresUrl(location)) {
    // The pg driver loads only when a PostgreSQL URL is used: SQLite users never pay for it.
    const { openPostgresDriver } = await import('./postgres/driver.js');
    return openPostgresDriver(location, options);
  }
  return openSqliteDriver(location, options);
}
