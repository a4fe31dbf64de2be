import { afterAll, describe, expect, it } from 'vitest';
import { makeArticle } from '../../core/article.js';
import { openStore } from '../index.js';
import { emptyAnalysis } from '../store.js';
import { runStoreTests } from '../store.contract.js';
import { toPostgresSql } from './driver.js';
import { dropTestSchemas, PG_URL, testSchemaUrl } from './test-schema.js';

afterAll(dropTestSchemas);

runStoreTests('postgres', () => openStore(testSchemaUrl('contract')));

describe('postgres store', () => {
  it('rewrites ? placeholders outside quotes, and REAL columns to double precision', () => {
    expect(toPostgresSql("SELECT a FROM t WHERE b = ? AND c = '?' AND d = ?")).toBe("SELECT a FROM t WHERE b = $1 AND c = '?' AND d = $2");
    expect(toPostgresSql('CREATE TABLE x (score REAL NOT NULL)')).toBe('CREATE TABLE x (score DOUBLE PRECISION NOT NULL)');
  });

  it('keeps scores exactly as SQLite does (no 4-byte REAL rounding)', async () => {
    const url = testSchemaUrl('real');
    const store = await openStore(url);
    const analysis = emptyAnalysis();
    analysis.links = [{ from: 'b', to: 'a', kind: 'copy', score: 0.123456789012345, direction: 'inferred', passages: [], evidence: [] }];
    await store.saveAnalysis(analysis);
    await store.close();
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    const schema = new URL(url).searchParams.get('schema');
    const { rows } = await client.query(`SELECT score FROM ${schema}.links`);
    await client.end();
    expect(rows[0].score).toBe(0.123456789012345);
  });

  it('stores one article when many connections add the same text at once (no check-then-insert race)', async () => {
    const url = testSchemaUrl('race');
    const stores = await Promise.all([0, 1, 2, 3].map(() => openStore(url)));
    const text = 'The harbour reopened on Tuesday after the storm, the port authority said.';
    const results = await Promise.all(stores.flatMap((s) => [0, 1].map(() => s.addArticle(makeArticle({ text })))));
    expect(results.filter((r) => r.status === 'added')).toHaveLength(1);
    expect(await stores[0].countArticles()).toBe(1);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('opening for reading needs the tables to exist, and creates nothing', async () => {
    const url = testSchemaUrl('ro');
    await expect(openStore(url, { readOnly: true })).rejects.toThrow(/no Triangulate tables.*\*\*\*|no Triangulate tables.*\[store:not-found\]/);
  });

  it('names the server when it cannot connect, with the password masked', async () => {
    await expect(openStore('postgres://u:secret@127.0.0.1:1/test')).rejects.toThrow(/postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/test.*cannot be opened.*\[store:cannot-open\]/);
  });
});
