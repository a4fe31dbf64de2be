import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article.js';
import { ComparePool } from './compare-workers.js';
import { linkPair } from './links.js';
import { profileArticle } from './profile.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const seedsDir = path.resolve(here, '../../../shared/seeds');

describe('candidate pairs compared in worker threads', () => {
  const articles = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => makeArticle({ id: f.slice(0, 3), text: readFileSync(path.join(seedsDir, f), 'utf8') }));
  const pairs = articles.flatMap((a, i) => articles.slice(i + 1).map((b) => [a.id, b.id] as [string, string]));
  const pool = new ComparePool(2);
  afterAll(() => pool.close());

  const byId = new Map(articles.map((a) => [a.id, a]));
  const read: string[][] = [];
  const load = async (ids: string[]) => (read.push(ids), ids.flatMap((id) => byId.get(id) ?? []));

  it('gives each pair the link this thread gives it, in the order asked, and reads an article once per thread that holds it', async () => {
    const profiles = new Map(articles.map((a) => [a.id, profileArticle(a)]));
    const expected = pairs.map(([a, b]) => linkPair(profiles.get(a)!, profiles.get(b)!, 0.35));
    expect(expected.filter(Boolean).length).toBeGreaterThan(0);
    const chunks = [pairs.slice(0, 5), pairs.slice(5), pairs.slice(0, 5)];
    const sent = [];
    for (const chunk of chunks) sent.push((await pool.send({ pairs: chunk, threshold: 0.35 }, load)).answer);
    expect((await Promise.all(sent)).flat()).toEqual([...expected, ...expected.slice(0, 5)]);
    // The three chunks went to one thread: the third named only articles it already held.
    expect(read[2]).toEqual([]);
    expect(new Set(read.flat()).size).toBe(read.flat().length);
  });

  it('fails a chunk it cannot compare with the reason, and answers the next from articles sent again', async () => {
    read.length = 0;
    const failed = (await pool.send({ pairs: [['000', 'missing']], threshold: 0.35 }, load)).answer;
    await expect(failed).rejects.toThrow(/missing/);
    const next = (await pool.send({ pairs: pairs.slice(0, 1), threshold: 0.35 }, load)).answer;
    expect(await next).toHaveLength(1);
    expect(read[1]).toEqual(pairs[0]);
  });

  it('sends nothing to a thread that is gone, and fails the chunk at once when none is left', async () => {
    const alone = new ComparePool(1);
    try {
      expect(await (await alone.send({ pairs: pairs.slice(0, 1), threshold: 0.35 }, load)).answer).toHaveLength(1);
      // What an out-of-memory exit does to the pool, done by hand.
      await (alone as unknown as { threads: { worker: { terminate(): Promise<number> } }[] }).threads[0].worker.terminate();
      await expect((await alone.send({ pairs: pairs.slice(0, 1), threshold: 0.35 }, load)).answer).rejects.toThrow(/no comparing thread/);
    } finally {
      await alone.close();
    }
  });
});
