import type { ArticleMeta } from '../core/article.js';
import { collapseWhitespace, type DomDocument, type DomElement } from './dom.js';
import { BYLINE_META, BYLINE_SELECTORS, DATE_META, SITE_META, TITLE_META, TITLE_SEPARATOR_RE } from './selectors.js';

/** Longest byline we accept from page text; longer ones are usually bios. */
export const MAX_BYLINE_CHARS = 120;

/** What JSON-LD on the page says about the article. */
export interface JsonLdArticle {
  headline?: string;
  articleBody?: string;
  datePublished?: string;
  author?: string;
  publisher?: string;
  url?: string;
  inLanguage?: string;
  /** Every `@type` on the page's JSON-LD objects. */
  types?: string[];
}

/** JSON-LD types of a news or blog article (not a forum posting, product or how-to). */
const NEWS_TYPE_RE = /^(?:\w*NewsArticle|Article|BlogPosting|Report|ReportageNews|LiveBlogPosting)$/;

/** Whether the page says it is one article: `og:type` article or a JSON-LD news/blog article type. */
export function declaresArticle(document: DomDocument, jsonLd: JsonLdArticle): boolean {
  if ((jsonLd.types ?? []).some((t) => NEWS_TYPE_RE.test(t))) return true;
  const og = document.querySelector('meta[property="og:type"]')?.getAttribute('content') ?? '';
  return /^article$/i.test(og.trim());
}

const ARTICLE_TYPE_RE = /Article|Posting|Report|Blog|NewsArticle|WebPage/i;

function nameOf(value: unknown): string | undefined {
  if (!value) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((v): v is string => !!v);
    return names.length ? names.join(', ') : undefined;
  }
  if (typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return (value as { name: string }).name;
  return undefined;
}

function flattenJsonLd(node: unknown, out: Record<string, unknown>[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) flattenJsonLd(item, out);
    return;
  }
  const obj = node as Record<string, unknown>;
  out.push(obj);
  if (obj['@graph']) flattenJsonLd(obj['@graph'], out);
  if (obj.mainEntity) flattenJsonLd(obj.mainEntity, out);
}

/** Reads the article object out of the page's JSON-LD scripts (malformed blocks are skipped). */
export function readJsonLd(document: DomDocument): JsonLdArticle {
  const objects: Record<string, unknown>[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      flattenJsonLd(JSON.parse((script.textContent ?? '').replace(/^\s*<!--|-->\s*$/g, '')), objects);
    } catch {
      // Broken JSON-LD is common; the other metadata sources still apply.
    }
  }
  const typed = (o: Record<string, unknown>) => [o['@type']].flat().map(String).join(' ');
  const types = [...new Set(objects.flatMap((o) => [o['@type']].flat().filter((t): t is string => typeof t === 'string')))];
  const article =
    objects.find((o) => /Article|Posting|Report|Blog/i.test(typed(o)) && (o.headline || o.articleBody)) ??
    objects.find((o) => ARTICLE_TYPE_RE.test(typed(o)) && o.headline);
  if (!article) return types.length ? { types } : {};
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return {
    headline: str(article.headline),
    articleBody: str(article.articleBody),
    datePublished: str(article.datePublished) ?? str(article.dateCreated),
    author: nameOf(article.author),
    publisher: nameOf(article.publisher),
    url: str(article.url),
    inLanguage: str(article.inLanguage),
    types,
  };
}

/** All <meta> tags of a page, read once: lowercased name/property/itemprop/http-equiv -> first content. */
function indexMeta(document: DomDocument): Map<string, string> {
  const index = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const content = el.getAttribute('content');
    if (!content || !content.trim()) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !index.has(`${attr}=${key}`)) index.set(`${attr}=${key}`, collapseWhitespace(content));
    }
  }
  return index;
}

const META_SELECTOR_RE = /^meta\[([\w-]+)="([^"]+)"(?:\s+i)?\]$/;

function firstMeta(index: Map<string, string>, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    const m = META_SELECTOR_RE.exec(selector);
    const value = m ? index.get(`${m[1]}=${m[2].toLowerCase()}`) : undefined;
    if (value) return value;
  }
  return undefined;
}

/** Strips a " | Site" suffix (or "Site | " prefix) from a <title>, keeping the longest part. */
export function cleanTitle(title: string, site?: string): string {
  const text = collapseWhitespace(title);
  const parts = text.split(TITLE_SEPARATOR_RE);
  if (parts.length < 2) return text;
  if (site) {
    const norm = site.toLowerCase();
    const kept = parts.filter((p) => p.toLowerCase() !== norm && !norm.includes(p.toLowerCase()));
    if (kept.length && kept.length < parts.length) return kept.join(' - ');
  }
  // No site to match: drop the shortest end part when it is clearly a site name (few words).
  const last = parts[parts.length - 1];
  const first = parts[0];
  // Without a known site name only a short trailing part is stripped; a leading one is too often a name in the headline.
  if (last.split(' ').length <= 4 && last.length < first.length) return parts.slice(0, -1).join(' - ');
  return text;
}

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}/;
const URL_DATE_RE = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:\/|[-_]|$)/;

