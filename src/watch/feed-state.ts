/** Polling state of each watched feed, kept in the store (`feeds`, `feed_items`), so a restarted watcher carries on. */
import type { SqlDriver } from '../store/driver.js';

export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  lastPollAt: string | null;
  nextPollAt: string;
  /** Failed polls in a row; 0 after a success. Drives the backoff. */
  failures: number;
  lastError: string | null;
  lastNewItems: number;
  totalItems: number;
}

interface FeedRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_poll_at: string | null;
  next_poll_at: string;
  failures: number;
  last_error: string | null;
  last_new_items: number;
  total_items: number;
}

const COLUMNS = 'url, etag, last_modified, last_poll_at, next_poll_at, failures, last_error, last_new_items, total_items';

/** Adds feeds not yet watched, due at once; feeds already known keep their state. */
export async function addFeeds(driver: SqlDriver, urls: readonly string[], now = new Date()): Promise<void> {
  for (const url of urls) {
    await driver.transaction(async (tx) => {
      const known = await tx.all('SELECT url FROM feeds WHERE url = ?', [url]);
      if (known.length) return;
      await tx.run(
        `INSERT INTO feeds (url, etag, last_modified, last_poll_at, next_poll_at, failures, last_error, last_new_items, total_items, added_at)
         VALUES (?, NULL, NULL, NULL, ?, 0, NULL, 0, 0, ?)`,
        [url, now.toISOString(), now.toISOString()],
      );
    });
  }
}

export async function getFeed(driver: SqlDriver, url: string): Promise<FeedState | undefined> {
  const rows = await driver.all<FeedRow>(`SELECT ${COLUMNS} FROM feeds WHERE url = ?`, [url]);
  return rows[0] ? toState(rows[0]) : undefined;
}

/** Every watched feed, soonest due first. */
export async function listFeeds(driver: SqlDriver): Promise<FeedState[]> {
  return (await driver.all<FeedRow>(`SELECT ${COLUMNS} FROM feeds ORDER BY next_poll_at, url`)).map(toState);
}

/** Stores the outcome of one poll. */
export async function savePoll(driver: SqlDriver, state: FeedState): Promise<void> {
  await driver.run(
    'UPDATE feeds SET etag = ?, last_modified = ?, last_poll_at = ?, next_poll_at = ?, failures = ?, last_error = ?, last_new_items = ?, total_items = ? WHERE url = ?',
    [state.etag, state.lastModified, state.lastPollAt, state.nextPollAt, state.failures, state.lastError, state.lastNewItems, state.totalItems, state.url],
  );
}

/** Of `keys`, those not yet handed on from this feed. */
export async function unseenItems(driver: SqlDriver, feed: string, keys: readonly string[]): Promise<Set<string>> {
  const fresh = new Set(keys);
  // Checked one by one on the primary key: a feed holds tens of items, and the table grows with every item ever seen.
  for (const key of keys) {
    const rows = await driver.all('SELECT item_key FROM feed_items WHERE feed_url = ? AND item_key = ?', [feed, key]);
    if (rows.length) fresh.delete(key);
  }
  return fresh;
}

/** Remembers items as handed on (stored, or queued for the workers), so later polls skip them. */
export async function markItemsSeen(driver: SqlDriver, feed: string, keys: readonly string[], now = new Date()): Promise<void> {
  if (!keys.length) return;
  await driver.transaction(async (tx) => {
    for (const key of keys) {
      const known = await tx.all('SELECT item_key FROM feed_items WHERE feed_url = ? AND item_key = ?', [feed, key]);
      if (!known.length) await tx.run('INSERT INTO feed_items (feed_url, item_key, seen_at) VALUES (?, ?, ?)', [feed, key, now.toISOString()]);
    }
  });
}

function toState(row: FeedRow): FeedState {
  return {
    url: row.url,
    etag: row.etag,
    lastModified: row.last_modified,
    lastPollAt: row.last_poll_at,
    nextPollAt: row.next_poll_at,
    failures: Number(row.failures),
    lastError: row.last_error,
    lastNewItems: Number(row.last_new_items),
    totalItems: Number(row.total_items),
  };
}
