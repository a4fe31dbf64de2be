import type { ArticleMeta } from '../core/article.js';

/** Record field names read for each meta field, in order of preference; data. */
export const RECORD_FIELDS = {
  title: ['title', 'headline'],
  url: ['url', 'link', 'canonicalUrl', 'canonical_url'],
  publishedAt: ['publishedAt', 'published', 'published_at', 'date_published', 'pubDate', 'date', 'datePublished'],
  site: ['outlet', 'site', 'source', 'siteName', 'site_name', 'publisher'],
  byline: ['byline', 'author', 'authors', 'creator'],
  lang: ['lang', 'language'],
} as const;

/** First non-empty string among a record's fields; objects with a `name` count by their name. */
export function pickString(record: Record<string, unknown>, fields: readonly string[]): string | undefined {
  for (const field of fields) {
    const value = stringOf(record[field]);
    if (value) return value;
  }
  return undefined;
}

/** A string from a string, number, `{name}` object or array of those (joined with commas). */
export function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(stringOf).filter((v): v is string => !!v);
    return parts.length ? parts.join(', ') : undefined;
  }
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return stringOf(obj.name) ?? stringOf(obj['#text']) ?? stringOf(obj.title);
  }
  return undefined;
}

/**
 * Normalises a published date to ISO 8601: ISO dates are kept as written (a bare `2024-10-22`
 * stays a date), other parseable forms (RFC 822 from RSS, epoch seconds/ms) become UTC date-times.
 * Returns undefined for text no parser understands.
 */
export function normalisePublishedDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) {
    return Number.isNaN(Date.parse(v.replace(' ', 'T'))) ? undefined : v.replace(' ', 'T');
  }
  if (/^\d{9,13}$/.test(v)) {
    const n = Number(v);
    // Ten digits or fewer are epoch seconds (until 2286); more are milliseconds.
    return new Date(v.length <= 10 ? n * 1000 : n).toISOString();
  }
  const parsed = Date.parse(v);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}

/** Primary language subtag, lower-cased (`en-GB` -> `en`), or undefined when it is not a tag. */
export function normaliseLang(value: string | undefined): string | undefined {
  const m = /^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$/.exec(value ?? '');
  return m ? m[1].toLowerCase() : undefined;
}

/** Drops undefined fields so meta objects compare and serialise cleanly. */
export function compactMeta(meta: Partial<ArticleMeta>): Partial<ArticleMeta> | undefined {
  const out: Partial<ArticleMeta> = {};
  for (const [k, v] of Object.entries(meta)) if (v !== undefined && v !== '') (out as Record<string, unknown>)[k] = v;
  return Object.keys(out).length ? out : undefined;
}
