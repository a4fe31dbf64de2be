/**
 * Escaping for every output of text we did not write (titles, article text, names, file names, URLs):
 * terminal, Markdown, HTML and JSON. Renderers wrap each interpolated input value in one of these.
 */

/** C0 and C1 control characters and DEL, except the whitespace ones handled apart. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
/** Line breaking and tab characters: collapsed to one space in single-line fields. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
/** Bidirectional overrides, embeddings, isolates and marks: they reorder what a reader sees (Trojan Source). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Characters JSON.stringify leaves raw that a terminal or editor may act on: escaped as \uXXXX, data unchanged. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
/** ASCII punctuation CommonMark and GFM give a meaning anywhere in a line (with [ ] escaped, ! ( ) make no link or image). */
const MD_PUNCT = /[\\`*_[\]#|~]/g;
/** Line-start markers (lists, block quotes, setext underlines, ordered lists) once the text is one line. */
const MD_LINE_START = /^(\s*)([-+=]|\d+[.)])/;
/** Link schemes a reader may follow from a report. */
const SAFE_SCHEMES = new Set(['http:', 'https:']);

/** Text for one terminal field: control and bidi characters removed, line breaks and tabs shown as one space. */
export function termSafe(text: string): string {
  return text.replace(BREAKS, ' ').replace(CONTROL, '').replace(BIDI, '');
}

/** Multi-line terminal text (already laid out by us): control and bidi characters removed, newlines and tabs kept. */
export function termBlock(text: string): string {
  return text.replace(/\r/g, '').replace(CONTROL, '').replace(/[\u000b\u000c\u0085\u2028\u2029]/g, ' ').replace(BIDI, '');
}

/** Inline Markdown that renders as exactly the given characters: one line, Markdown and HTML escaped, no controls. */
export function mdInline(text: string): string {
  const flat = termSafe(text).replace(/ {2,}/g, ' ').trim();
  return flat
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MD_PUNCT, (c) => `\\${c}`)
    .replace(MD_LINE_START, (_m, space: string, marker: string) => `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`);
}

/** A Markdown table cell: mdInline, which already escapes `|` and keeps the cell on one line. */
export function mdCell(text: string): string {
  return mdInline(text);
}

/** The URL if it is an absolute http(s) URL, percent-encoded so it cannot end a Markdown link early; otherwise undefined. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (!SAFE_SCHEMES.has(parsed.protocol)) return undefined;
  // URL.href already percent-encodes spaces, quotes, < and >; parentheses would close `](...)`.
  return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** A Markdown link when `url` is safe to follow, otherwise the escaped label alone (javascript:, data:, file: are never linked). */
export function mdLink(label: string, url: string | undefined): string {
  const href = safeHref(url);
  return href ? `[${mdInline(label)}](${href})` : mdInline(label);
}

/** Text for an HTML text node or a quoted attribute value: & < > " ' escaped, controls and bidi removed. */
export function htmlText(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(BIDI, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A node label inside a Mermaid code block: one line, no characters Mermaid or the fence would read as syntax. */
export function mermaidLabel(text: string): string {
  return termSafe(text).replace(/["[\]{}()<>|`#;&\\]/g, "'").replace(/ {2,}/g, ' ').trim();
}

/** JSON.stringify with DEL, C1 controls, bidi controls and line separators written as \uXXXX escapes: same data, safe to print. */
export function jsonSafe(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
