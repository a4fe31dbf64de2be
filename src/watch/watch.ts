/**
 * Feed monitoring: polls due feeds, hands new items on, and schedules the next poll (the feed's interval after a
 * success, a capped exponential backoff after failures). Items go to a sink: on SQLite this process stores and
 * analyses them; on PostgreSQL they become ingest jobs for the workers.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { InputFailure, RawDocument } from '../core/raw-document.js';
import { createIngestContext, type IngestContext } from '../ingest/context.js';
import { isInputFailure, type IngestOptions } from '../ingest/index.js';
import type { SqlDriver } from '../store/driver.js';
import { addFeeds, listFeeds, markItemsSeen, savePoll, unseenItems, type FeedState } from './feed-state.js';
import { pollFeed } from './poll.js';

/** Seconds between two polls of a healthy feed, unless `--interval` says otherwise. */
export const DEFAULT_INTERVAL_S = 300;
/** Longest pause before retrying a failing feed, unless `--max-backoff` says otherwise. */
export const DEFAULT_MAX_BACKOFF_S = 6 * 3600;
/** Longest the watcher sleeps at once, so an abort or a newly due feed is noticed. */
const MAX_SLEEP_MS = 5_000;

/** Where new items go: stored and analysed here (SQLite) or queued for workers (PostgreSQL). */
export interface ItemSink {
  /** Hands on the documents of one feed's new items; resolves once they are stored or queued. */
  take(feed: string, documents: RawDocument[], failures: InputFailure[]): Promise<{ added: number }>;
  /** Called after a round of polls that handed items on (SQLite: analyse). */
  afterRound?(): Promise<void>;
}

export interface WatchOptions {
  intervalSeconds?: number;
  maxBackoffSeconds?: number;
  ingest?: IngestOptions;
  onEvent?: (event: WatchEvent) => void;
}

export type WatchEvent =
  | { type: 'not-modified'; feed: string }
  | { type: 'polled'; feed: string; items: number; fresh: number; added: number }
  | { type: 'failed'; feed: string; ruleId: string; reason: string; failures: number; retryAt: string };

/** Seconds until the next poll of a feed that failed `failures` times in a row: interval × 2^(failures−1), capped. */
export function backoffSeconds(failures: number, intervalSeconds: number, maxBackoffSeconds: number): number {
  if (failures <= 0) return intervalSeconds;
  return Math.min(maxBackoffSeconds, intervalSeconds * 2 ** Math.min(failures - 1, 30));
}

/** Polls the watched feeds on one store; `pollDue` runs one round, `run` loops until aborted. */
export class FeedWatcher {
  private readonly ctx: IngestContext;
  private readonly interval: number;
  private readonly maxBackoff: number;

  constructor(
    private readonly driver: SqlDriver,
    private readonly sink: ItemSink,
    private readonly options: WatchOptions = {},
  ) {
    // One context for the watcher's life: its host scheduler keeps requests to one host apart across feeds and rounds.
    this.ctx = createIngestContext(options.ingest);
    this.interval = options.intervalSeconds ?? DEFAULT_INTERVAL_S;
    this.maxBackoff = Math.max(this.interval, options.maxBackoffSeconds ?? DEFAULT_MAX_BACKOFF_S);
  }

  /** Starts watching `urls` (already watched ones keep their state). */
  add(urls: readonly string[], now = new Date()): Promise<void> {
    return addFeeds(this.driver, urls, now);
  }

  /** Polls every watched feed due at `now` (of `only`, when given) once; resolves to the number of items handed on. */
  async pollDue(now = new Date(), only?: ReadonlySet<string>): Promise<number> {
    const due = (await listFeeds(this.driver)).filter((f) => Date.parse(f.nextPollAt) <= now.getTime() && (!only || only.has(f.url)));
    let handed = 0;
    for (const feed of due) handed += await this.pollOne(feed, now);
    if (handed) await this.sink.afterRound?.();
    return handed;
  }

  /** Polls due feeds until `signal` aborts, sleeping until the next one is due. */
  async run(signal: AbortSignal, only?: ReadonlySet<string>): Promise<void> {
    while (!signal.aborted) {
      await this.pollDue(new Date(), only);
      const feeds = (await listFeeds(this.driver)).filter((f) => !only || only.has(f.url));
      const next = Math.min(...feeds.map((f) => Date.parse(f.nextPollAt)));
      const wait = Math.max(100, Math.min(MAX_SLEEP_MS, (Number.isFinite(next) ? next : Date.now() + MAX_SLEEP_MS) - Date.now()));
      await sleep(wait, signal);
    }
  }

  private async pollOne(feed: FeedState, now: Date): Promise<number> {
    const outcome = await pollFeed(feed, this.ctx, (keys) => unseenItems(this.driver, feed.url, keys));
    const at = now.toISOString();
    const next = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();
    if (outcome.kind === 'failed') {
      const failures = feed.failures + 1;
      const retryAt = next(backoffSeconds(failures, this.interval, this.maxBackoff));
      await savePoll(this.driver, { ...feed, lastPollAt: at, nextPollAt: retryAt, failures, lastError: `${outcome.reason} [${outcome.ruleId}]`, lastNewItems: 0 });
      this.options.onEvent?.({ type: 'failed', feed: feed.url, ruleId: outcome.ruleId, reason: outcome.reason, failures, retryAt });
      return 0;
    }
    if (outcome.kind === 'not-modified') {
      await savePoll(this.driver, { ...feed, lastPollAt: at, nextPollAt: next(this.interval), failures: 0, lastError: null, lastNewItems: 0 });
      this.options.onEvent?.({ type: 'not-modified', feed: feed.url });
      return 0;
    }
    const documents = outcome.documents.filter((d): d is RawDocument => !isInputFailure(d));
    const failures = outcome.documents.filter((d): d is InputFailure => isInputFailure(d) && d.severity !== 'warning');
    const { added } = await this.sink.take(feed.url, documents, failures);
    // Marked only once stored or queued: a watcher killed before this polls the items again, and the store's keys fold them.
    await markItemsSeen(this.driver, feed.url, outcome.freshKeys, now);
    await savePoll(this.driver, {
      ...feed,
      etag: outcome.etag,
      lastModified: outcome.lastModified,
      lastPollAt: at,
      nextPollAt: next(this.interval),
      failures: 0,
      lastError: null,
      lastNewItems: outcome.freshKeys.length,
      totalItems: feed.totalItems + outcome.freshKeys.length,
    });
    this.options.onEvent?.({ type: 'polled', feed: feed.url, items: outcome.items, fresh: outcome.freshKeys.length, added });
    return documents.length;
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return delay(ms, undefined, { signal }).catch(() => undefined);
}
