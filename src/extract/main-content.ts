import { Readability } from '@mozilla/readability';
import { boundDom, type Deadline, type DomBounds, type ExtractBudget } from './budget.js';
import { collapseWhitespace, parseHtmlDocument, type DomDocument, type DomElement, type DomNode } from './dom.js';
import { readContainers, widenPick } from './containers.js';
import { collectHtmlParagraphs } from './html-paragraphs.js';
import type { SourceParagraph } from './paragraph.js';
import { BODY_SELECTORS, BR_LAYOUT_SELECTORS } from './selectors.js';

/** An attempt whose text is shorter than this (chars) falls through to the next one. */
export const MIN_ATTEMPT_CHARS = 250;
/** A fallback replaces Readability only when it holds this many times more text. */
export const FALLBACK_GAIN_RATIO = 2;
/** Pages larger than this (chars) skip Readability, whose scoring is superlinear on huge DOMs. */
export const MAX_READABILITY_HTML_CHARS = 6_000_000;

/** Which attempt of the cascade produced the main content. */
export type ContentAttempt =
  | '1:readability'
  | '1:readability-widened'
  | '2:json-ld-articleBody'
  | '3:itemprop-articleBody'
  | '4:text-density'
  | '5:br-layout'
  | '6:noscript'
  | '7:whole-body'
  | '8:block-model';

/** The main content found in a page, as paragraphs with offsets into their joined text. */
export interface MainContent {
  attempt: ContentAttempt;
  paragraphs: SourceParagraph[];
  /** Why this attempt won, for the `info` message. */
  why: string;
}

function textLength(paragraphs: readonly SourceParagraph[]): number {
  let n = 0;
  for (const p of paragraphs) n += p.text.length;
  return n;
}

/** Share of Readability's text the headline's <article> must hold to replace it: a smaller one is a hero banner over the page. */
const MIN_NARROWED_SHARE = 0.15;

/** Attribute marking, before Readability runs, the <article> that holds the page's one <h1>. */
const HEADLINE_ARTICLE_MARK = 'data-triangulate-headline';

/** Marks the <article> holding the page's only <h1> when other <article>s follow it (posts "you may also like"). */
function markHeadlineArticle(document: DomDocument): void {
  const h1s = document.querySelectorAll('body h1');
  if (h1s.length !== 1) return;
  let article: DomNode | null = h1s[0].parentNode;
  while (article && article.localName !== 'article') article = article.parentNode;
  if (!article || (article as DomElement).querySelector('article')) return;
  (article as DomElement).setAttribute(HEADLINE_ARTICLE_MARK, '');
}

/**
 * On a page that declares one article, a Readability pick holding several <article>s, one of them headed by the page's headline, is narrowed to that one
 * (elsewhere the headline's <article> is as often a product page's hero section):
 * the others are teasers of other posts (trafilatura reads the first article of a page for the same reason).
 */
function headlineArticle(pick: DomElement): DomElement | undefined {
  const marked = pick.querySelector(`article[${HEADLINE_ARTICLE_MARK}]`);
  if (!marked || marked === pick) return undefined;
  const articles = pick.querySelectorAll('article');
  if (articles.length < 2) return undefined;
  return marked;
}

function runReadability(document: DomDocument, oneArticle: boolean): { paragraphs: SourceParagraph[]; narrowed: boolean } | undefined {
  try {
    if (oneArticle) markHeadlineArticle(document);
    // The serializer hands back the element itself, so we skip an HTML round trip.
    const reader = new Readability(document as unknown as Document, { serializer: (el: Node) => el as unknown as string });
    const result = reader.parse();
    if (!result?.content) return undefined;
    const pick = result.content as unknown as DomElement;
    const headed = oneArticle ? headlineArticle(pick) : undefined;
    if (headed) {
      const narrowed = collectHtmlParagraphs(headed);
      const all = collectHtmlParagraphs(pick);
      if (textLength(narrowed) >= Math.max(MIN_ATTEMPT_CHARS, MIN_NARROWED_SHARE * textLength(all))) return { paragraphs: narrowed, narrowed: true };
      return { paragraphs: all, narrowed: false };
    }
    return { paragraphs: collectHtmlParagraphs(pick), narrowed: false };
  } catch {
    return undefined;
  }
}

function paragraphsOfText(text: string): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  let offset = 0;
  for (const raw of text.split(/\n\s*\n|\r?\n/)) {
    const t = collapseWhitespace(raw);
    if (!t) continue;
    if (out.length) offset += 2;
    out.push({ text: t, start: offset, end: offset + t.length });
    offset += t.length;
  }
  return out;
}

