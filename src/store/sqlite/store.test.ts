import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { makeArticle } from '../../core/article.js';
import { openStore } from '../index.js';
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
    expect(await again.schemaVersion()).toBe(1);
    await again.close();
  });

  it('refuses a PostgreSQL URL with a clear message instead of guessing', async () => {
    await expect(openStore('postgres://u:secret@127.0.0.1/test')).rejects.toThrow(/not available yet .*\*\*\*/);
  });
});
