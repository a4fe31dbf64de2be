import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreOpenError, StoreQueryError } from '../../core/errors.js';
import type { SqlDriver } from '../driver.js';
import { LruCache } from '../../core/lru.js';

/** Prepared statements kept per connection (statements with IN lists of another length are other statements). */
const MAX_STATEMENTS = 256;
/** Milliseconds a writer waits for another process's lock before failing. */
const BUSY_TIMEOUT_MS = 5000;
/** `PRAGMA application_id` of a Triangulate database ("TRGL"): files without it are another program's. */
export const APPLICATION_ID = 0x5452474c;
/** Tables that mark a database made by Triangulate before it wrote its application id. */
const LEGACY_TABLES = ['schema_migrations', 'articles'];

export interface SqliteOpenOptions {
  /** The caller only reads: the file must exist, and it is opened read-only, so nothing is created or changed. */
  readOnly?: boolean;
}

/**
 * Opens a SQLite database file, or `:memory:`, in WAL mode. A new file is created and marked as Triangulate's
 * (unless `readOnly`); an existing file must carry the mark, or be an unmarked older Triangulate database.
 */
export function openSqliteDriver(path: string, options: SqliteOpenOptions = {}): SqlDriver {
  if (path === ':memory:') return new SqliteDriver(prepare(new Database(path), path, false), path, false);
  if (!path.trim()) throw new StoreOpenError(path, 'store:empty-path', 'the database path is empty; give a file with --db or TRIANGULATE_DB, or leave both unset for the default');
  const exists = existsSync(path);
  if (!exists && options.readOnly) {
    throw new StoreOpenError(path, 'store:not-found', 'no database at this path (check --db or TRIANGULATE_DB; `triangulate ingest` or `analyze` creates one)');
  }
  if (exists && statSync(path).isDirectory()) throw new StoreOpenError(path, 'store:cannot-open', 'is a directory, not a database file');
  if (exists && !options.readOnly && !writable(path)) {
    throw new StoreOpenError(path, 'store:read-only', 'the file is read-only; this command writes to the store (show and export can read it)');
  }
  let db: Database.Database;
  try {
    if (!exists) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { readonly: Boolean(options.readOnly), fileMustExist: exists });
  } catch (error) {
    throw new StoreOpenError(path, 'store:cannot-open', `cannot be opened: ${(error as Error).message}`, { cause: error });
  }
  try {
    return new SqliteDriver(prepare(db, path, Boolean(options.readOnly)), path, Boolean(options.readOnly));
  } catch (error) {
    db.close();
    if (error instanceof StoreOpenError) throw error;
    if (options.readOnly && WAL_INDEX_UNAVAILABLE.has((error as { code?: string }).code ?? '')) return openSnapshot(path);
    throw new StoreOpenError(path, 'store:cannot-open', `cannot be opened: ${(error as Error).message}`, { cause: error });
  }
}

/** Errors of a read-only WAL open in a folder where SQLite cannot create the shared-memory index (`-shm`). */
const WAL_INDEX_UNAVAILABLE = new Set(['SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_CANTINIT', 'SQLITE_CANTOPEN']);

/**
 * Reads a WAL database in a read-only folder from an in-memory copy: SQLite needs a writable `-shm` file, or a URI
 * flag better-sqlite3 is built without, to read it in place. Nobody can be writing it, as a writer needs that folder too.
 */
function openSnapshot(path: string): SqlDriver {
  if (existsSync(`${path}-wal`)) {
    throw new StoreOpenError(path, 'store:cannot-open', 'has a write-ahead log that cannot be read in a read-only folder; open it once where the folder is writable');
  }
  const bytes = readFileSync(path);
  // Header bytes 18-19 are 2 in WAL mode, which an in-memory database cannot use; 1 is the rollback journal.
  if (bytes.length > 19 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1;
  const db = new Database(bytes, { readonly: true });
  try {
    return new SqliteDriver(prepare(db, path, true), path, true);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Checks the file is ours before anything is written to it, marks a new one, then sets the journal mode. */
function prepare(db: Database.Database, path: string, readOnly: boolean): Database.Database {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const owner = retryWhileBusy(() => ownership(db, path));
  if (!readOnly) {
    if (owner !== 'ours') retryWhileBusy(() => db.pragma(`application_id = ${APPLICATION_ID}`));
    if (path !== ':memory:') retryWhileBusy(() => db.pragma('journal_mode = WAL'));
    db.pragma('synchronous = NORMAL');
  }
  return db;
}

/** Milliseconds between two tries of a pragma that another process's first open holds up. */
const BUSY_RETRY_MS = 25;

/** Runs `fn` again while SQLite says busy: switching to WAL and reading a file another process is creating may skip the busy handler. */
function retryWhileBusy<R>(fn: () => R): R {
  const until = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      return fn();
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) throw error;
      if (Date.now() > until) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, BUSY_RETRY_MS);
    }
  }
}

/** 'ours' (marked), 'new' (empty), 'legacy' (an unmarked older Triangulate database); anything else is refused untouched. */
function ownership(db: Database.Database, path: string): 'ours' | 'new' | 'legacy' {
  let id: number;
  let tables: string[];
  try {
    id = Number(db.pragma('application_id', { simple: true }));
    tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_NOTADB') throw error;
    throw new StoreOpenError(path, 'store:foreign', 'is not a SQLite database; Triangulate left it untouched', { cause: error });
  }
  if (id === APPLICATION_ID) return 'ours';
  if (id === 0 && !tables.length) return 'new';
  if (id === 0 && LEGACY_TABLES.every((t) => tables.includes(t))) return 'legacy';
  const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', …' : '');
  throw new StoreOpenError(
    path,
    'store:foreign',
    `is another program's SQLite database (application_id ${id}${tables.length ? `, tables ${shown}` : ''}); Triangulate left it untouched`,
  );
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

class SqliteDriver implements SqlDriver {
  readonly kind = 'sqlite' as const;
  // better-sqlite3 is synchronous; this queue keeps an async transaction from interleaving with other calls.
  private queue: Promise<unknown> = Promise.resolve();
  /** Prepared statements by SQL text: preparing again on every call was 2 % of a large analysis. */
  private readonly statements = new LruCache<string, Database.Statement>(MAX_STATEMENTS);

  constructor(
    private readonly db: Database.Database,
    readonly location: string,
    readonly readOnly: boolean,
  ) {}

  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.exec(() => this.allNow<T>(sql, params), sql, params);
  }

  async run(sql: string, params: unknown[] = []): Promise<{ changes: number }> {
    return this.exec(() => this.runNow(sql, params), sql, params);
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
      readOnly: this.readOnly,
      all: async <T>(sql: string, params: unknown[] = []) =>
        run(() => this.allNow<T>(sql, params), sql, params),
      run: async (sql: string, params: unknown[] = []) =>
        run(() => this.runNow(sql, params), sql, params),
      transaction: (fn) => fn(this.direct()),
      close: async () => undefined,
    };
  }

  private allNow<T>(sql: string, params: unknown[]): T[] {
    return this.statement(sql).all(...params.map(toSqlite)) as T[];
  }

  private runNow(sql: string, params: unknown[]): { changes: number } {
    return { changes: this.statement(sql).run(...params.map(toSqlite)).changes };
  }

  /** The statement for `sql`, prepared once and kept among the last {@link MAX_STATEMENTS} used. */
  private statement(sql: string): Database.Statement {
    return this.statements.get(sql, (text) => this.db.prepare(text));
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
