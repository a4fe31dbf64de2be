/**
 * The PostgreSQL SqlDriver: a `pg` pool, `?` placeholders rewritten to `$n`, and SERIALIZABLE transactions retried
 * on conflict, so the shared SqlStore's read-then-write steps stay correct with many writers at once.
 * Loaded only through a dynamic import when a postgres:// URL is used.
 */
import pg from 'pg';
import { StoreOpenError, StoreQueryError } from '../../core/errors.js';
import type { SqlDriver, TransactionOptions } from '../driver.js';
import { parsePostgresUrl, type PostgresLocation } from './url.js';

/** Attempts of one transaction that keeps meeting serialization failures, deadlocks or a racing unique insert. */
const MAX_TX_ATTEMPTS = 8;
/** Base pause before retrying a conflicted transaction; doubled each attempt, with jitter. */
const RETRY_BASE_MS = 10;
/** Connections one process keeps; a worker runs one transaction per job it holds, plus the queue's own. */
const POOL_SIZE = 4;
/** SQLSTATEs after which the whole transaction is run again: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
/** A unique violation is retried once: a racing insert committed, and the re-run sees it; a second one is a real duplicate. */
const UNIQUE_VIOLATION = '23505';
/** Lock key every write transaction takes unless it names its own (migrations, the corpus update). */
const WRITE_LOCK = 'triangulate:write';
/**
 * An advisory lock key scoped to one store: advisory locks are database-wide, so without the schema two stores in one
 * database would serialise each other's writes and corpus updates.
 */
export function scopedLockKey(schema: string | undefined, key: string): string {
  return `${key}@${schema ?? ''}`;
}
/** How long a statement may wait for a lock before failing, so a stuck peer is reported instead of hanging. */
const LOCK_TIMEOUT_MS = 60_000;

export interface PostgresOpenOptions {
  readOnly?: boolean;
}

/**
 * Opens a pool on `url` (`postgres://user@host:port/db[?schema=NAME]`). `schema` sets the search_path and is created
 * when missing (unless read-only), so tests and tenants can share one database without colliding.
 * @example const driver = await openPostgresDriver('postgres://postgres@127.0.0.1:5432/test?schema=news');
 */
export async function openPostgresDriver(url: string, options: PostgresOpenOptions = {}): Promise<SqlDriver> {
  const location = parsePostgresUrl(url);
  const readOnly = Boolean(options.readOnly);
  const pool = new pg.Pool({
    connectionString: location.connectionString,
    max: POOL_SIZE,
    options: [`-c lock_timeout=${LOCK_TIMEOUT_MS}`, location.schema ? `-c search_path=${location.schema}` : '', readOnly ? '-c default_transaction_read_only=on' : '']
      .filter(Boolean)
      .join(' '),
    application_name: 'triangulate',
  });
  // An idle client losing its server (restart, network) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await prepareSchema(pool, location, readOnly);
  } catch (error) {
    await pool.end();
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError(location.display, 'store:cannot-open', `cannot be opened: ${(error as Error).message}`, { cause: error });
  }
  return new PostgresDriver(pool, location, readOnly);
}

