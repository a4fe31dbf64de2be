/**
 * A seeded corpus of many stories with planted copies, for the end-to-end analysis benchmark (bench-analyze.ts).
 * Stories are FNC-1's claims: the bodies FNC-1 relates (agree, disagree, discuss) to one headline report one story.
 * Each article is one of a story's bodies (each at most once), or a variant of one: a copy with a sentence added, a partial copy (the
 * first half), a re-leaded copy, or a mix (most of a body's paragraphs, reordered, with a paragraph of another body
 * of the same story): the reuse and clustering work a feed of rewritten wire copy gives.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from './csv.js';
import { rng } from './random.js';

/** One generated input record, as `triangulate analyze` reads from JSONL. */
export interface GeneratedRecord {
  url: string;
  title: string;
  published: string;
  outlet: string;
  text: string;
}

const OUTLETS = Array.from({ length: 40 }, (_, i) => `outlet${i}.example.org`);
/** Bodies shorter or longer than this are left out (captions, whole reports). */
const MIN_BODY_CHARS = 600;
const MAX_BODY_CHARS = 9000;

/** FNC-1 bodies grouped into stories (one group per headline, each body in the first group that relates it). */
export function loadStories(dataDir: string): string[][] {
  const bodies = new Map(parseCsv(readFileSync(path.join(dataDir, 'fnc-1/train_bodies.csv'), 'utf8')).slice(1).map((r) => [r[0], r[1] ?? '']));
  const groups = new Map<string, string[]>();
  const placed = new Set<string>();
  for (const [headline, bodyId, stance] of parseCsv(readFileSync(path.join(dataDir, 'fnc-1/train_stances.csv'), 'utf8')).slice(1)) {
    const text = bodies.get(bodyId);
    if (stance === 'unrelated' || !text || placed.has(bodyId) || text.length < MIN_BODY_CHARS || text.length > MAX_BODY_CHARS) continue;
    placed.add(bodyId);
    (groups.get(headline) ?? groups.set(headline, []).get(headline)!).push(text);
  }
  return [...groups.values()];
}

/**
 * Generates `count` records from the stories, deterministically for a seed; `offset` continues a sequence (the
 * records after the first `offset`), so a later batch holds new articles about the same stories.
 */
export function generateRecords(stories: readonly string[][], count: number, seed: number, offset = 0): GeneratedRecord[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const out: GeneratedRecord[] = [];
  const used = new Set<string>();
  for (let i = 0; i < offset + count; i++) {
    const story = stories[Math.floor(rand() * stories.length)];
    const body = pick(story);
    const paras = body.split(/\n\s*\n/).filter((p) => p.trim());
    const fresh = !used.has(body) && rand() < 0.6;
    const r = rand();
    let text: string;
    if (fresh) text = body;
    else if (r < 0.15) text = `${body}\n\nA spokesperson declined to comment further.`;
    else if (r < 0.3) text = paras.slice(0, Math.max(1, Math.ceil(paras.length / 2))).join('\n\n');
    else if (r < 0.4) text = `Reporting by our correspondent.\n\n${body}`;
    else {
      const kept = paras.filter(() => rand() < 0.8);
      const other = pick(story).split(/\n\s*\n/).filter((p) => p.trim());
      if (other.length) kept.splice(Math.floor(rand() * (kept.length + 1)), 0, pick(other));
      // Reorder the middle; the lead stays first.
      const middle = kept.slice(1).sort(() => rand() - 0.5);
      text = [kept[0] ?? paras[0], ...middle].join('\n\n');
    }
    used.add(body);
    if (i < offset) continue;
    const outlet = OUTLETS[Math.floor(rand() * OUTLETS.length)];
    const day = Math.floor(rand() * 365);
    const date = new Date(Date.UTC(2024, 0, 1 + day, Math.floor(rand() * 24)));
    out.push({ url: `https://${outlet}/news/${seed}-${i}`, title: text.split(/[.!?\n]/)[0].slice(0, 90), published: date.toISOString(), outlet, text });
  }
  return out;
}
