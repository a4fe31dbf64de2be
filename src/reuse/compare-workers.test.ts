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

  it('gives each pair the link this thread gives it, in the order asked, whichever thread took the chunk', async () => {
    const profiles = new Map(articles.map((a) => [a.id, profileArticle(a)]));
    const expected = pairs.map(([a, b]) => linkPair(profiles.get(a)!, profiles.get(b)!, 0.35));
    expect(expected.filter(Boolean).length).toBeGreaterThan(0);
    const halves = [pairs.slice(0, 5), pairs.slice(5)];
    const answers = await Promise.all(halves.map((chunk) => pool.compare({ pairs: chunk, articles, threshold: 0.35 })));
    expect(answers.flat()).toEqual(expected);
  });

  it('fails a chunk it cannot compare with the reason, and goes on with the next', async () => {
    await expect(pool.compare({ pairs: [['000', 'missing']], articles, threshold: 0.35 })).rejects.toThrow();
    expect(await pool.compare({ pairs: pairs.slice(0, 1), articles, threshold: 0.35 })).toHaveLength(1);
  });
});
