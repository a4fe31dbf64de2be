/** `triangulate watch FEED... | --opml FILE`: polls feeds and hands new items on until SIGTERM or SIGINT (or one round with --once). */
import { readFile } from 'node:fs/promises';
import { PER_HOST_DELAY_MS } from '../../ingest/limits.js';
import { termSafe } from '../../report/escape.js';
import { openSqlDriver } from '../../store/index.js';
import { feedsFromOpml } from '../../watch/opml.js';
import { queueSink, storeSink } from '../../watch/sinks.js';
import { FeedWatcher, type WatchEvent } from '../../watch/watch.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { toIngestOptions, withStore, type InputFlags } from './shared.js';

export interface WatchFlags extends InputFlags {
  db?: string;
  opml?: string;
  interval?: number;
  maxBackoff?: number;
  once?: boolean;
}

export async function runWatch(feeds: string[], flags: WatchFlags, out: Output): Promise<number> {
  const urls = [...feeds];
  if (flags.opml) {
    try {
      urls.push(...feedsFromOpml(await readFile(flags.opml, 'utf8'), flags.opml).filter((u) => !urls.includes(u)));
    } catch (error) {
      out.error(`watch: ${termSafe((error as Error).message)}`);
      return EXIT.USAGE;
    }
  }
  const bad = urls.filter((u) => !/^https?:\/\//i.test(u));
  if (bad.length || !urls.length) {
    out.error(bad.length ? `watch: feeds must be http(s) URLs: ${bad.map(termSafe).join(', ')}` : 'watch: give feed URLs or --opml FILE');
    return EXIT.USAGE;
  }
  return withStore(flags.db, async (store, location) => {
    const driver = await openSqlDriver(location);
    const queue = store.kind === 'postgres' ? await (await import('../../queue/queue.js')).JobQueue.open(location) : undefined;
    try {
      const sink = queue
        ? queueSink(queue, store)
        : storeSink(store, (r) => out.info(`analyze: ${r.reanalysed} new article(s) analysed; ${r.stories} stories, ${r.realigned} aligned again`));
      const ingest = toIngestOptions(flags);
      // On PostgreSQL the feed polls share the workers' per-host politeness, so a host is not hit by both at once.
      if (queue) ingest.scheduler = queue.politeness(ingest.perHostDelayMs ?? PER_HOST_DELAY_MS);
      const watcher = new FeedWatcher(driver, sink, { intervalSeconds: flags.interval, maxBackoffSeconds: flags.maxBackoff, ingest, onEvent: (e) => show(out, e) });
      await watcher.add(urls);
      out.info(`watch: ${urls.length} feed(s) on ${store.location}; new items ${queue ? 'go to the workers' : 'are stored and analysed here'}`);
      const only = new Set(urls);
      if (flags.once) {
        await watcher.pollDue(new Date(), only);
        return EXIT.OK;
      }
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
      try {
        await watcher.run(stop.signal, only);
      } finally {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
      }
      return EXIT.OK;
    } finally {
      await queue?.close();
      await driver.close();
    }
  });
}

function show(out: Output, event: WatchEvent): void {
  const feed = termSafe(event.feed);
  if (event.type === 'failed') out.error(`✗ ${feed}: ${termSafe(event.reason)} [${event.ruleId}]; ${event.failures} failure(s) in a row, next try ${event.retryAt}`);
  else if (event.type === 'not-modified') out.detail(`= ${feed}: not modified`);
  else out.info(`${feed}: ${event.fresh} new of ${event.items} item(s), ${event.added} ${event.added === 1 ? 'article' : 'articles'} handed on`);
}
