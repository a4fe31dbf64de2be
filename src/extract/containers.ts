/**
 * Semantic content containers (<article>, <main>, articleBody, blog post bodies) read with their furniture
 * left out, so a Readability pick that is one section of a longer container can be widened to it.
 */
import { collapseWhitespace, type DomDocument, type DomElement } from './dom.js';
import { collectHtmlParagraphs } from './html-paragraphs.js';
import type { SourceParagraph } from './paragraph.js';
import { BODY_SELECTORS, BR_LAYOUT_SELECTORS, FURNITURE_CLASS_WORDS, FURNITURE_TAGS } from './selectors.js';

/** Containers read per page, largest first: listing pages have one <article> per teaser. */
export const MAX_CONTAINERS = 8;
/** Share of the picked text a container must hold to be a widening of it. */
export const MIN_COVER_RATIO = 0.9;
/** A container replaces the pick only when it holds this many times its non-link text. */
export const MIN_WIDEN_RATIO = 1.6;
/** Characters of substring search spent per page when matching paragraphs that were re-cut. */
const MAX_COVER_SCAN_CHARS = 20_000_000;

/** A furniture block inside a container: nav/aside/footer/header, or a class/id word from FURNITURE_CLASS_WORDS. */
export function isFurniture(el: DomElement): boolean {
  if (FURNITURE_TAGS.has(el.localName)) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (names.length < 2) return false;
  for (const word of names.toLowerCase().split(/[\s_-]+/)) if (FURNITURE_CLASS_WORDS.has(word)) return true;
  return false;
}

/** One container's paragraphs, without furniture. */
export interface Container {
  paragraphs: SourceParagraph[];
  /** Characters of text outside links. */
  ownChars: number;
}

/** Characters of paragraph text outside links. */
export function nonLinkChars(paragraphs: readonly SourceParagraph[]): number {
  let n = 0;
  for (const p of paragraphs) n += p.text.length * (1 - (p.linkDensity ?? 0));
  return n;
}

/** The page's content containers (read before anything mutates the document), largest first. */
export function readContainers(document: DomDocument): Container[] {
  const seen = new Set<DomElement>();
  const sized: Array<[DomElement, number]> = [];
  for (const selector of [...BODY_SELECTORS, ...BR_LAYOUT_SELECTORS]) {
    for (const el of Array.from(document.querySelectorAll(selector))) {
      if (seen.has(el)) continue;
      seen.add(el);
      sized.push([el, (el.textContent ?? '').length]);
    }
  }
  sized.sort((a, b) => b[1] - a[1]);
  return sized.slice(0, MAX_CONTAINERS).map(([el]) => {
    const paragraphs = collectHtmlParagraphs(el, isFurniture);
    return { paragraphs, ownChars: nonLinkChars(paragraphs) };
  });
}

/** Link density above which a block is navigation (jusText's max_link_density). */
export const MAX_CONTENT_LINK_DENSITY = 0.3;
/** Blocks shorter than this (chars) are "short": kept only between kept blocks (jusText's length_low). */
export const SHORT_BLOCK_CHARS = 50;
/** Blocks from this long (chars) are content on length alone (jusText's length_high, in characters). */
export const LONG_BLOCK_CHARS = 150;
/** Share of a stretch's content words found in the picked text for it to join across a navigation block (as the headline-run rule's 0.35). */
export const MIN_STRETCH_OVERLAP_RATIO = 0.35;

/** Lower-cased words longer than three letters: a language-independent stand-in for content words. */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []);
}

/** Blocks after a heading within which content must start for the heading to be kept. */
const HEADING_REACH_BLOCKS = 2;

type BlockClass = 'good' | 'bad' | 'short' | 'near';

