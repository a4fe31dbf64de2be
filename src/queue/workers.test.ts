/**
 * Issue 11: worker processes on PostgreSQL give the analysis one SQLite process gives; three at once store nothing
 * twice and lose no job; a worker killed with SIGKILL mid-job loses nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-helpers.js';
import { startScript, type StartedScript } from '../../test/cli-process.js';
import { dropTestSchemas, PG_URL, pgQuery, testSchemaUrl } from '../store/postgres/test-schema.js';
import { JobQueue } from './queue.js';
import { storyLockKey } from './worker.js';
import { scopedLockKey } from '../store/postgres/driver.js';
import { parsePostgresUrl } from '../store/postgres/url.js';

const SEEDS = resolve(__dirname, '../../../shared/seeds');
const EXAMPLES = resolve(__dirname, '../../examples/corpus');
const dir = mkdtempSync(join(tmpdir(), 'triangulate-workers-'));
let sqliteSeeds: Export;
let sqliteBoth: Export;

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropTestSchemas();
});

interface Export {
  articles: { id: string; source: { path?: string } }[];
  stories: { id: string; articles: string[] }[];
  links: { from: string; to: string; kind: string }[];
  claims: { id: string }[];
  entities: { id: string }[];
  propositions: { id: string }[];
}

/** What must not depend on which process did the work, or in what order articles arrived: ids and propositions. */
function comparable(doc: Export) {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  return {
    articles: doc.articles.map((a) => a.id).sort(),
    stories: byId(doc.stories).map((s) => ({ id: s.id, articles: [...s.articles].sort() })),
    links: doc.links.map((l) => `${l.from}>${l.to}:${l.kind}`).sort(),
    claims: byId(doc.claims),
    entities: byId(doc.entities),
    propositions: byId(doc.propositions),
  };
}

async function sqliteExport(name: string, ...inputs: string[]): Promise<Export> {
  const out = join(dir, `${name}.json`);
  const run = await runCli('analyze', ...inputs, '--db', join(dir, `${name}.db`), '--json', out, '--quiet');
  expect(run.code).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8'));
}

/** Starts `n` worker processes and resolves once all have registered (a worker alive is what `--wait` expects). */
async function startWorkers(url: string, n: number, env: NodeJS.ProcessEnv = {}, registered = n): Promise<StartedScript[]> {
  const workers = Array.from({ length: n }, () => startScript('test/cli-entry.ts', ['worker', '--db', url], { env }));
  const schema = schemaOf(url);
  for (let i = 0; i < 6000; i++) {
    const rows = await query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${schema}.workers`).catch(() => [{ n: '0' }]);
    if (Number(rows[0].n) >= registered) return workers;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${n} workers did not start`);
}

async function stopWorkers(workers: StartedScript[]): Promise<void> {
  for (const w of workers) w.child.kill('SIGTERM');
  const results = await Promise.all(workers.map((w) => w.result));
  for (const r of results) {
    expect(r.stderr).not.toMatch(/✗|Error/);
    expect(r.code).toBe(0);
  }
}

