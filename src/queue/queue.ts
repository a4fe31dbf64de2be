/**
 * The job queue on PostgreSQL: pg-boss (a maintained queue on SKIP LOCKED) in a schema of its own beside the store's.
 * Loaded by dynamic import only when a PostgreSQL store is used.
 */
import pg from 'pg';
import PgBoss from 'pg-boss';
import { parsePostgresUrl } from '../store/postgres/url.js';
import type { HostPoliteness } from '../ingest/politeness.js';
import { hostSlotsTable, SharedHostScheduler } from './host-slots.js';
import { JOB_KINDS, type JobData, type JobKind } from './jobs.js';

/** Where failed jobs are copied once their retries are spent, so nothing failed is lost from sight. */
export const DEAD_LETTER = 'dead-letter';
/** Tries of one job before it is failed for good (dead-lettered). */
const RETRY_LIMIT = 3;
/** Seconds before the first retry; doubled each retry (pg-boss backoff). */
const RETRY_DELAY_S = 2;
/** Seconds between two maintenance passes (expiring abandoned jobs, archiving); pg-boss runs one per cluster at a time. */
const MAINTENANCE_S = 30;
/** Connections pg-boss keeps per process. */
const QUEUE_POOL_SIZE = 2;

/**
 * Seconds a job may stay active before it counts as abandoned (its worker died) and is retried. Short for fetching and
 * one article; long for the corpus update, which reads every article. TRIANGULATE_JOB_EXPIRE_SECONDS overrides all
 * (the kill test shortens it).
 */
const EXPIRE_S: Record<JobKind, number> = { ingest: 300, 'analyze-article': 300, 'update-corpus': 900, 'update-story': 300 };

/**
 * Queue policy per kind: `short` drops a second copy of a job (same key) still waiting; `stately` keeps at most one
 * job per key waiting and one running, cluster-wide (pg-boss's unique index on name, state and key): the corpus update
 * (no key) is serialised and a burst of requests folds into one; a story (its id as key) is updated by one worker at
 * a time, while other stories' jobs run on other workers.
 */
const POLICY: Record<JobKind, PgBoss.QueuePolicy> = { ingest: 'short', 'analyze-article': 'short', 'update-corpus': 'stately', 'update-story': 'stately' };

/**
 * Priority of a story job sent while that story's previous job still runs: pg-boss takes jobs in order and cannot start
 * it until then, so it goes behind the others instead of holding them back.
 */
const BUSY_STORY_PRIORITY = -1;

/** Counts of one job kind by state. */
export interface QueueDepth {
  kind: string;
  waiting: number;
  active: number;
  failed: number;
}

/** A job that used up its retries, with the reason its last try gave. */
export interface FailedJob {
  kind: string;
  key: string | null;
  reason: string;
  at: string;
}

/** The queue of one store: send jobs, work them, and read its state for `status`. */
export class JobQueue {
  private readonly schedulers = new Map<number, SharedHostScheduler>();

  private constructor(
    readonly boss: PgBoss,
    private readonly schema: string,
  ) {}

