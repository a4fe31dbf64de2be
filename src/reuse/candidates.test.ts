import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article.js';
import { generateRecords, loadStories } from '../../scripts/gen-stories-corpus.js';
import { findCandidatePairsOf, indexKeysOf, MAX_ANCHOR_CANDIDATES, MAX_COPY_CANDIDATES } from './candidates.js';
import { profileArticle } from './profile.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('candidate retrieval for a few new articles', () => {
  // Generated stories with planted copies, partial copies and mixes: every signal (LSH, shingles, anchors) proposes pairs.
  const records = generateRecords(loadStories(path.resolve(here, '../../../shared/data')), 400, 7);
  const keys = records.map((r, i) => indexKeysOf(profileArticle(makeArticle({ id: String(i), text: r.text }))));

  it('finds by scanning the stored keys the same pairs, with the same signals, as the index over all articles', () => {
    for (const asked of [[0], [3, 150, 399], [10, 11, 12, 13, 14, 15, 16, 17], keys.map((_, i) => i)]) {
      const scanned = findCandidatePairsOf(keys, asked, 'scan');
      expect(scanned).toEqual(findCandidatePairsOf(keys, asked, 'index'));
      expect(scanned.length).toBeGreaterThan(0);
    }
    const signals = new Set(findCandidatePairsOf(keys, Array.from({ length: 40 }, (_, i) => i), 'scan').flatMap((p) => p.signals));
    expect([...signals].sort()).toEqual(['anchors', 'lsh', 'shingles']);
  });
});

describe('candidate retrieval for a text reposted many times', () => {
  const records = generateRecords(loadStories(path.resolve(here, '../../../shared/data')), 60, 11);
  // The same text 40 times, each copy with its own last line (as outlets sign them), among other articles.
  const copies = Array.from({ length: 40 }, (_, i) => `${records[0].text}\n\nFiled by desk ${i}.`);
  const texts = [...records.slice(1, 30).map((r) => r.text), ...copies, ...records.slice(30).map((r) => r.text)];
  const keys = texts.map((t, i) => indexKeysOf(profileArticle(makeArticle({ id: String(i), text: t }))));
  const copyAt = (n: number) => 29 + n;

  it('compares each copy with a bounded number of earlier copies, not with every other copy', () => {
    const pairs = findCandidatePairsOf(keys, keys.map((_, i) => i), 'index');
    const withCopy = (n: number) => pairs.filter((p) => p.a === copyAt(n) || p.b === copyAt(n));
    const laterCopy = withCopy(39).filter((p) => p.a >= copyAt(0) && p.b <= copyAt(39));
    expect(laterCopy.length).toBeLessThanOrEqual(MAX_COPY_CANDIDATES + 10);
    expect(laterCopy.length).toBeGreaterThan(0);
    // Every copy is still tied to an earlier one, so the copies form one origin group.
    for (let n = 1; n < 40; n++) expect(pairs.some((p) => p.b === copyAt(n) && p.a >= copyAt(0) && p.a < copyAt(n))).toBe(true);
    // Each pair is proposed by its later article, within its bounds: far fewer than the 780 pairs of 40 copies.
    for (let n = 0; n < 40; n++) expect(pairs.filter((p) => p.b === copyAt(n)).length).toBeLessThanOrEqual(MAX_COPY_CANDIDATES + MAX_ANCHOR_CANDIDATES);
    const within = pairs.filter((p) => p.a >= copyAt(0) && p.b <= copyAt(39));
    expect(within.length).toBeLessThan(780);
  });

  it('proposes the same pairs when the copies arrive in later runs as when all arrive at once', () => {
    const all = findCandidatePairsOf(keys, keys.map((_, i) => i), 'index');
    // A later run asks only for its new articles (the last 20), scanning the stored keys.
    const asked = keys.map((_, i) => i).slice(keys.length - 20);
    const involved = (ps: typeof all) => ps.filter((p) => asked.includes(p.a) || asked.includes(p.b)).map((p) => `${p.a}:${p.b}`);
    expect(involved(findCandidatePairsOf(keys, asked, 'scan'))).toEqual(involved(all));
    // A stored article asked again (its text changed) keeps the later copies that chose it.
    const again = [copyAt(3)];
    expect(involved(findCandidatePairsOf(keys, again, 'scan')).length).toBeGreaterThan(0);
    expect(findCandidatePairsOf(keys, again, 'scan').map((p) => `${p.a}:${p.b}`)).toEqual(
      all.filter((p) => p.a === copyAt(3) || p.b === copyAt(3)).map((p) => `${p.a}:${p.b}`),
    );
  });
});
