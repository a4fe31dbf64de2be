import { z } from 'zod';
import { articleIdFor, type Article, type ArticleMeta } from '../core/article.js';
import type { ArticleMessage } from '../core/message.js';
import type { Stage } from '../core/pipeline.js';
import type { RawDocument } from '../core/raw-document.js';
import type { StageFactory } from '../core/registry.js';
import { filterBoilerplate, MIN_LINK_LIST_DENSITY, publisherNamesOf } from './boilerplate.js';
import { canCheckLanguage, detectLanguage } from './detect-language.js';
import { capNesting } from './cap-nesting.js';
import { boundDom, resolveBudget, startDeadline, TooComplexError, type ExtractBudget } from './budget.js';
import { parseHtmlDocument, type DomDocument } from './dom.js';
import { collectHtmlParagraphs, joinParagraphs, PARAGRAPH_SEPARATOR } from './html-paragraphs.js';
import { findMainContent, MIN_ATTEMPT_CHARS, noscriptContent, type MainContent } from './main-content.js';
import { applyBlockModel } from './block-model.js';
import { blockMarks } from './block-features.js';
import { declaresArticle, readHtmlMetadata } from './metadata.js';
import type { DroppedPiece, SourceMapEntry, SourceParagraph } from './paragraph.js';
import { rejoinParagraphs } from './rejoin.js';
import { collectTextParagraphs } from './text-paragraphs.js';

/** Main text shorter than this (chars) gets an `extract:too-short` warning. */
export const MIN_TEXT_CHARS = 250;

declare module '../core/article.js' {
  interface ArticleData {
    /** Pieces the boilerplate filter removed, with offsets into the pre-filter text. */
    dropped?: DroppedPiece[];
    /** Where each paragraph of `text` came from in the pre-filter text (the raw body for text input). */
    sourceMap?: SourceMapEntry[];
  }
}

/** Options for {@link extractDocument}. */
export interface ExtractOptions {
  /** Run the paragraph boilerplate filter (default true). */
  boilerplate?: boolean;
  /** Rejoin paragraphs broken mid-sentence (default true). */
  rejoin?: boolean;
  /** Boilerplate rules to switch off (see `BoilerplateOptions.skipRules`). */
  skipRules?: readonly string[];
  /** Per-document time and DOM limits (defaults in budget.ts). */
  budget?: Partial<ExtractBudget>;
  /** Let the block model (block-model.ts) revise the cascade's pick of page blocks (default true). */
  blockModel?: boolean;
}

const SOURCE = 'extract/main-text';

function info(ruleId: string, reason: string, note?: string): ArticleMessage {
  return note ? { ruleId, source: SOURCE, severity: 'info', reason, note } : { ruleId, source: SOURCE, severity: 'info', reason };
}

function mergeMeta(found: ArticleMeta, given: Partial<ArticleMeta> | undefined): ArticleMeta {
  const meta: ArticleMeta = { ...found };
  if (given) {
    for (const [key, value] of Object.entries(given) as Array<[keyof ArticleMeta, string | undefined]>) {
      if (typeof value === 'string' && value.trim()) meta[key] = value.trim();
    }
  }
  return meta;
}

interface Prepared {
  paragraphs: SourceParagraph[];
  meta: ArticleMeta;
  messages: ArticleMessage[];
  html?: string;
  /** Page blocks outside the main content (HTML only). */
  outside?: DroppedPiece[];
  /** Boilerplate rules the main-content step already decided for these paragraphs. */
  decidedRules?: readonly string[];
  /** The page reads as a listing of links (see {@link isListing}). */
  listing?: boolean;
}

/** Share of the main content's text in link-dense lines from which a page that does not declare an article is a listing (tuned on WCXB train). */
export const LISTING_LINK_SHARE = 0.3;

/** A page made of linked entries (a listing, a link aggregator's front page, a shop's category): not a declared article, and at least {@link LISTING_LINK_SHARE} of its main text in link-dense lines. */
export function isListing(paragraphs: readonly SourceParagraph[], declared: boolean): boolean {
  if (declared) return false;
  let linked = 0;
  let total = 0;
  for (const p of paragraphs) {
    total += p.text.length;
    if ((p.linkDensity ?? 0) >= MIN_LINK_LIST_DENSITY) linked += p.text.length;
  }
  return total > 0 && linked >= LISTING_LINK_SHARE * total;
}

