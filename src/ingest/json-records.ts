import { createReadStream } from 'node:fs';
import type { InputFailure, RawDocument } from '../core/raw-document.js';
import type { ArticleMeta } from '../core/article.js';
import { failInput, warnInput } from './failure.js';
import { decodeBytes } from './charset.js';
import { formatBytes } from './limits.js';
import { RECORD_FIELDS, compactMeta, normaliseLang, normalisePublishedDate, pickString } from './meta.js';
import { looksLikeHtml } from './sniff.js';

/** Record fields holding plain text, in order of preference (`content` is read as HTML when it looks like HTML); data. */
export const TEXT_FIELDS = ['text', 'body', 'content_text', 'content'] as const;
/** Record fields holding HTML, used when no text field is filled; data. */
export const HTML_FIELDS = ['html', 'content_html', 'raw_html'] as const;
/** Object keys that hold the record array of a wrapped JSON file; data. */
export const RECORD_ARRAY_KEYS = ['items', 'articles', 'records', 'data', 'documents'] as const;

/** Where records come from, for naming them in documents and failures. */
export interface RecordOrigin {
  input: string;
  path?: string;
  url?: string;
  fetchedAt: string;
  /** Notes that apply to every record (e.g. a charset fallback of the whole file). */
  notes?: InputFailure[];
}

