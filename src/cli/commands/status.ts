/** `triangulate status`: feeds, queue depth per job kind, workers alive, failures. */
import { termSafe, jsonSafe } from '../../report/escape.js';
import { openSqlDriver, resolveDbLocation } from '../../store/index.js';
import { listFeeds } from '../../watch/feed-state.js';
import { listWorkers } from '../../queue/worker-registry.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { withStore } from './shared.js';

export async function runStatus(flags: { db?: string; json?: boolean }, out: Output): Promise<number> {
  const location = resolveDbLocation(flags.db);
  return withStore(
    flags.db,
    async (store) => {
      const driver = await openSqlDriver(location, { readOnly: true });
      try {
        const feeds = await listFeeds(driver).catch(() => []);
        const workers = await listWorkers(driver).catch(() => []);
        let queue: Awaited<ReturnType<typeof readQueue>> | undefined;
        if (store.kind === 'postgres') queue = await readQueue(location);
        const inputFailures = (await store.listFailures()).length;
        const status = { store: store.location, articles: await store.countArticles(), feeds, queue: queue?.depth, workers, failedJobs: queue?.failed, inputFailures };
        if (flags.json) {
          out.print(`${jsonSafe(status)}\n`);
          return EXIT.OK;
        }
        out.print(renderStatus(status));
        return EXIT.OK;
      } finally {
        await driver.close();
      }
    },
    { readOnly: true },
  );
}

async function readQueue(location: string) {
  const { JobQueue } = await import('../../queue/queue.js');
  const queue = await JobQueue.open(location);
  try {
    return { depth: await queue.depth(), failed: await queue.failed() };
  } finally {
    await queue.close();
  }
}

type Status = {
  store: string;
  articles: number;
  feeds: Awaited<ReturnType<typeof listFeeds>>;
  queue?: { kind: string; waiting: number; active: number; failed: number }[];
  workers: Awaited<ReturnType<typeof listWorkers>>;
  failedJobs?: { kind: string; key: string | null; reason: string; at: string }[];
  inputFailures: number;
};

function renderStatus(s: Status): string {
  const lines = [`store: ${termSafe(s.store)} · ${s.articles} article(s)`];
  lines.push(`feeds: ${s.feeds.length}`);
  for (const f of s.feeds) {
    const error = f.lastError ? ` · ${f.failures} failure(s) in a row: ${termSafe(f.lastError)}` : '';
    lines.push(`  ${termSafe(f.url)} · last poll ${f.lastPollAt ?? 'never'} · next ${f.nextPollAt} · ${f.lastNewItems} new last time, ${f.totalItems} in all${error}`);
  }
  if (s.queue) {
    lines.push('queue:');
    for (const q of s.queue) lines.push(`  ${q.kind}: ${q.waiting} waiting, ${q.active} running, ${q.failed} failed`);
  } else {
    lines.push('queue: none (SQLite store: ingest, analyze and watch run in one process)');
  }
  const alive = s.workers.filter((w) => w.alive);
  lines.push(`workers: ${alive.length} alive`);
  for (const w of alive) lines.push(`  ${w.id.slice(0, 8)} ${termSafe(w.host)} pid ${w.pid} · ${w.jobsDone} job(s) done · ${w.currentJob ? `running ${w.currentJob}` : 'idle'} · seen ${w.seenAt}`);
  if (s.failedJobs?.length) {
    lines.push(`failed jobs (dead-lettered after their retries): ${s.failedJobs.length}`);
    for (const j of s.failedJobs) lines.push(`  ${j.at} ${j.kind}${j.key ? ` ${termSafe(j.key)}` : ''}: ${termSafe(j.reason)}`);
  }
  lines.push(`input failures: ${s.inputFailures} (triangulate show failures)`);
  return `${lines.join('\n')}\n`;
}
