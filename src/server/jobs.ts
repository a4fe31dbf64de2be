/**
 * Background work for the API: ingest and re-analysis run one at a time (one writer on the store), each
 * recording its progress as events a client can replay and follow (Server-Sent Events).
 */
import { randomUUID } from 'node:crypto';
import { analyzeStore } from '../app/analyze.js';
import { ingestInto, type IngestEvent } from '../app/ingest.js';
import type { IngestOptions } from '../ingest/index.js';
import type { Store } from '../store/store.js';
import type { Job, JobEvent } from './api-schemas.js';

/** Events kept per job for late subscribers; past this the oldest progress events are dropped. */
const MAX_EVENTS_PER_JOB = 5000;
/** Finished jobs remembered for status queries. */
const MAX_FINISHED_JOBS = 100;

export interface JobRequest {
  kind: Job['kind'];
  /** Input specs for ingest (URLs, or paths the server wrote itself from an upload). */
  specs?: string[];
  /** Run the analysis after ingesting. */
  analyze?: boolean;
  /** Called when the job ends, whatever the outcome (e.g. to remove an upload's temporary folder). */
  cleanup?: () => Promise<void>;
}

type Listener = (event: JobEvent) => void;

/**
 * Sends a request's work elsewhere instead of doing it here: with a PostgreSQL store, to the workers' queue
 * (src/queue). The API job then ends once its inputs are queued.
 */
export type HandOff = (specs: string[], analyze: boolean, onEvent: (event: IngestEvent) => void) => Promise<void>;

interface JobState {
  job: Job;
  events: JobEvent[];
  seq: number;
  listeners: Set<Listener>;
}

/** A queue of jobs over one store; `onChange` runs after each job that may have changed it. */
export class JobQueue {
  private readonly jobs = new Map<string, JobState>();
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly ingestOptions: IngestOptions,
    private readonly onChange: () => void,
    private readonly handOff?: HandOff,
  ) {}

  /** Queues a job and returns its record at once; the work runs in the background. */
  submit(request: JobRequest): Job {
    const job: Job = { id: randomUUID(), kind: request.kind, status: 'queued', created: new Date().toISOString(), finished: null, added: 0, duplicates: 0, failed: 0, error: null };
    const state: JobState = { job, events: [], seq: 0, listeners: new Set() };
    this.jobs.set(job.id, state);
    this.forgetOld();
    this.tail = this.tail.then(() => this.run(state, request));
    return { ...job };
  }

  get(id: string): Job | undefined {
    const state = this.jobs.get(id);
    return state && { ...state.job };
  }

  /** Replays the events so far, then calls `listener` for each new one until the job ends; returns an unsubscribe. */
  follow(id: string, listener: Listener): (() => void) | undefined {
    const state = this.jobs.get(id);
    if (!state) return undefined;
    for (const event of state.events) listener(event);
    if (isFinished(state.job)) return () => {};
    state.listeners.add(listener);
    return () => state.listeners.delete(listener);
  }

  /** Resolves when every job queued so far has finished. */
  idle(): Promise<void> {
    return this.tail;
  }

  private async run(state: JobState, request: JobRequest): Promise<void> {
    this.setStatus(state, 'running');
    try {
      if (this.handOff) {
        await this.handOff(request.kind === 'ingest' ? (request.specs ?? []) : [], request.kind === 'analyze' || Boolean(request.analyze), (event) => this.onIngest(state, event));
        this.setStatus(state, 'done');
        return;
      }
      if (request.kind === 'ingest') {
        const summary = await ingestInto(this.store, request.specs ?? [], this.ingestOptions, (event) => this.onIngest(state, event));
        if (summary.added.length) this.onChange();
      }
      if (request.kind === 'analyze' || request.analyze) {
        await analyzeStore(this.store, { onProgress: (p) => this.emit(state, { type: 'stage', stage: p.stage, ran: p.ran }) });
        this.onChange();
      }
      this.setStatus(state, 'done');
    } catch (error) {
      state.job.error = (error as Error).message;
      this.onChange();
      this.setStatus(state, 'failed');
    } finally {
      await request.cleanup?.().catch(() => {});
      state.listeners.clear();
    }
  }

  private onIngest(state: JobState, event: IngestEvent): void {
    if (event.type === 'added') state.job.added++;
    else if (event.type === 'duplicate') state.job.duplicates++;
    else if (event.type === 'failed') state.job.failed++;
    switch (event.type) {
      case 'added':
        return this.emit(state, { type: event.type, input: event.input, id: event.id, title: event.title });
      case 'duplicate':
        return this.emit(state, { type: event.type, input: event.input, id: event.duplicateOf, reason: event.reason });
      default:
        return this.emit(state, { type: event.type, input: event.input, ruleId: event.ruleId, reason: event.reason });
    }
  }

  private setStatus(state: JobState, status: Job['status']): void {
    state.job.status = status;
    if (isFinished(state.job)) state.job.finished = new Date().toISOString();
    this.emit(state, { type: 'status', status, ...(state.job.error ? { reason: state.job.error } : {}) });
  }

  private emit(state: JobState, event: Omit<JobEvent, 'seq'>): void {
    const full = { seq: ++state.seq, ...dropUndefined(event) } as JobEvent;
    state.events.push(full);
    if (state.events.length > MAX_EVENTS_PER_JOB) state.events.splice(0, state.events.length - MAX_EVENTS_PER_JOB);
    for (const listener of state.listeners) listener(full);
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((s) => isFinished(s.job));
    for (const s of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED_JOBS))) this.jobs.delete(s.job.id);
  }
}

function isFinished(job: Job): boolean {
  return job.status === 'done' || job.status === 'failed';
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
