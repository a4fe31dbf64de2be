import { join } from 'node:path';
import { SqlStore } from './sql-store.js';
import { openSqliteDriver } from './sqlite/driver.js';
import type { Store } from './store.js';

export type { Store, AddResult, AnalysisRecord, StoredFailure, StoredStory } from './store.js';

/** Where the database lives when neither `--db` nor `TRIANGULATE_DB` says otherwise. */
export const DEFAULT_DB_PATH = join('.triangulate', 'triangulate.db');

/** Resolves the database location: explicit option, then `TRIANGULATE_DB`, then the default. */
export function resolveDbLocation(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ?? env.TRIANGULATE_DB ?? DEFAULT_DB_PATH;
}

/**
 * Opens the store named by `location`: a SQLite file path (the default) or `:memory:`.
 * @example const store = await openStore(resolveDbLocation(options.db));
 */
export async function openStore(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new Error(`PostgreSQL storage is not available yet (${location.replace(/:[^:@/]*@/, ':***@')}); use a SQLite file path`);
  }
  return SqlStore.open(openSqliteDriver(location));
}
