import { open, readFile, stat } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputFailure, RawDocument } from '../core/raw-document.js';
import { createIngestContext, nowIso, type IngestContext } from './context.js';
import { documentsFromBytes } from './documents.js';
import { failInput, isInputFailure } from './failure.js';
import { fetchUrl } from './fetch.js';
import { expandPathSpec } from './files.js';
import { readJsonLinesFile } from './json-records.js';
import { BINARY_SCAN_BYTES, formatBytes, type IngestOptions } from './limits.js';
import { normaliseLang } from './meta.js';
import { detectBinary, isNonTextContentType, kindFromContentType, kindFromExtension } from './sniff.js';

const URL_SPEC_RE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Maps a file-system error to a failure in plain words. */
export function failureForFsError(input: string, error: NodeJS.ErrnoException): InputFailure {
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return failInput(input, 'ingest:not-found', 'no such file or directory');
    case 'EACCES':
    case 'EPERM':
      return failInput(input, 'ingest:unreadable', 'permission denied: the file cannot be read');
    case 'EISDIR':
      return failInput(input, 'ingest:not-a-file', 'is a directory, expected a file');
    default:
      return failInput(input, 'ingest:unreadable', `the file cannot be read (${error.code ?? error.message})`);
  }
}

/** Reads one file: size cap before reading (large files are never loaded), JSONL streamed by line. */
async function* readFileInput(path: string, ctx: IngestContext): AsyncGenerator<RawDocument | InputFailure> {
  const input = path;
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => e);
  if (info instanceof Error) {
    yield failureForFsError(input, info);
    return;
  }
  if (!info.isFile()) {
    yield failInput(input, 'ingest:not-a-file', 'is not a regular file (device, socket or pipe)');
    return;
  }
  const kindHint = kindFromExtension(path);
  const fetchedAt = nowIso();
  const maxBytes = ctx.options.maxBytes;
  if (info.size === 0) {
    yield failInput(input, 'ingest:empty', 'file is empty');
    return;
  }
  if (kindHint === 'jsonl' && !/\.gz$/i.test(path)) {
    // JSONL is streamed, so the cap applies per line; check the head for binary data first.
    const head = await readHead(path).catch((e: NodeJS.ErrnoException) => e);
    if (head instanceof Error) {
      yield failureForFsError(input, head);
      return;
    }
    const binary = detectBinary(head);
    if (binary) {
      yield failInput(input, 'ingest:binary', `file is a ${binary}, not text, HTML, JSON or a feed`);
      return;
    }
    yield* readJsonLinesFile(path, { input, path, fetchedAt }, maxBytes);
    return;
  }
  if (info.size > maxBytes) {
    yield failInput(input, 'ingest:too-large', `file is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit; it was not read`);
    return;
  }
  const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => e);
  if (bytes instanceof Error) {
    yield failureForFsError(input, bytes);
    return;
  }
  yield* documentsFromBytes(bytes, { input, path, kindHint, fromNetwork: false, fetchedAt, noun: 'file' }, ctx);
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(BINARY_SCAN_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Expands a file/directory/glob spec and reads each file once per run. */
async function* readPathSpec(spec: string, ctx: IngestContext): AsyncGenerator<RawDocument | InputFailure> {
  for await (const found of expandPathSpec(spec)) {
    if (isInputFailure(found)) {
      yield found;
      continue;
    }
    const key = resolvePath(found.path);
    if (ctx.seenPaths.has(key)) continue; // named twice (e.g. by a directory and a glob): read once
    ctx.seenPaths.add(key);
    yield* readFileInput(found.path, ctx);
  }
}

/** Reads stdin (or options.stdin) whole, up to maxBytes, and sniffs its kind. */
async function* readStdinInput(ctx: IngestContext): AsyncGenerator<RawDocument | InputFailure> {
  const stream = ctx.options.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      total += buffer.length;
      if (total > ctx.options.maxBytes) {
        yield failInput('-', 'ingest:too-large', `standard input exceeds the ${formatBytes(ctx.options.maxBytes)} limit; reading stopped`);
        return;
      }
      chunks.push(buffer);
    }
  } catch (e) {
    yield failInput('-', 'ingest:unreadable', `standard input could not be read (${(e as Error).message})`);
    return;
  }
  yield* documentsFromBytes(Buffer.concat(chunks), { input: '-', path: '-', fromNetwork: false, fetchedAt: nowIso(), noun: 'standard input' }, ctx);
}

/** Fetches a URL and reads the response like a file whose kind the Content-Type names. */
async function* readUrlInput(spec: string, ctx: IngestContext): AsyncGenerator<RawDocument | InputFailure> {
  const fetchedAt = nowIso();
  const response = await fetchUrl(spec, ctx.fetch, spec);
  if ('ruleId' in response) {
    yield response;
    return;
  }
  const binary = detectBinary(response.body);
  if (!binary && isNonTextContentType(response.contentType)) {
    yield failInput(spec, 'fetch:unsupported-type', `server returned ${response.contentType}, not an article page, JSON or a feed`);
    return;
  }
  const lang = normaliseLang(String(response.headers['content-language'] ?? '').split(',')[0]);
  yield* documentsFromBytes(
    response.body,
    {
      input: spec,
      url: response.finalUrl,
      kindHint: kindFromContentType(response.contentType),
      contentType: response.contentType,
      fromNetwork: true,
      meta: lang ? { lang } : undefined,
      fetchedAt,
      noun: 'response',
    },
    ctx,
  );
}

/**
 * Reads input specs in order and yields one RawDocument per article (or record, or feed item) or
 * one InputFailure per input that could not be read; the batch always goes on.
 * Specs: file paths, directories (recursive, sorted, dotfiles and node_modules skipped), globs
 * (`*`, `**`, `?`, `{a,b}`, `[ab]`), `-` for stdin, `file://` and `http(s)://` URLs.
 * Everything streams: a directory of thousands of files is walked as it is read.
 * @example for await (const x of readInputs(['news/', 'https://example.org/feed.xml'])) if (!isInputFailure(x)) use(x)
 */
export async function* readInputs(specs: string[], options?: IngestOptions): AsyncGenerator<RawDocument | InputFailure> {
  yield* readInputsWith(specs, createIngestContext(options));
}

async function* readInputsWith(specs: string[], ctx: IngestContext): AsyncGenerator<RawDocument | InputFailure> {
  for (const spec of specs) {
    try {
      if (spec === '-') yield* readStdinInput(ctx);
      else if (/^file:\/\//i.test(spec)) yield* readPathSpec(fileURLToPath(spec), ctx);
      else if (URL_SPEC_RE.test(spec)) yield* readUrlInput(spec, ctx);
      else yield* readPathSpec(spec, ctx);
    } catch (e) {
      // A bug or an unexpected I/O error on one input must not end the batch.
      yield failInput(spec, 'ingest:error', `unexpected error while reading: ${(e as Error).message}`);
    }
  }
}
