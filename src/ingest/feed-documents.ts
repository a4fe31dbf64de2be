import type { ArticleMeta } from '../core/article.js';
import type { InputFailure, RawDocument } from '../core/raw-document.js';
import { decodeBytes } from './charset.js';
import { nowIso, type IngestContext } from './context.js';
import { failInput, warnInput } from './failure.js';
import { fetchUrl } from './fetch.js';
import { visibleTextLength, type FeedItem, type ParsedFeed } from './feeds.js';
import { FEED_MIN_CONTENT_CHARS } from './limits.js';
import { compactMeta, normaliseLang, normalisePublishedDate } from './meta.js';
import { detectBinary, kindFromContentType, looksLikeHtml } from './sniff.js';

/** Where a feed came from. */
export interface FeedOrigin {
  input: string;
  path?: string;
  /** Feed URL or path, stored as `RawDocument.feed`. */
  feedRef: string;
  fromNetwork: boolean;
  fetchedAt: string;
  notes?: InputFailure[];
}

/** The item's richest HTML (content or summary) and its visible length. */
function bestContent(item: FeedItem): { html: string; chars: number } | undefined {
  const candidates = [item.contentHtml, item.summaryHtml]
    .filter((h): h is string => !!h)
    .map((html) => ({ html, chars: visibleTextLength(html) }))
    .filter((c) => c.chars > 0);
  candidates.sort((a, b) => b.chars - a.chars);
  return candidates[0];
}

/** Fetches an item's link and returns its decoded HTML/text page, or a failure. */
async function fetchItemPage(
  link: string,
  input: string,
  ctx: IngestContext,
): Promise<{ body: string; format: 'html' | 'text'; url: string; notes: InputFailure[]; lang?: string } | InputFailure> {
  const response = await fetchUrl(link, ctx.fetch, input);
  if ('ruleId' in response) return response;
  const binary = detectBinary(response.body);
  if (binary) return failInput(input, 'ingest:binary', `item link ${link} returned a ${binary}, not an article page`);
  const decoded = decodeBytes(response.body, input, { contentType: response.contentType, override: ctx.options.encoding });
  if (!decoded.text.trim()) return failInput(input, 'ingest:empty', `item link ${link} returned an empty page`);
  const kind = kindFromContentType(response.contentType);
  const format = kind === 'text' && !looksLikeHtml(decoded.text) ? 'text' : 'html';
  const lang = normaliseLang(String(response.headers['content-language'] ?? '').split(',')[0]);
  return { body: decoded.text, format, url: response.finalUrl, notes: decoded.notes, lang };
}

/**
 * One document per feed item (`feed#n`, n 1-based). An item whose content has at least
 * FEED_MIN_CONTENT_CHARS visible characters is used as is; otherwise, when following links
 * (default for URL feeds), the item link is fetched; when that fails or is off, the summary is
 * used with a warning note, and an item with neither content nor a usable link is a failure.
 */
export async function* feedDocuments(
  feed: ParsedFeed,
  origin: FeedOrigin,
  ctx: IngestContext,
): AsyncGenerator<RawDocument | InputFailure> {
  if (feed.items.length === 0) {
    yield failInput(origin.input, 'ingest:empty', 'feed has no items');
    return;
  }
  const follow = ctx.options.followFeedLinks ?? origin.fromNetwork;
  for (let i = 0; i < feed.items.length; i++) {
    const item = feed.items[i];
    const n = i + 1;
    const input = `${origin.input}#${n}`;
    const notes: InputFailure[] = [...(origin.notes ?? [])];
    const publishedAt = normalisePublishedDate(item.published);
    if (item.published && !publishedAt) notes.push(warnInput(input, 'ingest:bad-date', `published date "${item.published}" is not a date; it was ignored`));
    const meta: Partial<ArticleMeta> = {
      title: item.title,
      publishedAt,
      byline: item.byline,
      site: feed.title,
      lang: normaliseLang(feed.lang),
    };
    const link = item.link && /^https?:\/\//i.test(item.link) ? item.link : undefined;
    const base = (format: RawDocument['format'], body: string, url: string | undefined, extraNotes: InputFailure[], fetchedAt = origin.fetchedAt): RawDocument => {
      const doc: RawDocument = { input, feed: origin.feedRef, record: n, format, body, fetchedAt };
      if (origin.path) doc.path = origin.path;
      if (url) doc.url = url;
      const m = compactMeta(meta);
      if (m) doc.meta = m;
      const all = [...notes, ...extraNotes];
      if (all.length) doc.notes = all;
      return doc;
    };
    const content = bestContent(item);
    if (content && content.chars >= FEED_MIN_CONTENT_CHARS) {
      yield base('html', content.html, link, []);
      continue;
    }
    if (follow && link) {
      const page = await fetchItemPage(link, input, ctx);
      if (!('ruleId' in page)) {
        if (page.lang && !meta.lang) meta.lang = page.lang;
        yield base(page.format, page.body, page.url, page.notes, nowIso());
        continue;
      }
      if (content) {
        const reason = `item link could not be fetched (${page.reason}); used the ${content.chars}-character feed summary instead`;
        yield base('html', content.html, link, [warnInput(input, page.ruleId, reason)]);
      } else yield page;
      continue;
    }
    if (content) {
      const why = link ? 'its link was not followed (followFeedLinks is off)' : 'it has no http(s) link to fetch';
      yield base('html', content.html, link, [
        warnInput(input, 'ingest:feed-summary-only', `item carries only a ${content.chars}-character summary and ${why}`),
      ]);
      continue;
    }
    yield failInput(input, 'ingest:no-text', link ? 'feed item has no content and its link was not followed (followFeedLinks is off)' : 'feed item has neither content nor a link');
  }
}