/** Scores block containers by the non-link text of their paragraph children (Readability-like, simpler). */
function densestBlock(document: DomDocument): DomElement | undefined {
  const scores = new Map<DomElement, number>();
  for (const p of Array.from(document.querySelectorAll('p, pre, td, br'))) {
    const el = p.localName === 'br' ? (p.parentNode as DomElement | null) : p;
    if (!el) continue;
    const text = collapseWhitespace(el.textContent ?? '');
    if (text.length < 25) continue;
    let linkText = 0;
    for (const a of Array.from(el.querySelectorAll('a'))) linkText += (a.textContent ?? '').length;
    const score = Math.max(0, text.length - 2 * linkText) + (text.match(/[,.]/g)?.length ?? 0) * 10;
    const parent = (p.localName === 'br' ? el : el.parentNode) as DomElement | null;
    if (!parent || !parent.localName) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent.parentNode as DomElement | null;
    if (grand?.localName) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: DomElement | undefined;
  let bestScore = 0;
  for (const [el, s] of scores) if (s > bestScore) [best, bestScore] = [el, s];
  return best;
}

function largestMatch(document: DomDocument, selectors: readonly string[]): DomElement | undefined {
  let best: DomElement | undefined;
  let bestLen = 0;
  for (const selector of selectors) {
    for (const el of Array.from(document.querySelectorAll(selector))) {
      const len = (el.textContent ?? '').length;
      if (len > bestLen) [best, bestLen] = [el, len];
    }
    if (best) return best;
  }
  return best;
}

/** Largest <noscript> block, parsed as the page a reader without scripts sees (app shells put their server-rendered text there). */
export function noscriptContent(document: DomDocument): DomElement | undefined {
  let largest = '';
  for (const el of Array.from(document.querySelectorAll('body noscript'))) {
    const inner = (el as unknown as { innerHTML?: string }).innerHTML ?? el.textContent ?? '';
    if (inner.length > largest.length) largest = inner;
  }
  if (!largest.trim()) return undefined;
  // The paragraph walker skips <noscript> (hidden while scripts run); read on its own, its markup is the page.
  return parseHtmlDocument(`<!doctype html><html><body>${largest}</body></html>`).body ?? undefined;
}

/** The budget a cascade runs under: limits, the document's clock, and what bounding its DOM found. */
export interface ContentLimits {
  budget: ExtractBudget;
  deadline: Deadline;
  bounds: DomBounds;
}

function skipReason(html: string, { budget, deadline, bounds }: ContentLimits): string {
  if (html.length > MAX_READABILITY_HTML_CHARS) return `${html.length} chars of HTML`;
  if (bounds.elements > budget.maxReadabilityElements) return `${bounds.elements} elements`;
  return deadline.expired() ? 'time budget spent' : 'not needed';
}

/**
 * Finds the main content of a page with a numbered cascade: 1 Readability, 2 JSON-LD articleBody,
 * 3 itemprop=articleBody / <article> / <main>, 4 the densest text block, 5 a blog <br> layout,
 * 6 a <noscript> block, 7 the whole body. Attempt 1 (widened to its content container when it is one
 * section of it) wins unless it is short and a later attempt holds much more text.
 */
export function findMainContent(html: string, document: DomDocument, jsonLdBody: string | undefined, limits: ContentLimits, oneArticle = false): MainContent {
  const { budget, deadline, bounds } = limits;
  const readable = html.length <= MAX_READABILITY_HTML_CHARS && bounds.elements <= budget.maxReadabilityElements && !deadline.expired();
  // Read before Readability mutates the document.
  const containers = readable ? readContainers(document) : [];
  const read = readable ? runReadability(document, oneArticle) : undefined;
  const readability = read?.paragraphs;
  const readabilityChars = readability ? textLength(readability) : 0;
  if (readability && readabilityChars >= MIN_ATTEMPT_CHARS) {
    // Readability keeps one section of a container split in several; the container as a whole is the article.
    // A pick narrowed to the headline's post is not widened back to the container that holds the other posts.
    const wider = read?.narrowed ? undefined : widenPick(readability, containers);
    if (wider) {
      const why = `Readability found ${readabilityChars} chars of a content container holding ${textLength(wider)}`;
      return { attempt: '1:readability-widened', paragraphs: wider, why };
    }
    return { attempt: '1:readability', paragraphs: readability, why: `Readability found ${readabilityChars} chars` };
  }
  const floor = Math.max(MIN_ATTEMPT_CHARS, readabilityChars * FALLBACK_GAIN_RATIO);
  if (jsonLdBody) {
    const paragraphs = paragraphsOfText(jsonLdBody);
    if (textLength(paragraphs) >= floor) {
      return { attempt: '2:json-ld-articleBody', paragraphs, why: `Readability found ${readabilityChars} chars; JSON-LD articleBody has more` };
    }
  }
  // Readability mutated the first parse; later attempts need the page as served (bounded the same way).
  const fresh = readable ? parseHtmlDocument(html) : document;
  if (readable) boundDom(fresh, budget);
  const tries: Array<[ContentAttempt, () => DomElement | undefined]> = [
    ['3:itemprop-articleBody', () => largestMatch(fresh, BODY_SELECTORS)],
    ['4:text-density', () => densestBlock(fresh)],
    ['5:br-layout', () => largestMatch(fresh, BR_LAYOUT_SELECTORS)],
    ['6:noscript', () => noscriptContent(fresh)],
    ['7:whole-body', () => fresh.body ?? undefined],
  ];
  for (const [attempt, find] of tries) {
    // Past the time budget only the cheapest attempt, the whole body, is tried.
    if (deadline.expired() && attempt !== '7:whole-body') continue;
    const el = find();
    if (!el) continue;
    const paragraphs = collectHtmlParagraphs(el);
    if (textLength(paragraphs) >= floor || attempt === '7:whole-body') {
      const skipped = readable ? '' : `Readability skipped (${skipReason(html, limits)}); `;
      const late = deadline.expired() ? `past the ${budget.maxMs} ms budget; ` : '';
      return { attempt, paragraphs, why: `${skipped}${late}Readability found ${readabilityChars} chars; ${attempt} found ${textLength(paragraphs)}` };
    }
  }
  return { attempt: '1:readability', paragraphs: readability ?? [], why: 'nothing found' };
}
