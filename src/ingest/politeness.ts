import { setTimeout as sleep } from 'node:timers/promises';

/** Keeps requests to one host apart: this process's queue, or one shared by every worker on a PostgreSQL store. */
export interface HostPoliteness {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

/**
 * Serialises requests per host: one request to a host at a time, and at least `delayMs` between
 * the end of one request and the start of the next to the same host.
 */
export class HostScheduler implements HostPoliteness {
  private readonly queues = new Map<string, { tail: Promise<void>; lastEnd: number }>();

  constructor(readonly delayMs: number) {}

  /** Runs `task` when the host is free and its delay has passed. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const key = host.toLowerCase();
    const slot = this.queues.get(key) ?? { tail: Promise.resolve(), lastEnd: -Infinity };
    this.queues.set(key, slot);
    const previous = slot.tail;
    let release!: () => void;
    slot.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    const wait = slot.lastEnd + this.delayMs - Date.now();
    if (wait > 0) await sleep(wait);
    try {
      return await task();
    } finally {
      slot.lastEnd = Date.now();
      release();
    }
  }
}
