/** Test helper: a PostgreSQL URL on a schema of its own, dropped afterwards, so parallel test runs never collide. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server tests use: `PG_URL`, else the machine's PostgreSQL (127.0.0.1:5432, database `test`, trust auth). */
export const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Schemas handed out by this process, dropped by `dropTestSchemas`. */
const made = new Set<string>();

/** A URL on a fresh, uniquely named schema (created on first open); `prefix` helps tell a leftover's origin. */
export function testSchemaUrl(prefix = 't'): string {
  const schema = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  made.add(schema);
  const url = new URL(PG_URL);
  url.searchParams.set('schema', schema);
  return url.toString();
}

/** Drops every schema this process handed out, with whatever the store or the queue put in it. */
export async function dropTestSchemas(): Promise<void> {
  if (!made.size) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    for (const schema of made) {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
    }
    made.clear();
  } finally {
    await client.end();
  }
}

/** Runs one statement on the test server outside any store (to look at what a test left behind). */
export async function pgQuery<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
