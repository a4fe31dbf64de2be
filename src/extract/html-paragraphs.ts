import { collapseWhitespace, ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './dom.js';
import type { SourceParagraph } from './paragraph.js';
import { BLOCK_TAGS, HEADING_TAGS, SKIP_TAGS } from './selectors.js';

/** Separator between paragraphs in pre-filter and final text. */
export const PARAGRAPH_SEPARATOR = '\n\n';

const CAPTION_CLASS_RE = /(^|[\s_-])(caption|credit|wp-caption-text|image-credit|photo-credit)([\s_-]|$)/i;

interface Flags {
  heading: boolean;
  listItem: boolean;
  inFigure: boolean;
  quote: boolean;
  /** Inside a block hidden on the page (read only when asked). */
  hidden: boolean;
  /** Structural marks of the ancestors (see `blockMarks`), shared until an element adds one. */
  marks: readonly string[];
}

/** Links an inline element must hold to be read as a pop-up card of links rather than part of the sentence. */
const MIN_CARD_LINKS = 3;
/** Share of an inline card's text that its links hold (a sentence around links has its own words). */
const MIN_CARD_LINK_SHARE = 0.9;

/** An inline element made only of several links hanging off the link before it: a hover card (a person's latest stories), hidden until pointed at. */
function isInlineLinkCard(el: DomElement): boolean {
  let before = el.previousSibling;
  while (before && before.nodeType === TEXT_NODE && !(before.nodeValue ?? '').trim()) before = before.previousSibling;
  if (before?.localName !== 'a') return false;
  const links = el.querySelectorAll('a');
  if (links.length < MIN_CARD_LINKS) return false;
  const total = (el.textContent ?? '').replace(/\s+/g, '').length;
  let linked = 0;
  for (let i = 0; i < links.length; i++) linked += (links[i].textContent ?? '').replace(/\s+/g, '').length;
  return total > 0 && linked >= MIN_CARD_LINK_SHARE * total;
}

type Frame = { node: DomNode; flags: Flags; exit: boolean };

/** A hidden element: the `hidden` attribute or an inline style that hides it. */
function isHidden(el: DomElement): boolean {
  return el.getAttribute('hidden') !== null || /display:\s*none|visibility:\s*hidden/i.test(el.getAttribute('style') ?? '');
}

/** Share of the walked element's text from which a form or hidden element is the page's own wrapper, not a widget. */
const WRAPPER_TEXT_SHARE = 0.5;
/** Fewest characters a page wrapper holds (a page's worth, as main-content.ts's MIN_ATTEMPT_CHARS): on a tiny page one tab can be half of it. */
const MIN_WRAPPER_CHARS = 250;

const NON_TEXT_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/**
 * Characters of text under every element of `root`, scripts and styles left out (they can outweigh a page's words), in
 * one pass: counting each form or hidden element's subtree when met would be quadratic in nested ones (hostile pages).
 */
function textLengths(root: DomElement): Map<DomNode, number> {
  const lengths = new Map<DomNode, number>();
  // Post-order without recursion: a node is summed once its children are.
  const stack: Array<[DomNode, boolean]> = [[root, false]];
  while (stack.length) {
    const [node, done] = stack.pop()!;
    if (node.nodeType !== ELEMENT_NODE || NON_TEXT_TAGS.has(node.localName ?? '')) continue;
    const children = node.childNodes;
    if (!done) {
      stack.push([node, true]);
      for (let i = 0; i < children.length; i++) stack.push([children[i], false]);
      continue;
    }
    let n = 0;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      n += child.nodeType === TEXT_NODE ? (child.nodeValue ?? '').length : (lengths.get(child) ?? 0);
    }
    lengths.set(node, n);
  }
  return lengths;
}

/**
 * Walks an element (leaving out subtrees `skip` names) and cuts its text into paragraphs at block elements and <br>, keeping
 * headings, list items, link density and figure membership. Hidden elements are left out, except that `readHidden` reads
 * hidden block elements (closed tabs and accordion panels, menus) as paragraphs marked `hidden`; a form or hidden element
 * holding most of the text is the page's wrapper and read as visible. Iterative and linear in the DOM size (the text under
 * each element is counted in one pass, when the first form or hidden element is met).
 */
