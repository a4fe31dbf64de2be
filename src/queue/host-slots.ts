/**
 * Politeness per host across every worker of a PostgreSQL store: one table row per host, taken and released with
 * atomic statements, so workers on many machines keep one request at a time and `delayMs` between requests to a host.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { HostScheduler, type HostPoliteness } from '../ingest/politeness.js';

/** Runs one SQL statement with positional parameters (pg-boss's executor, or a pg client). */
export type ExecuteSql = (text: string, values: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>;

/** The table's definition in the queue's schema (its name passed parsePostgresUrl's check: letters, digits, underscores). */
export function hostSlotsTable(schema: string): string {
  return `CREATE TABLE IF NOT EXISTS ${schema}.host_slots (host TEXT PRIMARY KEY, next_at TIMESTAMPTZ NOT NULL)`;
}

/**
 * One request to a host at a time across every process, and at least `delayMs` from the end of one to the start of
 * the next: a request takes the host's row as a lease (so a process that dies mid-request frees the host when the
 * lease ends) and sets the next free time on release. Within this process waiters queue locally (HostScheduler).
 */
export class SharedHostScheduler implements HostPoliteness {
  private readonly local = new HostScheduler(0);

  constructor(
    private readonly execute: ExecuteSql,
    private readonly schema: string,
    readonly delayMs: number,
    /** Longest a request may hold a host before another process may take it (a crashed worker's lease). */
    private readonly leaseMs = LEASE_MS,
  ) {}

  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const key = host.toLowerCase();
    if (this.delayMs <= 0) return this.local.run(key, task);
    return this.local.run(key, async () => {
      for (let wait = await this.acquire(key); wait > 0; wait = await this.acquire(key)) await sleep(Math.min(wait, MAX_WAIT_MS));
      try {
        return await task();
      } finally {
        await this.release(key).catch(() => undefined);
      }
    });
  }

  /** Takes the host if it is free; else resolves to the milliseconds until it may be (at least a short pause). */
  private async acquire(host: string): Promise<number> {
    const taken = await this.execute(
      `INSERT INTO ${this.schema}.host_slots AS s (host, next_at) VALUES ($1, clock_timestamp() + $2 * interval '1 millisecond')
       ON CONFLICT (host) DO UPDATE SET next_at = EXCLUDED.next_at WHERE s.next_at <= clock_timestamp()
       RETURNING host`,
      [host, this.leaseMs],
    );
    if (taken.rows.length) return 0;
    const { rows } = await this.execute(`SELECT EXTRACT(EPOCH FROM (next_at - clock_timestamp())) * 1000 AS wait_ms FROM ${this.schema}.host_slots WHERE host = $1`, [host]);
    return Math.max(MIN_WAIT_MS, Number(rows[0]?.wait_ms ?? 0));
  }

  private async release(host: string): Promise<void> {
    await this.execute(`UPDATE ${this.schema}.host_slots SET next_at = clock_timestamp() + $2 * interval '1 millisecond' WHERE host = $1`, [host, this.delayMs]);
  }
}

/** A request's hold on a host: past the longest fetch (timeouts are well under it). */
const LEASE_MS = 5 * 60_000;
/** Waiting for a host held by another process is re-checked at least this often (it may finish early)… */
const MAX_WAIT_MS = 1_000;
/** …and not more often than this. */
const MIN_WAIT_MS = 20;
