import { parseHTML } from 'linkedom';

/** Minimal DOM node view we rely on (linkedom implements the standard DOM). */
export type DomNode = {
  nodeType: number;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  previousSibling?: DomNode | null;
  localName?: string;
  textContent: string | null;
  getAttribute?(name: string): string | null;
};
export type DomElement = DomNode & {
  localName: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  children: ArrayLike<DomElement>;
};
export type DomDocument = {
  documentElement: DomElement;
  body: DomElement | null;
  head: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
};

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** A `<![CDATA[` opener up to the next `>`, or a script or style element (raw text, left as it is). */
const CDATA_OR_RAW_RE = /<(script|style)\b[\s\S]*?<\/\1\s*>|<!\[CDATA\[[^>]*>/gi;

/**
 * An HTML page's `<![CDATA[` read as a browser reads it: a comment that ends at the next `>`. linkedom reads a CDATA
 * section up to `]]>`, so a stray one in the markup (a forum template's) hid the whole page body as a comment.
 */
export function neutralizeCdata(html: string): string {
  if (!html.includes('<![CDATA[')) return html;
  return html.replace(CDATA_OR_RAW_RE, (m) => (m.startsWith('<!') ? '<!---->' : m));
}

/** Parses an HTML string into a detached document (never touches the network). */
export function parseHtmlDocument(html: string): DomDocument {
  // linkedom treats a fragment without <html> oddly; wrap it so body/head exist.
  const page = neutralizeCdata(html);
  const source = /<html[\s>]/i.test(page.slice(0, 5000)) ? page : `<!doctype html><html><head></head><body>${page}</body></html>`;
  return parseHTML(source).document as unknown as DomDocument;
}

/** Collapses runs of whitespace (incl. NBSP) to single spaces and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}