/** jusText's first pass, with sentence punctuation standing in for its per-language stopword density. */
function classify(p: SourceParagraph): BlockClass {
  if ((p.linkDensity ?? 0) > MAX_CONTENT_LINK_DENSITY) return 'bad';
  if (p.text.length < SHORT_BLOCK_CHARS || p.heading) return 'short';
  if (p.text.length >= LONG_BLOCK_CHARS || /[.!?;:。！？]["'”’»)]*$/u.test(p.text)) return 'good';
  return 'near';
}

/**
 * The container's blocks that read as content (jusText's context pass): the picked blocks and prose are kept;
 * a short block only between kept blocks, a near-content block next to one, a heading when content follows it;
 * and of those only the ones no navigation block separates from the picked text.
 */
export function contentBlocks(container: readonly SourceParagraph[], picked: ReadonlySet<string>): SourceParagraph[] {
  const cls = container.map((p) => (picked.has(normText(p.text)) ? 'good' : classify(p)));
  const decided = (i: number, step: number): BlockClass => {
    for (let j = i + step; j >= 0 && j < cls.length; j += step) if (cls[j] === 'good' || cls[j] === 'bad') return cls[j];
    return 'bad';
  };
  const final = cls.map((c, i) => {
    if (c === 'good' || c === 'bad') return c === 'good';
    const prev = decided(i, -1);
    const next = decided(i, 1);
    if (container[i].heading) {
      for (let j = i + 1; j <= i + HEADING_REACH_BLOCKS && j < cls.length; j++) if (cls[j] === 'good') return true;
      return false;
    }
    return c === 'short' ? prev === 'good' && next === 'good' : prev === 'good' || next === 'good';
  });
  // Stretches between navigation blocks: those holding picked text, and those that speak of what it speaks of
  // (the rest of a thread); a rail of other stories is cut off by its linked headlines and shares few words.
  const vocabulary = new Set<string>();
  container.forEach((p, i) => picked.has(normText(p.text)) && contentWords(p.text).forEach((w) => vocabulary.add(w)));
  const reach = new Array<boolean>(cls.length).fill(false);
  for (let a = 0; a < cls.length; ) {
    let b = a;
    while (b < cls.length && cls[b] !== 'bad') b++;
    let holdsPick = false;
    let words = 0;
    let shared = 0;
    for (let i = a; i < b && !holdsPick; i++) {
      holdsPick = picked.has(normText(container[i].text));
      if (!final[i]) continue;
      for (const w of contentWords(container[i].text)) {
        words++;
        if (vocabulary.has(w)) shared++;
      }
    }
    if (holdsPick || (words && shared / words > MIN_STRETCH_OVERLAP_RATIO)) reach.fill(true, a, b);
    a = b + 1;
  }
  return container.filter((_, i) => final[i] && reach[i]);
}

function normText(t: string): string {
  return collapseWhitespace(t).toLowerCase();
}

/**
 * The content of the tightest container that holds (almost) all of `picked` and clearly more text besides, if any.
 * @example widenPick(readabilityParagraphs, readContainers(document))
 */
export function widenPick(picked: readonly SourceParagraph[], containers: readonly Container[]): SourceParagraph[] | undefined {
  const pickedChars = picked.reduce((a, p) => a + p.text.length, 0);
  if (!pickedChars) return undefined;
  const pickedSet = new Set(picked.map((p) => normText(p.text)));
  let scan = MAX_COVER_SCAN_CHARS;
  let best: SourceParagraph[] | undefined;
  let bestChars = Infinity;
  for (const c of containers) {
    if (c.ownChars < pickedChars * MIN_WIDEN_RATIO) continue;
    const own = new Set(c.paragraphs.map((p) => normText(p.text)));
    const joined = [...own].join(' ');
    let covered = 0;
    for (const p of picked) {
      const t = normText(p.text);
      if (own.has(t)) covered += p.text.length;
      else if (scan > 0) {
        scan -= joined.length;
        if (joined.includes(t)) covered += p.text.length;
      }
    }
    if (covered < pickedChars * MIN_COVER_RATIO) continue;
    const content = contentBlocks(c.paragraphs, pickedSet);
    const chars = content.reduce((a, p) => a + p.text.length, 0);
    if (chars >= pickedChars * MIN_WIDEN_RATIO && chars < bestChars) [best, bestChars] = [reoffset(content), chars];
  }
  return best;
}

/** Paragraphs with offsets into their own joined text again. */
function reoffset(paragraphs: readonly SourceParagraph[]): SourceParagraph[] {
  let offset = 0;
  return paragraphs.map((p, i) => {
    if (i) offset += 2;
    const q = { ...p, start: offset, end: offset + p.text.length };
    offset = q.end;
    return q;
  });
}
