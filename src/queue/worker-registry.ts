/** Worker heartbeats in the store's `workers` table, so `status` can say which workers are alive and what they hold. */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { SqlDriver } from '../store/driver.js';

/** How often a worker says it is alive. */
export const HEARTBEAT_MS = 5_000;
/** A worker not heard from for this long is counted as gone (killed, or its machine lost). */
export const ALIVE_WITHIN_MS = 30_000;

export interface WorkerRow {
  id: string;
  host: string;
  pid: number;
  startedAt: string;
  seenAt: string;
  stoppedAt: string | null;
  jobsDone: number;
  currentJob: string | null;
  alive: boolean;
}

/** One worker's row: registered on start, beaten while it runs, marked stopped on a clean exit. */
export class WorkerRegistration {
  readonly id = randomUUID();
  private timer?: NodeJS.Timeout;
  private jobsDone = 0;
  private current = new Set<string>();

  constructor(private readonly driver: SqlDriver) {}

  async start(): Promise<void> {
    const now = new Date().toISOString();
    await this.driver.run(
      'INSERT INTO workers (id, host, pid, started_at, seen_at, stopped_at, jobs_done, current_job) VALUES (?, ?, ?, ?, ?, NULL, 0, NULL)',
      [this.id, hostname(), process.pid, now, now],
    );
    this.timer = setInterval(() => void this.beat().catch(() => undefined), HEARTBEAT_MS);
    this.timer.unref();
  }

  /** Marks a job as held by this worker (shown by `status`). */
  async began(job: string): Promise<void> {
    this.current.add(job);
    await this.beat();
  }

  async ended(job: string): Promise<void> {
    this.current.delete(job);
    this.jobsDone++;
    await this.beat();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    const now = new Date().toISOString();
    await this.driver.run('UPDATE workers SET seen_at = ?, stopped_at = ?, jobs_done = ?, current_job = NULL WHERE id = ?', [now, now, this.jobsDone, this.id]);
  }

  private async beat(): Promise<void> {
    await this.driver.run('UPDATE workers SET seen_at = ?, jobs_done = ?, current_job = ? WHERE id = ?', [
      new Date().toISOString(),
      this.jobsDone,
      this.current.size ? [...this.current].join(', ') : null,
      this.id,
    ]);
  }
}

/** Workers seen in the last day, newest first, each marked alive or not. */
export async function listWorkers(driver: SqlDriver, now = Date.now()): Promise<WorkerRow[]> {
  const since = new Date(now - 24 * 3600_000).toISOString();
  const rows = await driver.all<{ id: string; host: string; pid: number; started_at: string; seen_at: string; stopped_at: string | null; jobs_done: number; current_job: string | null }>(
    'SELECT id, host, pid, started_at, seen_at, stopped_at, jobs_done, current_job FROM workers WHERE seen_at >= ? ORDER BY started_at DESC',
    [since],
  );
  return rows.map((r) => ({
    id: r.id,
    host: r.host,
    pid: Number(r.pid),
    startedAt: r.started_at,
    seenAt: r.seen_at,
    stoppedAt: r.stopped_at,
    jobsDone: Number(r.jobs_done),
    currentJob: r.current_job,
    alive: !r.stopped_at && now - Date.parse(r.seen_at) < ALIVE_WITHIN_MS,
  }));
}
