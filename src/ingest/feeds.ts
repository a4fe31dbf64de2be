import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { InputFailure } from '../core/raw-document.js';
import { failInput } from './failure.js';
import { stringOf } from './meta.js';
import { rootElementOf } from './sniff.js';

/** One feed entry, normalised across RSS, RDF, Atom and JSON Feed; dates as written. */
export interface FeedItem {
  title?: string;
  link?: string;
  published?: string;
  byline?: string;
  /** Full content (content:encoded, Atom content, JSON Feed content_html/content_text) as HTML. */
  contentHtml?: string;
  /** Summary (RSS description, Atom summary, JSON Feed summary) as HTML. */
  summaryHtml?: string;
}

/** A parsed feed: its format, title, language and items in document order. */
export interface ParsedFeed {
  format: 'rss' | 'rdf' | 'atom' | 'jsonfeed';
  title?: string;
  lang?: string;
  items: FeedItem[];
}

/** Elements kept as raw markup so embedded HTML survives parsing; decoded per their type afterwards. */
const RAW_ELEMENTS = ['*.description', '*.content:encoded', '*.content', '*.summary'];
const ARRAY_PATHS = new Set(['rss.channel.item', 'rdf:RDF.item', 'feed.entry', 'feed.entry.link', 'feed.entry.author']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  stopNodes: RAW_ELEMENTS,
  isArray: (_name, jpath) => ARRAY_PATHS.has(String(jpath)),
});

/** HTML named entities common in feeds that XML does not predefine; data. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '\u2014', ndash: '\u2013',
  hellip: '\u2026', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', laquo: '\u00ab', raquo: '\u00bb',
};

/** Decodes character references (`&amp;`, `&#8212;`, `&#x2014;`, common HTML names). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Text of a raw (stop-node) element: CDATA sections unwrapped as-is, entities decoded elsewhere. */
function unescapeRawXml(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeEntities(part)))
    .join('');
}

/** HTML held by a raw feed element, honouring Atom's `type` (xhtml markup is kept, escaped html is unescaped). */
function htmlOfRawElement(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = typeof value === 'object' ? stringOrEmpty((value as Record<string, unknown>)['#text']) : String(value);
  const type = typeof value === 'object' ? String((value as Record<string, unknown>)['@_type'] ?? '') : '';
  if (type === 'xhtml') return raw.trim() || undefined;
  const text = unescapeRawXml(raw).trim();
  if (!text) return undefined;
  // Atom type="text" is plain text; escape it so the HTML extractor reads it literally.
  return type === 'text' ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;') : text;
}

