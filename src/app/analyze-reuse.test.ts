/**
 * The regions a first streamed analysis works through one at a time, on the real SQLite store: stories that a kept
 * link ties together are one region, with every link of their members read from the store, and nothing else.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Story } from '../cluster/stories.js';
import type { ReuseLink } from '../reuse/types.js';
import { openStore } from '../store/index.js';
import { allRegions, FoundLinks } from './analyze-reuse.js';

const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-regions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const story = (id: string, articleIds: string[]): Story => ({ id, label: id, articleIds, origins: [], centroid: [] });
const link = (from: string, to: string): ReuseLink => ({ from, to, kind: 'copy', score: 0.9, direction: 'inferred', passages: [], evidence: [] });

describe('allRegions', () => {
  it('groups stories tied by kept links, in story order, each with its members\' kept links and no others', async () => {
    const store = await openStore(path.join(dir, 'regions.db'));
    try {
      const stories = [story('A', ['a1', 'a2']), story('B', ['b1']), story('C', ['c1', 'c2']), story('D', ['d1'])];
      // a2–c1 ties A and C; b1–x links B to an article no story holds; d1–c2 is stale (dropped by `keep`).
      await store.saveReusePairs([link('a1', 'a2'), link('c1', 'a2'), link('b1', 'x'), link('d1', 'c2'), link('c2', 'c1')]);
      const keep = (from: string, to: string) => !(from === 'd1' && to === 'c2');
      const regions: { stories: string[]; links: string[] }[] = [];
      for await (const r of allRegions(store, stories, keep)) regions.push({ stories: r.stories.map((s) => s.id), links: r.links.map((l) => `${l.from}>${l.to}`) });
      expect(regions).toEqual([
        { stories: ['A', 'C'], links: ['a1>a2', 'c1>a2', 'c2>c1'] },
        { stories: ['B'], links: ['b1>x'] },
        { stories: ['D'], links: [] },
      ]);
    } finally {
      await store.close();
    }
  });
});

describe('FoundLinks', () => {
  it("holds the pairs a comparison linked, and calls a changed article's other links stale", () => {
    const ids = ['a', 'b', 'c', 'd'];
    const found = new FoundLinks(ids, new Map(ids.map((id, i) => [id, i])), new Set(['b']));
    found.add({ from: 'b', to: 'a' });
    expect(found.has('b', 'a')).toBe(true);
    expect(found.has('a', 'b')).toBe(false);
    expect(found.stale('b', 'a')).toBe(false);
    // b was compared again and did not link to c this time; c–d involves no changed article.
    expect(found.stale('c', 'b')).toBe(true);
    expect(found.stale('c', 'd')).toBe(false);
    // An end the run does not know (an article no stage reads) is never found.
    expect(found.stale('b', 'zz')).toBe(true);
    expect(found.ends()).toEqual([{ from: 'b', to: 'a' }]);
  });
});