/** Creates the named schema for a writer; a reader must find the database already made. */
async function prepareSchema(pool: pg.Pool, location: PostgresLocation, readOnly: boolean): Promise<void> {
  await pool.query('SELECT 1');
  if (readOnly) {
    const { rows } = await pool.query<{ t: string | null }>("SELECT to_regclass('schema_migrations') AS t");
    if (!rows[0]?.t) {
      throw new StoreOpenError(location.display, 'store:not-found', 'no Triangulate tables in this database or schema (check --db or TRIANGULATE_DB; `triangulate ingest` or `analyze` creates them)');
    }
    return;
  }
  if (location.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${location.schema}`).catch(ignoreRace);
}

/** Two processes creating the same schema at once: the loser's unique violation means it exists now. */
function ignoreRace(error: { code?: string }): void {
  if (error.code !== '23505' && error.code !== '42P06') throw error;
}

class PostgresDriver implements SqlDriver {
  readonly kind = 'postgres' as const;
  readonly location: string;

  constructor(
    private readonly pool: pg.Pool,
    readonly target: PostgresLocation,
    readonly readOnly: boolean,
  ) {
    this.location = target.display;
  }

  all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return query<T>(this.pool, sql, params).then((r) => r.rows);
  }

  run(sql: string, params: unknown[] = []): Promise<{ changes: number }> {
    return query(this.pool, sql, params).then((r) => ({ changes: r.rowCount ?? 0 }));
  }

  async transaction<T>(fn: (tx: SqlDriver) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    // Write transactions take one lock, as SQLite's BEGIN IMMEDIATE does: concurrent adds (a read of MAX(seq) and the
    // duplicate keys, then an insert) otherwise fail serialization and retry with backoff, which grew with workers.
    const unscoped = options.lockKey ?? (this.readOnly ? undefined : WRITE_LOCK);
    const lockKey = unscoped && scopedLockKey(this.target.schema, unscoped);
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken = false;
      let locked = false;
      try {
        // Taken before BEGIN, so the transaction's snapshot sees what the previous holder committed; a session lock,
        // released below or by the connection dying with its process.
        if (lockKey) {
          await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
          locked = true;
        }
        await client.query(this.readOnly ? 'BEGIN READ ONLY' : 'BEGIN ISOLATION LEVEL SERIALIZABLE');
        const result = await fn(clientDriver(client, this));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        const state = sqlState(error) ?? '';
        if (attempt < MAX_TX_ATTEMPTS && (RETRYABLE.has(state) || (state === UNIQUE_VIOLATION && attempt === 1))) {
          await pause(RETRY_BASE_MS * 2 ** attempt * (0.5 + Math.random()));
          continue;
        }
        throw error;
      } finally {
        if (locked && !broken) await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => (broken = true));
        client.release(broken);
      }
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** A driver bound to one client inside an open transaction; nested transactions join it. */
function clientDriver(client: pg.PoolClient, parent: PostgresDriver): SqlDriver {
  const self: SqlDriver = {
    kind: 'postgres',
    location: parent.location,
    readOnly: parent.readOnly,
    all: async <T>(sql: string, params: unknown[] = []) => (await query<T>(client, sql, params)).rows,
    run: async (sql: string, params: unknown[] = []) => ({ changes: (await query(client, sql, params)).rowCount ?? 0 }),
    // Nested: joins the open transaction (a lock asked for here would come after its snapshot, so none is taken).
    transaction: (fn) => fn(self),
    close: async () => undefined,
  };
  return self;
}

async function query<T>(on: pg.Pool | pg.PoolClient, sql: string, params: unknown[]): Promise<pg.QueryResult<T & pg.QueryResultRow>> {
  const text = toPostgresSql(sql);
  try {
    return await on.query<T & pg.QueryResultRow>(text, params.map(toPostgres));
  } catch (error) {
    throw new StoreQueryError(sql, params, error);
  }
}

/** The SQLSTATE of a pg error, also when wrapped in a StoreQueryError. */
function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code ?? e.cause?.code;
}

/**
 * Rewrites portable SQL for PostgreSQL: `?` placeholders become `$1…$n` (outside quotes), and `REAL` columns in DDL
 * become `DOUBLE PRECISION`, since PostgreSQL's REAL is 4 bytes and would round the scores SQLite keeps exactly.
 */
export function toPostgresSql(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | undefined;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = undefined;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else {
      out += ch === '?' ? `$${++n}` : ch;
    }
  }
  return /^\s*(CREATE|ALTER)\s+TABLE/i.test(out) ? out.replace(/\bREAL\b/g, 'DOUBLE PRECISION') : out;
}

function toPostgres(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