/** Normalises a date string to ISO 8601 when it parses; else undefined. */
export function normaliseDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.trim();
  // Keep the publisher's own form and offset when it is already ISO.
  if (ISO_DATE_RE.test(text)) return text;
  if (/^\d{8}$/.test(text)) return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Finds a yyyy/mm/dd date in a URL path. */
export function dateFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = URL_DATE_RE.exec(url);
  if (!m) return undefined;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

function hostnameOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

function absoluteUrl(href: string | null | undefined, base: string | undefined): string | undefined {
  if (!href || !href.trim()) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

function bylineFromBody(document: DomDocument): string | undefined {
  for (const selector of BYLINE_SELECTORS) {
    const el: DomElement | null = document.querySelector(selector);
    const text = el ? collapseWhitespace(el.textContent ?? '') : '';
    if (text && text.length <= MAX_BYLINE_CHARS) return text.replace(/^by\s+/i, '');
  }
  return undefined;
}

/** Metadata read from an HTML document, with where each field came from. */
export interface HtmlMetadata {
  meta: ArticleMeta;
  jsonLd: JsonLdArticle;
  /** Field -> source that supplied it, e.g. `title: 'og:title'`. */
  origins: Partial<Record<keyof ArticleMeta, string>>;
}

/** Reads title, byline, date, site, canonical URL and declared language from an HTML document. */
export function readHtmlMetadata(document: DomDocument, url?: string): HtmlMetadata {
  const jsonLd = readJsonLd(document);
  const metaIndex = indexMeta(document);
  const origins: HtmlMetadata['origins'] = {};
  // Candidates are thunks so that costly lookups (body selectors) run only when earlier sources are empty.
  const pick = <K extends keyof ArticleMeta>(field: K, candidates: Array<[string, () => string | undefined]>): string | undefined => {
    for (const [origin, get] of candidates) {
      const value = get();
      if (value && value.trim()) {
        origins[field] = origin;
        return collapseWhitespace(value);
      }
    }
    return undefined;
  };
  const canonicalUrl = pick('canonicalUrl', [
    ['link[rel=canonical]', () => absoluteUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), url)],
    ['og:url', () => absoluteUrl(firstMeta(metaIndex, ['meta[property="og:url"]']), url)],
    ['json-ld', () => absoluteUrl(jsonLd.url, url)],
  ]);
  const site = pick('site', [
    ['og:site_name', () => firstMeta(metaIndex, SITE_META)],
    ['json-ld publisher', () => jsonLd.publisher],
    ['hostname', () => hostnameOf(canonicalUrl ?? url)],
  ]);
  const titleTag = document.querySelector('title')?.textContent ?? '';
  const title = pick('title', [
    ['og:title', () => firstMeta(metaIndex, TITLE_META)],
    ['json-ld headline', () => jsonLd.headline],
    ['<title>', () => titleTag ? cleanTitle(titleTag, site) : undefined],
    ['h1', () => collapseWhitespace(document.querySelector('h1')?.textContent ?? '') || undefined],
  ]);
  const byline = pick('byline', [
    ['meta author', () => firstMeta(metaIndex, BYLINE_META)?.replace(/^https?:\/\/\S+$/, '')],
    ['json-ld author', () => jsonLd.author],
    ['page byline', () => bylineFromBody(document)],
  ]);
  const publishedAt = pick('publishedAt', [
    ['article:published_time', () => normaliseDate(firstMeta(metaIndex, DATE_META.slice(0, 3)))],
    ['json-ld datePublished', () => normaliseDate(jsonLd.datePublished)],
    ['<time datetime>', () => normaliseDate(document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined)],
    ['meta date', () => normaliseDate(firstMeta(metaIndex, DATE_META.slice(3)))],
    ['url path', () => dateFromUrl(canonicalUrl ?? url)],
  ]);
  const declared = document.documentElement?.getAttribute?.('lang') || firstMeta(metaIndex, ['meta[http-equiv="content-language"]', 'meta[name="language"]']) || jsonLd.inLanguage;
  const lang = pick('lang', [['declared', () => (declared ? normaliseLang(declared) : undefined)]]);
  const meta: ArticleMeta = {};
  if (title) meta.title = title;
  if (byline) meta.byline = byline;
  if (publishedAt) meta.publishedAt = publishedAt;
  if (site) meta.site = site;
  if (canonicalUrl) meta.canonicalUrl = canonicalUrl;
  if (lang) meta.lang = lang;
  return { meta, jsonLd, origins };
}

/** Reduces a language tag to its primary subtag (`en-US` -> `en`); `und` for junk. */
export function normaliseLang(tag: string): string | undefined {
  const primary = tag.trim().split(/[-_,;\s]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}