function stringOrEmpty(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

function textOf(value: unknown): string | undefined {
  const s = stringOf(value);
  return s ? decodeEntities(s).replace(/\s+/g, ' ').trim() || undefined : undefined;
}

/** Atom `<link>`: the alternate (or rel-less) href. */
function atomLink(links: unknown): string | undefined {
  const list = (Array.isArray(links) ? links : [links]).filter(Boolean) as Array<Record<string, unknown> | string>;
  const hrefOf = (l: Record<string, unknown> | string) => (typeof l === 'string' ? l : stringOf(l['@_href']));
  const alternate = list.find((l) => typeof l === 'object' && (l['@_rel'] === undefined || l['@_rel'] === 'alternate'));
  return (alternate && hrefOf(alternate)) ?? (list[0] ? hrefOf(list[0]) : undefined);
}

/** RSS `<link>`, falling back to a permalink `<guid>`. */
function rssLink(item: Record<string, unknown>): string | undefined {
  const link = textOf(item.link);
  if (link) return link;
  const guid = item.guid;
  if (guid && typeof guid === 'object') {
    const g = guid as Record<string, unknown>;
    if (g['@_isPermaLink'] !== 'false' && /^https?:\/\//i.test(stringOrEmpty(g['#text']))) return stringOrEmpty(g['#text']).trim();
  } else if (typeof guid === 'string' && /^https?:\/\//i.test(guid)) return guid.trim();
  return undefined;
}

/** The validator's error in words, with where it is: "at line 5, column 3: ...". */
export function describeXmlError(err: { code: string; msg: string; line: number; col?: number }, text: string): string {
  const where = (line: number, col?: number) => `at line ${line}${col ? `, column ${col}` : ''}`;
  // "Invalid '[ "rss", "channel" ]' found.": the document ended with these elements still open.
  const open = /^Invalid '\[([\s\S]*)\]' found\.$/.exec(err.msg);
  if (err.code === 'InvalidXml' && open) {
    const names = [...open[1].matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`);
    const lastLine = text.split('\n').length;
    return `${where(lastLine)}: the document ends with ${names.join(', ')} still open (cut off, or an end tag is missing)`;
  }
  if (err.msg === 'Start tag expected.') return 'at line 1: no XML element found (empty or not XML)';
  const char = /^char '(.)' is not expected\.$/.exec(err.msg);
  if (char) {
    const what = char[1] === '&' ? "a bare '&' (write &amp;)" : `unexpected character '${char[1]}'`;
    return `${where(err.line, err.col)}: ${what}`;
  }
  return `${where(err.line, err.col)}: ${err.msg.replace(/\.$/, '')}`;
}

/**
 * Parses an RSS 2.0/0.9x, RSS 1.0 (RDF) or Atom document. Malformed XML gives an `ingest:bad-feed`
 * failure naming the line and column; XML with another root gives `ingest:not-a-feed`.
 */
export function parseXmlFeed(text: string, input: string): ParsedFeed | InputFailure {
  const validation = XMLValidator.validate(text);
  if (validation !== true) return failInput(input, 'ingest:bad-feed', `malformed feed XML ${describeXmlError(validation.err, text)}`);
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(text) as Record<string, unknown>;
  } catch (e) {
    return failInput(input, 'ingest:bad-feed', `malformed feed XML: ${(e as Error).message}`);
  }
  const root = rootElementOf(text)?.toLowerCase();
  if (root === 'rss') {
    const rss = doc.rss as Record<string, unknown>;
    const channel = (rss?.channel ?? {}) as Record<string, unknown>;
    const items = (channel.item as Array<Record<string, unknown>> | undefined) ?? [];
    return {
      format: 'rss',
      title: textOf(channel.title),
      lang: textOf(channel.language),
      items: items.map((item) => ({
        title: textOf(item.title),
        link: rssLink(item),
        published: textOf(item.pubDate) ?? textOf(item['dc:date']),
        byline: textOf(item['dc:creator']) ?? textOf(item.author),
        contentHtml: htmlOfRawElement(item['content:encoded']),
        summaryHtml: htmlOfRawElement(item.description),
      })),
    };
  }
  if (root === 'rdf:rdf') {
    const rdf = (doc['rdf:RDF'] ?? {}) as Record<string, unknown>;
    const channel = (rdf.channel ?? {}) as Record<string, unknown>;
    const items = (rdf.item as Array<Record<string, unknown>> | undefined) ?? [];
    return {
      format: 'rdf',
      title: textOf(channel.title),
      lang: textOf(channel['dc:language']),
      items: items.map((item) => ({
        title: textOf(item.title),
        link: textOf(item.link) ?? stringOf(item['@_rdf:about']),
        published: textOf(item['dc:date']),
        byline: textOf(item['dc:creator']),
        contentHtml: htmlOfRawElement(item['content:encoded']),
        summaryHtml: htmlOfRawElement(item.description),
      })),
    };
  }
  if (root === 'feed' || root === 'atom:feed') {
    const feed = (doc.feed ?? {}) as Record<string, unknown>;
    const entries = (feed.entry as Array<Record<string, unknown>> | undefined) ?? [];
    return {
      format: 'atom',
      title: textOf(feed.title),
      lang: stringOf(feed['@_xml:lang']),
      items: entries.map((entry) => ({
        title: textOf(entry.title),
        link: atomLink(entry.link),
        published: textOf(entry.published) ?? textOf(entry.updated),
        byline: textOf(entry.author),
        contentHtml: htmlOfRawElement(entry.content),
        summaryHtml: htmlOfRawElement(entry.summary),
      })),
    };
  }
  return failInput(input, 'ingest:not-a-feed', `XML root element <${root ?? '?'}> is not RSS, RDF or Atom`);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text as HTML paragraphs, so a text-only item goes through the same HTML path. */
function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

/** Parses a JSON Feed (1.0/1.1) object already known to be one (`version` names jsonfeed.org). */
export function parseJsonFeed(value: unknown, input: string): ParsedFeed | InputFailure {
  const feed = value as Record<string, unknown>;
  if (!Array.isArray(feed.items)) return failInput(input, 'ingest:bad-feed', 'JSON Feed has no "items" array');
  return {
    format: 'jsonfeed',
    title: stringOf(feed.title),
    lang: stringOf(feed.language),
    items: (feed.items as unknown[]).map((raw) => {
      const item = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const html = stringOf(item.content_html);
      const text = stringOf(item.content_text);
      const summary = stringOf(item.summary);
      return {
        title: stringOf(item.title),
        link: stringOf(item.url) ?? stringOf(item.external_url),
        published: stringOf(item.date_published) ?? stringOf(item.date_modified),
        byline: stringOf(item.authors) ?? stringOf(item.author),
        contentHtml: html ?? (text ? textToHtml(text) : undefined),
        summaryHtml: summary ? textToHtml(summary) : undefined,
      };
    }),
  };
}

/** Visible characters of an HTML fragment (tags dropped, entities decoded, whitespace collapsed). */
export function visibleTextLength(html: string): number {
  return decodeEntities(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim().length;
}
