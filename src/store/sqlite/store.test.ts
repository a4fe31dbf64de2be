import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { makeArticle } from '../../core/article.js';
import { openStore } from '../index.js';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from '../migrations.js';
import { emptyAnalysis } from '../store.js';
import { openSqliteDriver } from './driver.js';
import { runStoreTests } from '../store.contract.js';

const dir = mkdtempSync(join(tmpdir(), 'triangulate-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

runStoreTests('sqlite :memory:', () => openStore(':memory:'));
runStoreTests('sqlite file', () => openStore(join(dir, `t${n++}`, 'db.sqlite')));

describe('sqlite store', () => {
  it('uses WAL journal mode and keeps data across reopen', async () => {
    const path = join(dir, 'reopen.db');
    const store = await openStore(path);
    await store.addArticle(makeArticle({ text: 'kept across reopen' }));
    await store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const again = await openStore(path);
    expect(await again.countArticles()).toBe(1);
    expect(await again.schemaVersion()).toBe(MIGRATIONS.at(-1)!.version);
    await again.close();
  });

  it('upgrades a database made by an older version without losing its articles', async () => {
    // Build a version-1 database through the bare driver, as an older release would have left it.
    const v1 = openSqliteDriver(join(dir, 'v1b.db'));
    await migrate(v1, MIGRATIONS.slice(0, 1));
    await v1.run(
      `INSERT INTO articles (id, url, text_hash, text, source_json, meta_json, layers_json, data_json, messages_json, seq, created_at, updated_at)
       VALUES ('a1', NULL, 'h', 'kept text', '{"fetchedAt":"x"}', '{}', '{}', '{}', '[]', 1, 'now', 'now')`,
    );
    await v1.close();
    const store = await openStore(join(dir, 'v1b.db'));
    expect(await store.schemaVersion()).toBe(MIGRATIONS.at(-1)!.version);
    expect((await store.getArticle('a1'))?.text).toBe('kept text');
    await store.close();
  });

  it('reads articles from a database an older version left, opened read-only (show, export), without upgrading it', async () => {
    const path = join(dir, 'v2-read.db');
    const v2 = openSqliteDriver(path);
    await migrate(v2, MIGRATIONS.slice(0, 2));
    await v2.run(
      `INSERT INTO articles (id, url, text_hash, text, source_json, meta_json, layers_json, data_json, messages_json, seq, created_at, updated_at)
       VALUES ('a2', NULL, 'h', 'older text', '{"fetchedAt":"x"}', '{}', '{}', '{}', '[]', 1, 'now', 'now')`,
    );
    await v2.close();
    const store = await openStore(path, { readOnly: true });
    expect((await store.listArticles()).map((a) => [a.text, a.analysed])).toEqual([['older text', undefined]]);
    expect(await store.schemaVersion()).toBe(2);
    await store.close();
  });

  it('gives stories back in the order they were saved, so a re-run lists them as the first run did', async () => {
    const store = await openStore(join(dir, 'story-order.db'));
    const story = (id: string) => ({ id, label: id, articles: [], origins: [] });
    await store.saveAnalysis({ ...emptyAnalysis(), stories: [story('story-z'), story('story-a'), story('story-m')] });
    expect((await store.loadAnalysis()).stories.map((s) => s.id)).toEqual(['story-z', 'story-a', 'story-m']);
    await store.close();
  });

});
