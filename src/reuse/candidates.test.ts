import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article.js';
import { generateRecords, loadStories } from '../../scripts/gen-stories-corpus.js';
import { findCandidatePairsOf, indexKeysOf } from './candidates.js';
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
