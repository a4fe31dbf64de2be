import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractDocument } from './extract.js';

// Hand-made pages: each folder has source.html plus with.txt / without.txt snippet lists (one per line).
const here = path.dirname(fileURLToPath(import.meta.url));
const pagesDir = path.resolve(here, '../../test/fixtures/pages');

const lines = (file: string) =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : [];

describe('extract: hand-made pages keep the article and lose the furniture', () => {
  const slugs = readdirSync(pagesDir).filter((d) => existsSync(path.join(pagesDir, d, 'source.html')));
  it('pages: the fixture folder is not empty', () => expect(slugs.length).toBeGreaterThan(3));
  for (const slug of slugs) {
    it(`pages: ${slug}`, () => {
      const body = readFileSync(path.join(pagesDir, slug, 'source.html'), 'utf8');
      const article = extractDocument({ input: slug, url: `https://fixture.example/${slug}`, format: 'html', body, fetchedAt: '2030-01-01T00:00:00Z' });
      for (const snippet of lines(path.join(pagesDir, slug, 'with.txt'))) expect(article.text, `keeps "${snippet}"`).toContain(snippet);
      const dropped = (article.data.dropped ?? []).map((d) => d.text).join('\n');
      // <noscript> text is never shown to a reader with scripts on, so it is not a dropped block.
      const html = { noscript: [...body.matchAll(/<noscript>([\s\S]*?)<\/noscript>/gi)].map((m) => m[1]).join('\n') };
      for (const snippet of lines(path.join(pagesDir, slug, 'without.txt'))) {
        expect(article.text, `drops "${snippet}"`).not.toContain(snippet);
        // Nothing visible disappears silently: it is the title, or listed among the dropped pieces with a reason.
        if (!html.noscript.includes(snippet) && article.meta.title !== snippet) expect(dropped, `lists "${snippet}" as dropped`).toContain(snippet);
      }
      for (const piece of article.data.dropped ?? []) expect(piece.reason).toMatch(/^boilerplate:[a-z-]+$/);
      expect(article.text).not.toMatch(/<[a-z][^>]*>/i);
      expect(article.messages.some((m) => m.severity === 'fatal')).toBe(false);
    });
  }
});
