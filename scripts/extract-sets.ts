/**
 * Loaders for the main-text development sets beside the repo: WCXB (`wceb/`) and Readability.js's test pages,
 * each cut into a stable train/dev split by a hash of the site (WCXB) or page name, so tuning never sees dev.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { collectHtmlParagraphs } from '../src/extract/html-paragraphs.js';
import type { DomElement } from '../src/extract/dom.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Default WCXB development folder. */
export const WCEB_DIR = path.resolve(here, '../../shared/data/wceb');
/** Default Readability.js test-pages folder. */
export const READABILITY_PAGES_DIR = path.resolve(here, '../../shared/data/readability-test-pages');

/** Which part of a set to load. */
export type Split = 'train' | 'dev' | 'all';
/** Share of sites (in tenths) that go to train; the rest is dev. */
export const TRAIN_TENTHS = 7;

/** FNV-1a, so the split is the same on every machine and run. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The split a key (site or page name) belongs to. */
export function splitOf(key: string): 'train' | 'dev' {
  return fnv1a(key) % 10 < TRAIN_TENTHS ? 'train' : 'dev';
}

/** One page of a development set with its gold text and snippet lists. */
export interface GoldPage {
  id: string;
  url: string;
  kind: string;
  html: string;
  gold: string;
  with: string[];
  without: string[];
}

function readMaybeGzip(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

interface WcebRecord {
  id: string;
  url: string;
  page_type: string;
  domain: string;
  html: string;
  main_content: string | null;
  with: string[];
  without: string[];
}

/** Loads WCXB pages of one split (by domain) from `file` (default `dir`/gold.jsonl.gz, HTML paths relative to it); `limit` keeps the first N. */
export function loadWceb(dir = WCEB_DIR, split: Split = 'dev', limit = Infinity, file = path.join(dir, 'gold.jsonl.gz')): GoldPage[] {
  const lines = readMaybeGzip(file).split('\n').filter(Boolean);
  const base = path.dirname(file);
  const pages: GoldPage[] = [];
  for (const line of lines) {
    if (pages.length >= limit) break;
    const r = JSON.parse(line) as WcebRecord;
    if (split !== 'all' && splitOf(r.domain) !== split) continue;
    pages.push({
      id: r.id,
      url: r.url,
      kind: r.page_type,
      html: readMaybeGzip(path.join(base, r.html)),
      gold: r.main_content ?? '',
      with: r.with ?? [],
      without: r.without ?? [],
    });
  }
  return pages;
}

const LOREM_RE = /lorem ipsum/i;
/** Gzipped sources under this many bytes are hand-written feature tests, not saved pages (PROVENANCE.md). */
const SYNTHETIC_MAX_GZ_BYTES = 1000;

/** Loads the real (not synthetic) Readability.js test pages of one split; gold is the text of expected.html. */
export function loadReadabilityPages(dir = READABILITY_PAGES_DIR, split: Split = 'dev'): GoldPage[] {
  const pages: GoldPage[] = [];
  for (const name of readdirSync(dir).sort()) {
    const source = path.join(dir, name, 'source.html.gz');
    if (!existsSync(source)) continue;
    if (split !== 'all' && splitOf(name) !== split) continue;
    const gz = readFileSync(source);
    const expected = gunzipSync(readFileSync(path.join(dir, name, 'expected.html.gz'))).toString('utf8');
    if (gz.length < SYNTHETIC_MAX_GZ_BYTES || LOREM_RE.test(expected)) continue;
    const { document } = parseHTML(`<!doctype html><html><body>${expected}</body></html>`);
    const gold = collectHtmlParagraphs(document.body as unknown as DomElement).map((p) => p.text).join('\n');
    const meta = JSON.parse(readFileSync(path.join(dir, name, 'expected-metadata.json'), 'utf8')) as { lang?: string };
    pages.push({ id: name, url: 'http://fakehost/test/page.html', kind: meta.lang ?? 'und', html: gunzipSync(gz).toString('utf8'), gold, with: [], without: [] });
  }
  return pages;
}