/** A parsed page: its metadata, every visible block (with structural marks) and the cascade's main content. */
export interface HtmlPage {
  meta: ArticleMeta;
  origins: Record<string, string>;
  pageBlocks: SourceParagraph[];
  content: MainContent;
  /** Elements read as plain text because they sat too deep. */
  flattened: number;
  /** The page says it is one article (og:type, JSON-LD type). */
  declaresArticle: boolean;
}

/**
 * Every block of the page with its marks, hidden ones (closed tabs, menus) marked for the block model. An app shell that
 * shows next to nothing while its scripts load is read as a reader without scripts sees it, from its largest <noscript>
 * block (forum software serves its posts there).
 */
export function readPageBlocks(document: DomDocument): SourceParagraph[] {
  const shown = (blocks: readonly SourceParagraph[]) => blocks.reduce((n, p) => n + (p.hidden ? 0 : p.text.length), 0);
  const blocks = document.body ? collectHtmlParagraphs(document.body, undefined, blockMarks, true) : [];
  if (shown(blocks) >= MIN_ATTEMPT_CHARS) return blocks;
  const shell = noscriptContent(document);
  const served = shell ? collectHtmlParagraphs(shell, undefined, blockMarks, true) : [];
  return shown(served) > shown(blocks) ? served : blocks;
}

/** Parses a page and runs the main-content cascade (without the block model); throws TooComplexError past the hard limits. */
export function readHtmlPage(raw: RawDocument, budget: ExtractBudget): HtmlPage {
  const deadline = startDeadline(budget.maxMs);
  // The parser is quadratic in nesting depth: tags nested past the cap are dropped before it sees them.
  const { html, startTags, droppedTags } = capNesting(raw.body, budget.maxTagNesting);
  // Refused before parsing: the DOM of a page this large costs more time and memory than the whole budget.
  if (startTags > budget.maxElements) throw new TooComplexError(`the page has ${startTags.toLocaleString('en-US')} elements, over the ${budget.maxElements.toLocaleString('en-US')} allowed`);
  const document = parseHtmlDocument(html);
  const bounds = boundDom(document, budget);
  const { meta, jsonLd, origins } = readHtmlMetadata(document, raw.url);
  // Read the page's blocks before Readability mutates the document.
  const pageBlocks = readPageBlocks(document);
  const declared = declaresArticle(document, jsonLd);
  const content = findMainContent(html, document, jsonLd.articleBody, { budget, deadline, bounds }, declared);
  return { meta, origins: origins as Record<string, string>, pageBlocks, content, flattened: bounds.flattened + droppedTags, declaresArticle: declared };
}

function prepareHtml(raw: RawDocument, budget: ExtractBudget, useModel: boolean): Prepared {
  const page = readHtmlPage(raw, budget);
  const { meta, origins, pageBlocks } = page;
  const content = useModel ? applyBlockModel(page.content, pageBlocks, page.declaresArticle) : page.content;
  const messages = [info('extract:attempt', `main content from attempt ${content.attempt}`, content.why)];
  if (page.flattened) {
    messages.push({
      ruleId: 'extract:deep-dom',
      source: SOURCE,
      severity: 'warning',
      reason: `${page.flattened} elements nested deeper than ${budget.maxDepth} levels were read as plain text`,
    });
  }
  const fields = Object.entries(origins).map(([k, v]) => `${k} from ${v}`);
  if (fields.length) messages.push(info('extract:metadata', 'metadata sources', fields.join('; ')));
  const outside = leftOutBlocks(pageBlocks, content.paragraphs, meta.title);
  // The block model weighed each block's link density and wording already; the filter's link-list and publisher-bio rules would undo its listings and product pages.
  const decidedRules = content.attempt === '8:block-model' ? ['link-list', 'publisher-bio'] : [];
  return { paragraphs: content.paragraphs, meta, messages, html: raw.body, outside, decidedRules, listing: isListing(content.paragraphs, page.declaresArticle) };
}