/** 1-based line and column of a character offset. */
function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses JSON, or returns an `ingest:bad-json` failure naming the line and column of the error. */
export function parseJson(text: string, input: string): { value: unknown } | InputFailure {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    const message = (e as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? lineColumnAt(text, Number(position[1])) : undefined;
    const at = where ? ` at line ${where.line}, column ${where.column}` : '';
    return failInput(input, 'ingest:bad-json', `malformed JSON${at}: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
}

/** True for a JSON Feed document (`version` names jsonfeed.org). */
export function isJsonFeed(value: unknown): boolean {
  return (
    !!value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { version?: unknown }).version === 'string' &&
    /jsonfeed\.org/i.test((value as { version: string }).version)
  );
}

/**
 * The records of a parsed `.json` value: an array, an object wrapping an array under
 * `items`/`articles`/`records`/`data`/`documents`, or one record object. Undefined when none of these.
 */
export function recordsOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!value || typeof value !== 'object') return undefined;
  const obj = value as Record<string, unknown>;
  for (const key of RECORD_ARRAY_KEYS) if (Array.isArray(obj[key])) return obj[key] as unknown[];
  return [obj];
}

/**
 * Turns one record into a RawDocument, named `input#n` (n is the 1-based record number, or the
 * line number in JSONL). Plain `text` is preferred over `html` when a record has both, since the
 * supplier already chose that text; a record with neither is an `ingest:no-text` failure.
 */
export function recordToDocument(record: unknown, n: number, origin: RecordOrigin): RawDocument | InputFailure {
  const input = `${origin.input}#${n}`;
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    return failInput(input, 'ingest:bad-record', `record ${n} is ${Array.isArray(record) ? 'an array' : typeof record}, not an object`);
  }
  const r = record as Record<string, unknown>;
  let format: RawDocument['format'] | undefined;
  let body: string | undefined;
  for (const field of TEXT_FIELDS) {
    const v = r[field];
    if (typeof v === 'string' && v.trim()) {
      body = v;
      format = field === 'content' && looksLikeHtml(v) ? 'html' : 'text';
      break;
    }
  }
  if (body === undefined) {
    for (const field of HTML_FIELDS) {
      const v = r[field];
      if (typeof v === 'string' && v.trim()) {
        body = v;
        format = 'html';
        break;
      }
    }
  }
  if (body === undefined || !format) {
    return failInput(input, 'ingest:no-text', `record ${n} has no non-empty "text" or "html" field`);
  }
  const notes: InputFailure[] = [...(origin.notes ?? [])];
  const rawDate = pickString(r, RECORD_FIELDS.publishedAt);
  const publishedAt = normalisePublishedDate(rawDate);
  if (rawDate && !publishedAt) notes.push(warnInput(input, 'ingest:bad-date', `published date "${rawDate}" is not a date; it was ignored`));
  const url = pickString(r, RECORD_FIELDS.url);
  const meta: Partial<ArticleMeta> = {
    title: pickString(r, RECORD_FIELDS.title),
    publishedAt,
    site: pickString(r, RECORD_FIELDS.site),
    byline: pickString(r, RECORD_FIELDS.byline),
    lang: normaliseLang(pickString(r, RECORD_FIELDS.lang)),
  };
  const doc: RawDocument = {
    input,
    path: origin.path,
    url: url ?? undefined,
    record: n,
    format,
    body,
    meta: compactMeta(meta),
    fetchedAt: origin.fetchedAt,
  };
  if (notes.length) doc.notes = notes;
  return stripUndefined(doc);
}

function stripUndefined<T extends object>(obj: T): T {
  for (const key of Object.keys(obj) as Array<keyof T>) if (obj[key] === undefined) delete obj[key];
  return obj;
}

/** Documents for the records of a decoded `.json` text (not a JSON Feed; callers check that first). */
export function* readJsonRecords(value: unknown, origin: RecordOrigin): Generator<RawDocument | InputFailure> {
  const records = recordsOf(value);
  if (!records) {
    yield failInput(origin.input, 'ingest:bad-json', `JSON holds a ${typeof value}, not a record, an array of records or {items:[...]}`);
    return;
  }
  if (records.length === 0) {
    yield failInput(origin.input, 'ingest:empty', 'JSON holds no records');
    return;
  }
  for (let i = 0; i < records.length; i++) yield recordToDocument(records[i], i + 1, origin);
}

/** Documents for one JSONL line (1-based line number); blank lines yield nothing. */
function documentForLine(line: string, lineNo: number, origin: RecordOrigin): RawDocument | InputFailure | undefined {
  if (!line.trim()) return undefined;
  const parsed = parseJson(line, `${origin.input}#${lineNo}`);
  if ('ruleId' in parsed) {
    return failInput(parsed.input, 'ingest:bad-json', `line ${lineNo}: ${parsed.reason.replace(/ at line 1,/, ' at')}`);
  }
  return recordToDocument(parsed.value, lineNo, origin);
}

/** Documents for JSON Lines text held in memory (stdin, a fetched body). */
export function* readJsonLinesText(text: string, origin: RecordOrigin): Generator<RawDocument | InputFailure> {
  const lines = text.split('\n');
  let any = false;
  for (let i = 0; i < lines.length; i++) {
    const doc = documentForLine(lines[i].replace(/\r$/, ''), i + 1, origin);
    if (doc) {
      any = true;
      yield doc;
    }
  }
  if (!any) yield failInput(origin.input, 'ingest:empty', 'file holds no records (only blank lines)');
}

/**
 * Streams a JSONL file line by line, so files larger than memory are fine: the size cap applies
 * to each line, not the file. Each line is decoded on its own (UTF-8, else windows-1252 with a note).
 */
export async function* readJsonLinesFile(path: string, origin: RecordOrigin, maxLineBytes: number): AsyncGenerator<RawDocument | InputFailure> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNo = 0;
  let skipping = false; // inside an over-long line, dropping bytes until its newline
  let any = false;
  const emit = function* (bytes: Buffer): Generator<RawDocument | InputFailure> {
    lineNo++;
    if (skipping || bytes.length > maxLineBytes) {
      skipping = false;
      any = true;
      yield failInput(`${origin.input}#${lineNo}`, 'ingest:too-large', `line ${lineNo} is longer than the ${formatBytes(maxLineBytes)} limit`);
      return;
    }
    const line = bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, -1) : bytes;
    const decoded = decodeBytes(line, `${origin.input}#${lineNo}`, { scanMeta: false, scanXmlDeclaration: false });
    const doc = documentForLine(decoded.text, lineNo, { ...origin, notes: [...(origin.notes ?? []), ...decoded.notes] });
    if (doc) {
      any = true;
      yield doc;
    }
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, nl);
      const line = pending.length ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      pendingBytes = 0;
      yield* emit(line);
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length && !skipping) {
      pending.push(Buffer.from(rest));
      pendingBytes += rest.length;
      if (pendingBytes > maxLineBytes) {
        skipping = true;
        pending = [];
        pendingBytes = 0;
      }
    }
  }
  if (pending.length || skipping) yield* emit(Buffer.concat(pending));
  if (!any) yield failInput(origin.input, 'ingest:empty', 'file holds no records (only blank lines)');
}
