/** Issue 9 rows 4–9: the store refuses what is not its own and never creates or changes a database it should only read. */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { makeArticle } from '../../core/article.js';
import { NOBODY, runScript } from '../../../test/cli-process.js';
import { openStore, resolveDbLocation } from '../index.js';
import { MIGRATIONS } from '../migrations.js';
import { APPLICATION_ID } from './driver.js';

const dir = mkdtempSync(join(tmpdir(), 'triangulate-refuse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LATEST = MIGRATIONS.at(-1)!.version;
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('store: refuses what is not its own', () => {
  it('row 4: an empty --db or TRIANGULATE_DB is refused instead of meaning a temporary database', () => {
    expect(() => resolveDbLocation('')).toThrow(/--db is empty.*\[store:empty-path\]/);
    expect(() => resolveDbLocation(undefined, { TRIANGULATE_DB: '' })).toThrow(/TRIANGULATE_DB is set but empty/);
    expect(() => resolveDbLocation(' ', {})).toThrow(/store:empty-path/);
    expect(resolveDbLocation(undefined, { TRIANGULATE_DB: 'x.db' })).toBe('x.db');
  });

  it('row 5: opening for reading never creates a database, and says the path does not exist', async () => {
    const path = join(dir, 'missing', 'typo.db');
    await expect(openStore(path, { readOnly: true })).rejects.toThrow(/typo\.db.*no database at this path.*\[store:not-found\]/);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('row 6: a database from a newer schema is refused with both versions named, and left unchanged', async () => {
    const path = join(dir, 'newer.db');
    const store = await openStore(path);
    await store.addArticle(makeArticle({ text: 'written by this version' }));
    await store.close();
    const raw = new Database(path);
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(LATEST + 7, 'from-the-future', 'x');
    raw.close();
    const before = digest(path);
    const message = new RegExp(`schema version ${LATEST + 7}; this one knows versions up to ${LATEST}.*\\[store:newer-schema\\]`);
    await expect(openStore(path)).rejects.toThrow(message);
    await expect(openStore(path, { readOnly: true })).rejects.toThrow(message);
    expect(digest(path)).toBe(before);
  });

  it("row 7: another program's SQLite file is refused untouched: no table added, no mark written", async () => {
    const path = join(dir, 'other-app.db');
    const raw = new Database(path);
    raw.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('ada')");
    raw.close();
    const before = digest(path);
    await expect(openStore(path)).rejects.toThrow(/another program's SQLite database \(application_id 0, tables users\).*\[store:foreign\]/);
    await expect(openStore(path, { readOnly: true })).rejects.toThrow(/store:foreign/);
    expect(digest(path)).toBe(before);
    const after = new Database(path, { readonly: true });
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['users']);
    after.close();
  });

  it('row 7: a file that is not SQLite at all is refused untouched', async () => {
    const path = join(dir, 'notes.db');
    writeFileSync(path, 'my notes, not a database\n'.repeat(200));
    const before = digest(path);
    await expect(openStore(path)).rejects.toThrow(/is not a SQLite database.*\[store:foreign\]/);
    expect(digest(path)).toBe(before);
  });

  it('marks new databases, and accepts and marks an unmarked database made by an earlier Triangulate', async () => {
    const fresh = join(dir, 'fresh.db');
    await (await openStore(fresh)).close();
    const check = (path: string) => {
      const raw = new Database(path, { readonly: true });
      const id = raw.pragma('application_id', { simple: true });
      raw.close();
      return id;
    };
    expect(check(fresh)).toBe(APPLICATION_ID);
    // An earlier release left its tables and migrations but no mark.
    const real = join(dir, 'legacy-real.db');
    const v = new Database(real);
    v.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of MIGRATIONS) {
      for (const statement of m.statements) v.exec(statement);
      v.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 'then');
    }
    v.close();
    const opened = await openStore(real);
    expect(await opened.schemaVersion()).toBe(LATEST);
    await opened.close();
    expect(check(real)).toBe(APPLICATION_ID);
  });

  it('row 8: show and export read a read-only database file (in a read-only folder) without writing to it', async () => {
    const folder = join(dir, 'ro');
    mkdirSync(folder);
    const path = join(folder, 'archive.db');
    const store = await openStore(path);
    await store.addArticle(makeArticle({ text: 'an archived article', meta: { title: 'Archived' } }));
    await store.close();
    const before = digest(path);
    chmodSync(path, 0o444);
    chmodSync(folder, 0o555);
    chmodSync(dir, 0o755);
    try {
      // As root, permissions are not enforced; the CLI then runs as an unprivileged user.
      const show = await runScript('test/cli-entry.ts', ['export', '--format', 'json', '--db', path], { user: NOBODY });
      expect(show.stderr).toBe('');
      expect(show.code).toBe(0);
      expect(JSON.parse(show.stdout).articles[0].title).toBe('Archived');
      const ingest = await runScript('test/cli-entry.ts', ['ingest', '-', '--db', path], { user: NOBODY, stdin: 'Some text\n' });
      expect(ingest.code).toBe(3);
      expect(ingest.stderr).toMatch(/archive\.db.*read-only.*\[store:read-only\]/);
      expect(digest(path)).toBe(before);
    } finally {
      chmodSync(folder, 0o755);
      chmodSync(path, 0o644);
    }
  });

  it('row 9: processes opening a brand-new database at the same moment all succeed and migrate it once', async () => {
    for (let round = 0; round < 3; round++) {
      const path = join(dir, `race-${round}.db`);
      const startAt = String(Date.now() + 3000);
      const runs = await Promise.all([0, 1, 2, 3].map(() => runScript('test/open-store-at.ts', [path, startAt])));
      for (const run of runs) {
        expect(run.stderr).toBe('');
        expect(run.stdout.trim()).toBe(String(LATEST));
      }
      const raw = new Database(path, { readonly: true });
      expect(raw.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
      raw.close();
    }
  }, 60_000);
});