/** Characters of main text scanned in all when matching left-out blocks: hundreds of times a real page's. */
const MAX_OUTSIDE_SCAN_CHARS = 200_000_000;

/** Reason for a left-out page block that no boilerplate rule names more precisely. */
export const OUTSIDE_MAIN_CONTENT = 'boilerplate:outside-main-content';

/**
 * The page blocks the main-content cascade left out, each with a reason (a boilerplate rule's when one
 * fits, else `boilerplate:outside-main-content`); neighbours with the same reason are merged.
 */
function leftOutBlocks(pageBlocks: readonly SourceParagraph[], main: readonly SourceParagraph[], title: string | undefined): DroppedPiece[] {
  const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();
  const mainParagraphs = new Set(main.map((p) => norm(p.text)));
  const mainText = [...mainParagraphs].join(' ');
  const titleText = title ? norm(title) : undefined;
  // Substring search is the slow path (blocks x main text); past this many characters scanned, a block not equal to a paragraph is outside.
  let scanBudget = MAX_OUTSIDE_SCAN_CHARS;
  const inMain = (t: string) => {
    if (mainParagraphs.has(t)) return true;
    if (scanBudget <= 0) return false;
    scanBudget -= mainText.length;
    return mainText.includes(t);
  };
  const outside = pageBlocks.filter((b) => {
    // A hidden block was never shown to a reader: it is not a dropped piece of the page.
    if (b.hidden) return false;
    const t = norm(b.text);
    return t && t !== titleText && !inMain(t);
  });
  const named = new Map(filterBoilerplate(outside, { html: true }).dropped.map((d) => [d.start, d.reason]));
  const pieces: DroppedPiece[] = [];
  for (const block of outside) {
    const reason = named.get(block.start) ?? OUTSIDE_MAIN_CONTENT;
    const last = pieces.at(-1);
    if (last && last.reason === reason) last.text += `\n${block.text}`;
    else pieces.push({ text: block.text, reason });
  }
  return pieces;
}

/** prepareHtml, with a page over the budget's hard limits turned into a fatal `extract:too-complex` message. */
function prepareHtmlWithinBudget(raw: RawDocument, budget: ExtractBudget, useModel: boolean): Prepared {
  try {
    return prepareHtml(raw, budget, useModel);
  } catch (error) {
    if (!(error instanceof TooComplexError)) throw error;
    return { paragraphs: [], meta: {}, messages: [{ ruleId: error.ruleId, source: SOURCE, severity: 'fatal', reason: `${error.message}; not extracted` }] };
  }
}

function prepareText(raw: RawDocument): Prepared {
  const { paragraphs, title } = collectTextParagraphs(raw.body, raw.format === 'markdown');
  return { paragraphs, meta: title ? { title } : {}, messages: [] };
}

/**
 * Turns one raw input into an Article: main text (HTML through a numbered cascade), metadata,
 * boilerplate removed paragraph by paragraph, broken paragraphs rejoined, offsets kept.
 * @example extractDocument({ input: 'a.html', format: 'html', body, fetchedAt }).text
 */
