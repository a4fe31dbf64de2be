import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractDocument } from './extract.js';

// Seeds are read at run time from shared/ beside the repo; their text never enters the repo.
const here = path.dirname(fileURLToPath(import.meta.url));
const seedsDir = path.resolve(here, '../../../shared/seeds');
const annotations = JSON.parse(
  readFileSync(path.resolve(here, '../../test/fixtures/seeds-boilerplate/annotations.json'), 'utf8'),
) as Record<string, { drop: Array<{ line: number; sha1: string; reason: string }>; keepAll: boolean }>;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('boilerplate on the seed articles (annotated by hand, read from shared/seeds)', () => {
  for (const [file, annotation] of Object.entries(annotations)) {
    it(`seeds: ${file} drops exactly the annotated lines with their reasons`, () => {
      const body = readFileSync(path.join(seedsDir, file), 'utf8');
      const lines = body.split('\n');
      const article = extractDocument({ input: file, format: 'text', body, fetchedAt: '2024-10-25T00:00:00Z' });
      const dropped = article.data.dropped ?? [];
      const dropLines = new Set<number>();
      for (const d of annotation.drop) {
        const line = lines[d.line - 1].trim();
        expect(sha1(line), `line ${d.line} changed in the seed`).toBe(d.sha1);
        dropLines.add(d.line);
        const piece = dropped.find((p) => squash(p.text) === squash(line));
        expect(piece, `line ${d.line} should be dropped as ${d.reason}`).toBeDefined();
        expect(piece!.reason).toBe(d.reason);
        expect(squash(body.slice(piece!.start, piece!.end))).toBe(squash(line));
      }
      if (annotation.keepAll) {
        const text = squash(article.text);
        lines.forEach((raw, i) => {
          const line = squash(raw);
          if (!line || dropLines.has(i + 1) || line === article.meta.title) return;
          expect(text.includes(line), `line ${i + 1} must survive`).toBe(true);
        });
      }
      expect(dropped.length).toBe(annotation.drop.length);
    });
  }
});
