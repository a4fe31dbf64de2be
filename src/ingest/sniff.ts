import { BINARY_SCAN_BYTES } from './limits.js';

/** Leading byte signatures of binary formats people mistake for articles; data, checked in order. */
export const BINARY_SIGNATURES: ReadonlyArray<{ name: string; bytes: readonly number[] }> = [
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF8
  { name: 'ZIP archive (or Office/EPUB document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP archive (empty)', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'gzip-compressed file', bytes: [0x1f, 0x8b] },
  { name: 'bzip2-compressed file', bytes: [0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59] },
  { name: '7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'xz-compressed file', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'legacy Office document (OLE2)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'RIFF media file (WebP/WAV/AVI)', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74] },
];

/** True when bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Byte-order marks, longest first so UTF-32 is not read as UTF-16. */
const BOMS: ReadonlyArray<{ encoding: string; bytes: readonly number[] }> = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** The encoding named by a leading byte-order mark, with the mark's length. */
export function detectBom(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  return bom ? { encoding: bom.encoding, length: bom.bytes.length } : undefined;
}

/**
 * Names the binary format of `bytes` (by magic number, or NUL bytes in the first 8 KiB),
 * or returns undefined for text. UTF-16 text with a BOM is text despite its NUL bytes.
 */
export function detectBinary(bytes: Uint8Array): string | undefined {
  const signature = BINARY_SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) return signature.name;
  const bom = detectBom(bytes);
  if (bom && bom.encoding.startsWith('utf-16')) return undefined;
  const end = Math.min(bytes.length, BINARY_SCAN_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return 'binary data (contains NUL bytes)';
  return undefined;
}

/** Input kinds ingestion dispatches on. */
export type InputKind = 'text' | 'markdown' | 'html' | 'json' | 'jsonl' | 'feed' | 'xml';

const PROLOG_RE = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>)*<([A-Za-z_][\w:.-]*)/i;

/** The name of the first element of an XML/HTML text (skipping declarations, comments and doctype). */
export function rootElementOf(text: string): string | undefined {
  const m = PROLOG_RE.exec(text.slice(0, 64 * 1024).replace(/^\uFEFF/, ''));
  return m?.[1];
}

/** Root element names of the feed formats read (RSS 2.0/0.9x, RSS 1.0 RDF, Atom). */
export const FEED_ROOTS: ReadonlySet<string> = new Set(['rss', 'rdf:rdf', 'feed', 'atom:feed']);

/** Tags that mark a document as HTML when they open it. */
const HTML_START_RE = /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|h[1-6]|section|main|link|script)\b/i;

/** True when text opens like an HTML document or fragment. */
export function looksLikeHtml(text: string): boolean {
  return HTML_START_RE.test(text.replace(/^\uFEFF/, '').slice(0, 4096));
}

/** True when text starts with an HTML doctype or <html> element (strong evidence, used to override `.txt`). */
export function looksLikeHtmlDocument(text: string): boolean {
  return /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html)\b/i.test(text.replace(/^\uFEFF/, '').slice(0, 4096));
}

/** Guesses the kind of an input from its decoded text alone. */
export function sniffKind(text: string): InputKind {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) {
    const root = rootElementOf(head)?.toLowerCase();
    if (root && FEED_ROOTS.has(root)) return 'feed';
    if (looksLikeHtml(head) || root === 'html') return 'html';
    if (/^<\?xml/i.test(head) && root) return 'xml';
    return 'html';
  }
  if (head.startsWith('{') || head.startsWith('[')) {
    const lines = head.split('\n', 3).filter((l) => l.trim() !== '');
    // Two or more lines each holding a whole object is JSON Lines, not one pretty-printed value.
    if (lines.length >= 2 && lines.every((l) => /^\s*\{.*\}\s*$/.test(l))) return 'jsonl';
    return 'json';
  }
  return 'text';
}

/** Kind implied by a file extension, or undefined when the extension says nothing. */
export function kindFromExtension(path: string): InputKind | undefined {
  // `page.html.gz` is read as `page.html` after decompression.
  const ext = /\.([A-Za-z0-9]+)(?:\.gz)?$/i.exec(path)?.[1]?.toLowerCase();
  switch (ext) {
    case 'txt':
    case 'text':
      return 'text';
    case 'md':
    case 'markdown':
      return 'markdown';
    case 'html':
    case 'htm':
    case 'xhtml':
      return 'html';
    case 'json':
      return 'json';
    case 'jsonl':
    case 'ndjson':
      return 'jsonl';
    case 'xml':
    case 'rss':
    case 'atom':
      return 'feed';
    default:
      return undefined;
  }
}

/** Kind implied by an HTTP Content-Type, or undefined when it is missing or generic. */
export function kindFromContentType(contentType: string | undefined): InputKind | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!type) return undefined;
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/rss+xml' || type === 'application/atom+xml' || type === 'application/rdf+xml') return 'feed';
  if (type === 'application/xml' || type === 'text/xml') return 'feed';
  if (type === 'application/feed+json' || type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/x-jsonlines') return 'jsonl';
  if (type === 'text/markdown') return 'markdown';
  if (type === 'text/plain') return 'text';
  return undefined;
}

/** True for Content-Types that can never hold an article's text (images, audio, video, archives, PDF). */
export function isNonTextContentType(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (/\+json$/.test(type) || /^application\/(?:rss|atom|rdf|xhtml)\+xml$/.test(type)) return false;
  return /^(?:image|audio|video|font)\//.test(type) || /^application\/(?:pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|vnd\.|msword)/.test(type);
}