/** Waits until some worker of the schema holds a job of `kind`; resolves to that job's id. */
async function heldJob(schema: string, kind: string): Promise<string> {
  const pattern = new RegExp(`${kind} ([0-9a-f-]{36})`);
  for (let i = 0; i < 2400; i++) {
    const rows = await query<{ current_job: string | null }>(`SELECT current_job FROM ${schema}.workers`).catch(() => []);
    const held = rows.map((r) => pattern.exec(r.current_job ?? '')?.[1]).find(Boolean);
    if (held) return held;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no worker took a ${kind} job`);
}

const query = pgQuery;

/** Holds the story locks of `stories` in a session of its own, as a story's running update would: its jobs wait on them. */
async function holdStoryLocks(url: string, stories: readonly string[]) {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  for (const story of stories) await client.query('SELECT pg_advisory_lock(hashtext($1))', [scopedLockKey(parsePostgresUrl(url).schema, storyLockKey(story))]);
  return {
    release: async (story: string) => void (await client.query('SELECT pg_advisory_unlock(hashtext($1))', [scopedLockKey(parsePostgresUrl(url).schema, storyLockKey(story))])),
    end: () => client.end(),
  };
}

interface StoryJob {
  id: string;
  story: string;
  state: string;
  started_on: Date | null;
  completed_on: Date | null;
}

/** The story jobs of a schema's queue, with when each started and ended (pg-boss's own record). */
function storyJobs(schema: string): Promise<StoryJob[]> {
  return query<StoryJob>(`SELECT id, singleton_key AS story, state, started_on, completed_on FROM ${schema}_jobs.job WHERE name = 'update-story' ORDER BY started_on`);
}

/** Polls until `check` holds (a state to wait for, not a time to sleep); fails naming `what` after a generous bound. */
async function waitFor<T>(what: string, read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 4800; i++) {
    const value = await read();
    if (check(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const schemaOf = (url: string) => new URL(url).searchParams.get('schema')!;

beforeAll(async () => {
  sqliteSeeds = await sqliteExport('seeds', SEEDS);
  sqliteBoth = await sqliteExport('both', EXAMPLES, SEEDS);
}, 300_000);

describe('workers on PostgreSQL', () => {
  it('`analyze ../shared/seeds --db postgres://… --wait` gives the export SQLite gives (ids and propositions equal)', async () => {
    const url = testSchemaUrl('seeds');
    const workers = await startWorkers(url, 1);
    try {
      const out = join(dir, 'pg-seeds.json');
      const run = await runCli('analyze', SEEDS, '--db', url, '--wait', '--json', out, '--quiet');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(comparable(JSON.parse(readFileSync(out, 'utf8')))).toEqual(comparable(sqliteSeeds));
      // show and export read the PostgreSQL store as they read SQLite.
      const exported = await runCli('export', '--db', url);
      expect(exported.code).toBe(0);
      expect(comparable(JSON.parse(exported.stdout))).toEqual(comparable(sqliteSeeds));
      const stories = await runCli('show', 'stories', '--db', url);
      expect(stories.stdout).toContain(sqliteSeeds.stories[0].id);
    } finally {
      await stopWorkers(workers);
    }
  }, 600_000);

  it('three workers ingesting the same inputs twice at once store each article once, lose no job, and match one process', async () => {
    const url = testSchemaUrl('three');
    const workers = await startWorkers(url, 3);
    try {
      // Two senders at once with the same inputs: every article arrives (at least) twice.
      const sends = await Promise.all([runCli('ingest', EXAMPLES, SEEDS, '--db', url, '--quiet'), runCli('ingest', SEEDS, EXAMPLES, '--db', url, '--quiet')]);
      for (const s of sends) expect(s.code).toBe(0);
      const out = join(dir, 'pg-three.json');
      const run = await runCli('analyze', '--db', url, '--wait', '--json', out, '--quiet');
      expect(run.stderr).toBe('');
      const doc: Export = JSON.parse(readFileSync(out, 'utf8'));
      expect(doc.articles).toHaveLength(sqliteBoth.articles.length);
      expect(comparable(doc)).toEqual(comparable(sqliteBoth));
      const schema = schemaOf(url);
      const [{ n }] = await query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${schema}.articles`);
      expect(Number(n)).toBe(sqliteBoth.articles.length);
      // No job lost or failed: nothing waiting, running or dead-lettered, and every worker took part.
      const states = await query<{ state: string; n: string }>(`SELECT state, COUNT(*) AS n FROM ${schema}_jobs.job GROUP BY state`);
      expect(states.filter((s) => s.state !== 'completed')).toEqual([]);
      const busy = await query<{ jobs_done: number }>(`SELECT jobs_done FROM ${schema}.workers`);
      expect(busy.filter((w) => w.jobs_done > 0).length).toBeGreaterThanOrEqual(2);
    } finally {
      await stopWorkers(workers);
    }
  }, 600_000);

  it('stories are updated in parallel by different workers, one job at a time per story, and give the export of one process', async () => {
    const url = testSchemaUrl('stories');
    const schema = schemaOf(url);
    const ids = sqliteBoth.stories.map((s) => s.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    // Every story's update waits on its lock, so the jobs stay running until released.
    const locks = await holdStoryLocks(url, ids);
    const workers = await startWorkers(url, 3);
    try {
      expect((await runCli('analyze', EXAMPLES, SEEDS, '--db', url, '--quiet')).code).toBe(0);
      // Two workers each hold a job of a different story at the same time.
      const running = await waitFor('two stories updated at once', () => storyJobs(schema), (jobs) => new Set(jobs.filter((j) => j.state === 'active').map((j) => j.story)).size >= 2);
      const [first] = running.filter((j) => j.state === 'active');
      // A second update of a story still being updated waits for the first, even with a worker free to take it.
      const queue = await JobQueue.open(url);
      const again = await queue.send('update-story', { story: first.story, run: 'again' }, first.story).finally(() => queue.close());
      expect(again).not.toBeNull();
      for (const story of ids.filter((id) => id !== first.story)) await locks.release(story);
      await waitFor('the other stories done', () => storyJobs(schema), (jobs) => jobs.every((j) => j.story === first.story || j.state === 'completed'));
      expect((await storyJobs(schema)).filter((j) => j.story === first.story).map((j) => j.state).sort()).toEqual(['active', 'created']);
      await locks.release(first.story);
      const out = join(dir, 'pg-stories.json');
      const run = await runCli('analyze', '--db', url, '--wait', '--json', out, '--quiet');
      expect(run.stderr).toBe('');
      expect(comparable(JSON.parse(readFileSync(out, 'utf8')))).toEqual(comparable(sqliteBoth));
      // pg-boss's record: jobs of one story never overlap; jobs of different stories did.
      const jobs = (await storyJobs(schema)).filter((j) => j.state === 'completed');
      expect(jobs.map((j) => j.id)).toContain(again);
      const overlap = (a: StoryJob, b: StoryJob) => a.started_on! < b.completed_on! && b.started_on! < a.completed_on!;
      const pairs = jobs.flatMap((a, i) => jobs.slice(i + 1).map((b) => [a, b] as const));
      expect(pairs.filter(([a, b]) => a.story === b.story && overlap(a, b))).toEqual([]);
      expect(pairs.some(([a, b]) => a.story !== b.story && overlap(a, b))).toBe(true);
      const [{ n }] = await query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${schema}.story_updates`);
      expect(Number(n)).toBe(0);
    } finally {
      await locks.end();
      await stopWorkers(workers);
    }
  }, 600_000);

  // Story updates wait on their locks until the victim is dead, so that it is killed holding a job of `kind`.
  it.each([
    ['a per-article analysis', 'analyze-article'],
    ['a story update', 'update-story'],
  ])('a worker killed with SIGKILL in %s loses nothing: the job comes back to another worker, no partial article, every story whole', async (_, kind) => {
    const url = testSchemaUrl('kill');
    // Jobs of a dead worker expire after 3 s (instead of minutes) and go back to the queue.
    const env = { TRIANGULATE_JOB_EXPIRE_SECONDS: '3' };
    process.env.TRIANGULATE_JOB_EXPIRE_SECONDS = '3';
    const schema = schemaOf(url);
    const ids = sqliteSeeds.stories.map((s) => s.id);
    const locks = await holdStoryLocks(url, ids);
    let [victim] = await startWorkers(url, 1, env);
    let rescuer: StartedScript[] = [];
    try {
      expect((await runCli('analyze', SEEDS, '--db', url, '--quiet')).code).toBe(0);
      const jobId = await heldJob(schema, kind);
      victim.child.kill('SIGKILL');
      expect((await victim.result).code).toBe(-1);
      for (const story of ids) await locks.release(story);
      rescuer = await startWorkers(url, 1, env, 2);
      const out = join(dir, `pg-kill-${kind}.json`);
      const run = await runCli('analyze', '--db', url, '--wait', '--json', out, '--quiet');
      expect(run.stderr).toBe('');
      expect(comparable(JSON.parse(readFileSync(out, 'utf8')))).toEqual(comparable(sqliteSeeds));
      // The killed job was retried (its try count went up) and completed.
      const [job] = await query<{ state: string; retry_count: number }>(`SELECT state, retry_count FROM ${schema}_jobs.job WHERE id = $1`, [jobId]);
      expect(job).toMatchObject({ state: 'completed' });
      expect(job.retry_count).toBeGreaterThanOrEqual(1);
      const [{ n }] = await query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${schema}.articles WHERE stages_json IS NULL`);
      expect(Number(n)).toBe(0);
      const [{ pending }] = await query<{ pending: string }>(`SELECT COUNT(*) AS pending FROM ${schema}.story_updates`);
      expect(Number(pending)).toBe(0);
    } finally {
      delete process.env.TRIANGULATE_JOB_EXPIRE_SECONDS;
      victim = undefined as never;
      await locks.end();
      await stopWorkers(rescuer);
    }
  }, 600_000);

  it('SIGTERM lets a worker finish the job it holds, then it exits cleanly and is marked stopped', async () => {
    const url = testSchemaUrl('term');
    const schema = schemaOf(url);
    const [worker] = await startWorkers(url, 1);
    const sent = await runCli('analyze', SEEDS, '--db', url, '--quiet');
    expect(sent.code).toBe(0);
    const jobId = await heldJob(schema, 'analyze-article');
    worker.child.kill('SIGTERM');
    const result = await worker.result;
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/stopped/);
    const [job] = await query<{ state: string }>(`SELECT state FROM ${schema}_jobs.job WHERE id = $1`, [jobId]);
    expect(job.state).toBe('completed');
    const rows = await query<{ stopped_at: string | null }>(`SELECT stopped_at FROM ${schema}.workers`);
    expect(rows.every((r) => r.stopped_at)).toBe(true);
  }, 600_000);
});
