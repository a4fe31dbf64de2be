import { createHash } from 'node:crypto';
import type { ArticleMessage } from './message.js';
import type { Span } from './span.js';

/**
 * Layer name -> span type. Stages add their layers by module augmentation:
 * `declare module '../core/article.js' { interface LayerMap { entity: EntityMention } }`.
 */
export interface LayerMap {
  paragraph: Span;
  sentence: Span;
}

export type LayerName = keyof LayerMap;
export type Layers = { [K in LayerName]?: LayerMap[K][] };

/** Per-stage results; empty here, each stage adds its fields with `declare module` (vfile DataMap). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ArticleData {}

/** Where an article came from. */
export interface ArticleSource {
  /** Canonical URL once known (canonical link, og:url, or the fetched URL). */
  url?: string;
  /** Local path the input was read from; `-` for stdin. */
  path?: string;
  /** Feed URL or path the item was listed in. */
  feed?: string;
  /** Record index within a JSON/JSONL file or feed. */
  record?: number;
  /** Input format that was read: `text`, `markdown`, `html`, `json`, `jsonl`, `feed`. */
  format?: string;
  /** ISO time the input was read or fetched. */
  fetchedAt: string;
}

export interface ArticleMeta {
  title?: string;
  byline?: string;
  /** ISO 8601 date or date-time as published (not the fetch time). */
  publishedAt?: string;
  /** BCP 47 primary language subtag, e.g. `en`, `uk`, `ru`. */
  lang?: string;
  /** Outlet or site name. */
  site?: string;
  canonicalUrl?: string;
}

/**
 * One article: its main text held once, with every annotation as spans into it (spaCy's Doc).
 * `text` is fixed once extraction has run; later stages only add layers and data.
 */
export interface Article {
  /** Stable id: hash of the canonical URL, or of the normalised text when there is none. */
  id: string;
  source: ArticleSource;
  /** Raw HTML input, kept so extraction can be re-run. */
  html?: string;
  text: string;
  meta: ArticleMeta;
  layers: Layers;
  data: ArticleData;
  messages: ArticleMessage[];
  /** Per-article stages whose output this article holds, by stage name, with the stage version that made it. */
  analysed?: Record<string, string>;
}

/** Collapses whitespace and case so that reposts of the same text hash alike. */
export function normaliseForHash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Short stable hex hash of a string. */
export function hashId(value: string, length = 16): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}

/** Id for an article: from its canonical URL when it has one, else from its normalised text. */
export function articleIdFor(input: { url?: string; text: string }): string {
  return input.url ? hashId(`url:${input.url}`) : hashId(`text:${normaliseForHash(input.text)}`);
}

/**
 * Builds an article by hand, for stage tests and for ingestion.
 * @example makeArticle({ text: 'Kyiv said on Monday…', meta: { publishedAt: '2024-10-22' } })
 */
export function makeArticle(init: Partial<Article> & { text: string }): Article {
  return {
    id: init.id ?? articleIdFor({ url: init.source?.url, text: init.text }),
    source: init.source ?? { fetchedAt: new Date(0).toISOString() },
    html: init.html,
    text: init.text,
    meta: init.meta ?? {},
    layers: init.layers ?? {},
    data: init.data ?? ({} as ArticleData),
    messages: init.messages ?? [],
  };
}