export function collectHtmlParagraphs(root: DomElement, skip?: (el: DomElement) => boolean, marksOf?: (el: DomElement) => readonly string[], readHidden = false): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let textChars = 0;
  const none: readonly string[] = [];
  let current: Flags = { heading: false, listItem: false, inFigure: false, quote: false, hidden: false, marks: none };
  let offset = 0;
  let linkDepth = 0;
  let lengths: Map<DomNode, number> | undefined;
  // A form or hidden element holding most of the text is the layout (ASP.NET pages sit in one <form>; some pages stay hidden until a script shows them), not a search box or a closed tab.
  const isWrapper = (el: DomElement) => {
    lengths ??= textLengths(root);
    const rootChars = lengths.get(root) ?? 0;
    return rootChars >= MIN_WRAPPER_CHARS && (lengths.get(el) ?? 0) >= Math.max(MIN_WRAPPER_CHARS, WRAPPER_TEXT_SHARE * rootChars);
  };

  const flush = () => {
    if (!parts.length) return;
    const text = collapseWhitespace(parts.join(''));
    parts = [];
    if (text) {
      if (out.length) offset += PARAGRAPH_SEPARATOR.length;
      const p: SourceParagraph = { text, start: offset, end: offset + text.length };
      if (current.heading) p.heading = true;
      if (current.listItem) p.listItem = true;
      if (current.inFigure) p.inFigure = true;
      if (current.quote) p.quote = true;
      if (current.hidden) p.hidden = true;
      if (marksOf) p.marks = current.marks;
      p.linkDensity = textChars ? Math.min(1, linkChars / textChars) : 0;
      offset = p.end;
      out.push(p);
    }
    linkChars = 0;
    textChars = 0;
  };

  const rootFlags: Flags = { heading: false, listItem: false, inFigure: false, quote: false, hidden: false, marks: none };
  const stack: Frame[] = [{ node: root, flags: rootFlags, exit: false }];
  while (stack.length) {
    const frame = stack.pop()!;
    const { node, flags } = frame;
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      if (!parts.length) current = flags;
      parts.push(value);
      const visible = value.replace(/\s+/g, '').length;
      textChars += visible;
      if (linkDepth > 0) linkChars += visible;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = node.localName ?? '';
    if (frame.exit) {
      if (tag === 'a') linkDepth--;
      if (BLOCK_TAGS.has(tag)) flush();
      continue;
    }
    if (SKIP_TAGS.has(tag) && !(tag === 'form' && isWrapper(node as DomElement))) continue;
    if (tag === 'br' || tag === 'hr') {
      flush();
      continue;
    }
    if (tag === 'img') continue;
    const el = node as DomElement;
    // Hidden inline text would join a visible paragraph's words; only whole hidden blocks are read, and only when asked.
    const hides = isHidden(el) && !isWrapper(el);
    if (hides && !(readHidden && BLOCK_TAGS.has(tag))) continue;
    if (skip && el !== root && skip(el)) continue;
    if (!BLOCK_TAGS.has(tag) && tag !== 'a' && parts.some((part) => part.trim()) && isInlineLinkCard(el)) continue;
    if (BLOCK_TAGS.has(tag)) flush();
    if (tag === 'a') linkDepth++;
    const cls = el.getAttribute('class') ?? '';
    const childFlags: Flags = {
      heading: flags.heading || HEADING_TAGS.has(tag),
      listItem: flags.listItem || tag === 'li',
      inFigure: flags.inFigure || tag === 'figure' || tag === 'figcaption' || (cls !== '' && CAPTION_CLASS_RE.test(cls)),
      quote: flags.quote || tag === 'blockquote' || tag === 'pre',
      hidden: flags.hidden || hides,
      marks: flags.marks,
    };
    if (marksOf) {
      const own = marksOf(el);
      if (own.length) childFlags.marks = [...flags.marks, ...own.filter((m) => !flags.marks.includes(m))];
    }
    stack.push({ node, flags, exit: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], flags: childFlags, exit: false });
  }
  flush();
  return out;
}

/** Joins paragraphs into the pre-filter text their offsets point into. */
export function joinParagraphs(paragraphs: readonly { text: string }[]): string {
  return paragraphs.map((p) => p.text).join(PARAGRAPH_SEPARATOR);
}