export function extractDocument(raw: RawDocument, options: ExtractOptions = {}): Article {
  const prepared = raw.format === 'html' ? prepareHtmlWithinBudget(raw, resolveBudget(options.budget), options.blockModel !== false) : prepareText(raw);
  const messages: ArticleMessage[] = [];
  for (const note of raw.notes ?? []) {
    messages.push({ ruleId: note.ruleId, source: 'ingest', severity: note.severity ?? 'warning', reason: note.reason });
  }
  messages.push(...prepared.messages);

  let paragraphs = prepared.paragraphs;
  if (options.rejoin !== false) {
    const { paragraphs: joined, joins } = rejoinParagraphs(paragraphs);
    paragraphs = joined;
    for (const join of joins) {
      messages.push(info('extract:rejoined', 'rejoined a paragraph broken mid-sentence', `input ${join.start}-${join.end}`));
    }
  }
  let dropped: DroppedPiece[] = [];
  if (options.boilerplate !== false) {
    const skipRules = [...(options.skipRules ?? []), ...(prepared.decidedRules ?? [])];
    const publisherNames = publisherNamesOf(prepared.meta.canonicalUrl ?? raw.url);
    const result = filterBoilerplate(paragraphs, { html: raw.format === 'html', skipRules, publisherNames, listing: prepared.listing });
    paragraphs = result.kept;
    dropped = result.dropped;
  }
  dropped.push(...(prepared.outside ?? []));

  const sourceMap: SourceMapEntry[] = [];
  const layer = [];
  let offset = 0;
  for (const p of paragraphs) {
    if (sourceMap.length) offset += PARAGRAPH_SEPARATOR.length;
    const entry = { start: offset, end: offset + p.text.length, inputStart: p.start, inputEnd: p.end };
    sourceMap.push(entry);
    layer.push({ start: entry.start, end: entry.end });
    offset = entry.end;
  }
  const text = joinParagraphs(paragraphs);

  const meta = mergeMeta(prepared.meta, raw.meta);
  const detected = detectLanguage(text);
  if (!meta.lang) {
    meta.lang = detected;
  } else if (!raw.meta?.lang && detected !== 'und' && detected !== meta.lang && canCheckLanguage(meta.lang)) {
    // A page's lang attribute often comes from a site template; text that clearly reads as another checkable language wins.
    messages.push({
      ruleId: 'extract:lang-mismatch',
      source: SOURCE,
      severity: 'info',
      reason: `page declares "${meta.lang}" but its text reads as "${detected}"; using "${detected}"`,
    });
    meta.lang = detected;
  }
  const url = meta.canonicalUrl ?? raw.url;

  if (!text.trim()) {
    messages.push({ ruleId: 'extract:empty', source: SOURCE, severity: 'fatal', reason: 'no main text left after extraction' });
  } else if (text.length < MIN_TEXT_CHARS) {
    messages.push({ ruleId: 'extract:too-short', source: SOURCE, severity: 'warning', reason: `main text has ${text.length} chars, under ${MIN_TEXT_CHARS}` });
  }

  const source: Article['source'] = { fetchedAt: raw.fetchedAt, format: raw.format };
  if (url) source.url = url;
  if (raw.path) source.path = raw.path;
  if (raw.feed) source.feed = raw.feed;
  if (raw.record !== undefined) source.record = raw.record;

  const article: Article = {
    id: articleIdFor({ url, text }),
    source,
    text,
    meta,
    layers: { paragraph: layer },
    data: { dropped, sourceMap },
    messages,
  };
  if (prepared.html !== undefined) article.html = prepared.html;
  return article;
}

/** Options of the `extract/main-text` stage. */
export const extractStageOptions = z.object({
  boilerplate: z.boolean().default(true),
  rejoin: z.boolean().default(true),
  skipRules: z.array(z.string()).default([]),
  budget: z
    .object({
      maxMs: z.number().int().positive(),
      maxTagNesting: z.number().int().positive(),
      maxDepth: z.number().int().positive(),
      maxReadabilityElements: z.number().int().nonnegative(),
      maxElements: z.number().int().positive(),
    })
    .partial()
    .default({}),
});
export type ExtractStageOptions = z.infer<typeof extractStageOptions>;

/** Per-article stage that re-runs extraction from `article.html` when present (else leaves the article alone). */
export function createExtractStage(options: ExtractOptions = {}): Stage {
  return {
    name: 'extract/main-text',
    requires: [],
    produces: ['text', 'meta', 'layers.paragraph', 'data.dropped', 'data.sourceMap'],
    run(article) {
      if (article.html === undefined) return article;
      const fresh = extractDocument(
        {
          input: article.source.path ?? article.source.url ?? article.id,
          url: article.source.url,
          path: article.source.path,
          feed: article.source.feed,
          record: article.source.record,
          format: 'html',
          body: article.html,
          meta: article.meta,
          fetchedAt: article.source.fetchedAt,
        },
        options,
      );
      return { ...fresh, messages: [...article.messages, ...fresh.messages] };
    },
  };
}

/** Registry factory for the `extract/main-text` stage. */
export const extractStage: StageFactory<typeof extractStageOptions> = {
  name: 'extract/main-text',
  options: extractStageOptions,
  create: (options) => createExtractStage(options),
};
