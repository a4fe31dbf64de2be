import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreQueryError } from '../../core/errors.js';
import type { SqlDriver } from '../driver.js';

/** Milliseconds a writer waits for another process's lock before failing. */
const BUSY_TIMEOUT_MS = 5000;

/** Opens (creating when needed) a SQLite database file, or `:memory:`, in WAL mode. */
export function openSqliteDriver(path: string): SqlDriver {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return new SqliteDriver(db, path);
}

class SqliteDriver implements SqlDriver {
  readonly kind = 'sqlite' as const;
  // better-sqlite3 is synchronous; this queue keeps an async transaction from interleaving with other calls.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database.Database,
    readonly location: string,
  ) {}

  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.exec(() => this.db.prepare(sql).all(...params.map(toSqlite)) as T[], sql, params);
  }

  async run(sql: string, params: unknown[] = []): Promise<{ changes: number }> {
    return this.exec(() => ({ changes: this.db.prepare(sql).run(...params.map(toSqlite)).changes }), sql, params);
  }

  async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    const task = this.queue.then(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct());
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
    });
    this.queue = task.catch(() => undefined);
    return task;
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }

  /** A view that runs statements immediately; used inside a transaction that already holds the queue. */
  private direct(): SqlDriver {
    const run = <R>(fn: () => R, sql: string, params: unknown[]): R => wrap(fn, sql, params);
    return {
      kind: this.kind,
      location: this.location,
      all: async <T>(sql: string, params: unknown[] = []) =>
        run(() => this.db.prepare(sql).all(...params.map(toSqlite)) as T[], sql, params),
      run: async (sql: string, params: unknown[] = []) =>
        run(() => ({ changes: this.db.prepare(sql).run(...params.map(toSqlite)).changes }), sql, params),
      transaction: (fn) => fn(this.direct()),
      close: async () => undefined,
    };
  }

  private exec<R>(fn: () => R, sql: string, params: unknown[]): Promise<R> {
    const task = this.queue.then(() => wrap(fn, sql, params));
    this.queue = task.catch(() => undefined);
    return task;
  }
}

function wrap<R>(fn: () => R, sql: string, params: unknown[]): R {
  try {
    return fn();
  } catch (error) {
    throw new StoreQueryError(sql, params, error);
  }
}

function toSqlite(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