  /** Opens (and on first use creates) the queue schema that belongs to the PostgreSQL store at `location`. */
  static async open(location: string, options: { expireSeconds?: number } = {}): Promise<JobQueue> {
    const expire = options.expireSeconds ?? envExpire();
    const target = parsePostgresUrl(location);
    const schema = `${target.schema ?? 'triangulate'}_jobs`;
    const boss = new PgBoss({
      connectionString: target.connectionString,
      schema,
      max: QUEUE_POOL_SIZE,
      application_name: 'triangulate-queue',
      // Expired (abandoned) jobs are found by maintenance: at least as often as a job expires, so a killed worker's job comes back soon.
      maintenanceIntervalSeconds: Math.min(MAINTENANCE_S, expire ?? MAINTENANCE_S),
    });
    boss.on('error', () => undefined);
    // Processes starting at once would race to create the queue schema and queues: one at a time, under a lock.
    const lock = new pg.Client({ connectionString: target.connectionString });
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`triangulate:queue-setup:${schema}`]);
      await boss.start();
      await ensureQueues(boss, expire);
      await boss.getDb().executeSql(hostSlotsTable(schema), []);
    } catch (error) {
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      throw error;
    } finally {
      await lock.end();
    }
    return new JobQueue(boss, schema);
  }

  /** Sends a job unless the same key is already waiting; resolves to its id, or null when folded into a waiting one. */
  send<K extends JobKind>(kind: K, data: JobData[K], key?: string, afterSeconds?: number): Promise<string | null> {
    return this.boss.send(kind, data as object, { ...(key ? { singletonKey: key } : {}), ...(afterSeconds ? { startAfter: afterSeconds } : {}) });
  }

  /**
   * Sends an update-story job per story (the story id as key, so one runs per story at a time). A story whose job is
   * running gets a new one only if the corpus update `touched` it (the running one may have read what it replaced),
   * queued behind the others; one already waiting is reused.
   */
  async sendStories({ run, touched, leftOver }: { run: string; touched: readonly string[]; leftOver: readonly string[] }): Promise<void> {
    const stories = [...touched, ...leftOver];
    const changed = new Set(touched);
    const rows = await this.sql<{ singleton_key: string }>(
      `SELECT singleton_key FROM ${this.schema}.job WHERE name = 'update-story' AND state = 'active' AND singleton_key = ANY($1)`,
      [stories],
    );
    const running = new Set(rows.map((r) => r.singleton_key));
    for (const story of stories) {
      if (running.has(story) && !changed.has(story)) continue;
      const data: JobData['update-story'] = { story, run };
      await this.boss.send('update-story', data, { singletonKey: story, ...(running.has(story) ? { priority: BUSY_STORY_PRIORITY } : {}) });
    }
  }

  /** Politeness per host shared by every process on this queue: requests to one host at least `delayMs` apart. */
  politeness(delayMs: number): HostPoliteness {
    const made = this.schedulers.get(delayMs) ?? new SharedHostScheduler((text, values) => this.boss.getDb().executeSql(text, values), this.schema, delayMs);
    this.schedulers.set(delayMs, made);
    return made;
  }

  /** Jobs not yet done (waiting, retrying or running) per kind, and failed ones. */
  async depth(): Promise<QueueDepth[]> {
    const rows = await this.sql<{ name: string; state: string; n: string }>(
      `SELECT name, state, COUNT(*) AS n FROM ${this.schema}.job WHERE state IN ('created', 'retry', 'active', 'failed') GROUP BY name, state`,
    );
    return [...JOB_KINDS].map((kind) => {
      const count = (state: string) => Number(rows.find((r) => r.name === kind && r.state === state)?.n ?? 0);
      return { kind, waiting: count('created') + count('retry'), active: count('active'), failed: count('failed') };
    });
  }

  /** Jobs not yet done across every kind: zero means the queue is drained. */
  async pending(kinds: readonly JobKind[] = JOB_KINDS): Promise<number> {
    const rows = await this.sql<{ n: string }>(
      `SELECT COUNT(*) AS n FROM ${this.schema}.job WHERE state IN ('created', 'retry', 'active') AND name = ANY($1)`,
      [kinds],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** The latest jobs that failed for good, newest first, with the reason. */
  async failed(limit = 20): Promise<FailedJob[]> {
    const rows = await this.sql<{ name: string; singleton_key: string | null; output: { message?: string } | null; completed_on: Date | null }>(
      `SELECT name, singleton_key, output, completed_on FROM ${this.schema}.job WHERE state = 'failed' ORDER BY completed_on DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ kind: r.name, key: r.singleton_key, reason: r.output?.message ?? 'no reason recorded', at: r.completed_on?.toISOString() ?? '' }));
  }

  /** Stops polling and closes the connections; with `graceful`, running jobs are first finished (up to `timeoutMs`). */
  async close(options: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
    await this.boss.stop({ graceful: options.graceful ?? false, wait: true, timeout: options.timeoutMs ?? 30_000 });
  }

  private async sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
    return (await this.boss.getDb().executeSql(text, values)).rows as T[];
  }
}

async function ensureQueues(boss: PgBoss, expireOverride: number | undefined): Promise<void> {
  if (!(await boss.getQueue(DEAD_LETTER))) await boss.createQueue(DEAD_LETTER).catch(ignoreExists);
  for (const kind of JOB_KINDS) {
    const options: PgBoss.Queue = {
      name: kind,
      policy: POLICY[kind],
      retryLimit: RETRY_LIMIT,
      retryDelay: RETRY_DELAY_S,
      retryBackoff: true,
      expireInSeconds: expireOverride ?? EXPIRE_S[kind],
      deadLetter: DEAD_LETTER,
    };
    // Created once; updated so a changed expiry (the kill test's) applies to a queue made earlier.
    if (await boss.getQueue(kind)) await boss.updateQueue(kind, options);
    else await boss.createQueue(kind, options).catch(ignoreExists);
  }
}

/** Two processes creating the same queue at once: the loser's duplicate means it exists now. */
function ignoreExists(error: { code?: string }): void {
  if (error.code !== '23505') throw error;
}

function envExpire(): number | undefined {
  const raw = process.env.TRIANGULATE_JOB_EXPIRE_SECONDS;
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`TRIANGULATE_JOB_EXPIRE_SECONDS must be a whole number of seconds, not ${JSON.stringify(raw)}`);
  return n;
}
