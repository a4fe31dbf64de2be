/**
 * The per-document extraction budget: a time limit and DOM size and depth caps, so one hostile page
 * (100,000 nested elements, an endless table) cannot hold a batch. Real pages never reach the defaults:
 * across 1,805 benchmark and test pages the deepest DOM is 56 levels and the largest 15,797 elements.
 */
import { MAX_TAG_NESTING } from './cap-nesting.js';
import { ELEMENT_NODE, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from './dom.js';
import { BLOCK_TAGS, SKIP_TAGS } from './selectors.js';

/** Time one document may take to extract, in milliseconds; past it the cascade stops at its cheapest attempt. */
export const EXTRACT_BUDGET_MS = 20_000;
/** DOM depth kept as parsed; deeper content is flattened into text at this depth (Readability is quadratic in depth). */
export const MAX_DOM_DEPTH = 128;
/** Elements above which Readability is skipped for the linear fallback attempts. */
export const MAX_READABILITY_ELEMENTS = 60_000;
/** Elements above which a page is refused as `extract:too-complex`, counted before parsing: 16 times the largest real page seen. */
export const MAX_DOM_ELEMENTS = 250_000;

/** Limits on one document's extraction; each field has a named default above. */
export interface ExtractBudget {
  maxMs: number;
  /** Tag nesting kept in the raw HTML before parsing (see cap-nesting.ts). */
  maxTagNesting: number;
  maxDepth: number;
  maxReadabilityElements: number;
  maxElements: number;
}

/** Fills in the defaults of a partial budget. */
export function resolveBudget(budget: Partial<ExtractBudget> = {}): ExtractBudget {
  return {
    maxMs: budget.maxMs ?? EXTRACT_BUDGET_MS,
    maxTagNesting: budget.maxTagNesting ?? MAX_TAG_NESTING,
    maxDepth: budget.maxDepth ?? MAX_DOM_DEPTH,
    maxReadabilityElements: budget.maxReadabilityElements ?? MAX_READABILITY_ELEMENTS,
    maxElements: budget.maxElements ?? MAX_DOM_ELEMENTS,
  };
}

/** A document over its budget; `extractDocument` turns it into an `extract:too-complex` fatal message. */
export class TooComplexError extends Error {
  readonly ruleId = 'extract:too-complex';
  constructor(message: string) {
    super(message);
    this.name = 'TooComplexError';
  }
}

/** Wall-clock deadline of one extraction. */
export interface Deadline {
  readonly budgetMs: number;
  elapsedMs(): number;
  expired(): boolean;
}

/** Starts the clock of one extraction. */
export function startDeadline(budgetMs: number): Deadline {
  const start = performance.now();
  return {
    budgetMs,
    elapsedMs: () => performance.now() - start,
    expired: () => performance.now() - start > budgetMs,
  };
}

/** What bounding a parsed document found and did. */
export interface DomBounds {
  /** Elements left after flattening. */
  elements: number;
  depth: number;
  /** Elements removed by flattening content deeper than the cap. */
  flattened: number;
}

/**
 * Counts elements and depth in one linear pass and flattens anything deeper than `maxDepth`: the text below
 * becomes text nodes of the element at the cap, with a <br> where a block ended, so paragraphs stay apart.
 * Throws TooComplexError past `maxElements`.
 */
export function boundDom(document: DomDocument, budget: ExtractBudget): DomBounds {
  const bounds: DomBounds = { elements: 0, depth: 0, flattened: 0 };
  const stack: Array<[DomElement, number]> = [[document.documentElement, 1]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    bounds.elements++;
    if (bounds.elements + bounds.flattened > budget.maxElements) {
      throw new TooComplexError(`the page has over ${budget.maxElements.toLocaleString('en-US')} elements`);
    }
    if (depth > bounds.depth) bounds.depth = depth;
    if (depth === budget.maxDepth && el.children.length) {
      bounds.flattened += flattenInto(el);
      continue;
    }
    const children = el.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth + 1]);
  }
  if (bounds.elements + bounds.flattened > budget.maxElements) {
    throw new TooComplexError(`the page has over ${budget.maxElements.toLocaleString('en-US')} elements`);
  }
  return bounds;
}

type Flattenable = DomElement & {
  ownerDocument: { createTextNode(text: string): DomNode; createElement(tag: string): DomNode };
  appendChild(node: DomNode): DomNode;
  textContent: string | null;
};

/** Replaces the descendants of `el` by their text, a <br> after each block; returns how many elements went. */
function flattenInto(el: DomElement): number {
  const target = el as Flattenable;
  const doc = target.ownerDocument;
  const pieces: DomNode[] = [];
  let removed = 0;
  let pendingBreak = false;
  type Frame = { node: DomNode; exit: boolean };
  const stack: Frame[] = [];
  const pushChildren = (node: DomNode) => {
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], exit: false });
  };
  pushChildren(el);
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      if (pendingBreak && pieces.length) pieces.push(doc.createElement('br'));
      pendingBreak = false;
      pieces.push(doc.createTextNode(node.nodeValue ?? ''));
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = node.localName ?? '';
    if (exit) {
      if (BLOCK_TAGS.has(tag) || tag === 'br') pendingBreak = true;
      continue;
    }
    removed++;
    if (SKIP_TAGS.has(tag)) continue;
    stack.push({ node, exit: true });
    pushChildren(node);
  }
  target.textContent = '';
  for (const piece of pieces) target.appendChild(piece);
  return removed;
}
