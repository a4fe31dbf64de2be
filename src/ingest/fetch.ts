import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { IncomingHttpHeaders } from 'node:http';
import type { InputFailure } from '../core/raw-document.js';
import { failInput } from './failure.js';
import { CONNECT_TIMEOUT_MS, FETCH_TIMEOUT_MS, MAX_INPUT_BYTES, MAX_REDIRECTS, USER_AGENT, formatBytes } from './limits.js';
import { HostScheduler, type HostPoliteness } from './politeness.js';
import { BlockedAddressError, classifyAddress, createGuardedLookup, describeRange, type BlockedRange, type LookupFunction } from './ssrf-guard.js';

/** Accept header: article pages first, then feeds and JSON. */
const ACCEPT_HEADER =
  'text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,application/feed+json;q=0.9,application/xml;q=0.8,application/json;q=0.8,text/plain;q=0.7,*/*;q=0.5';
/** Content-Encodings decoded; zstd is not offered because Node 20 cannot decode it. */
const ACCEPT_ENCODING = 'gzip, deflate, br';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Options for one fetch; `readInputs` fills them from IngestOptions. */
export interface FetchOptions {
  allowPrivate?: boolean;
  timeoutMs?: number;
  connectTimeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  /** Shared per-host politeness queue; a fresh one (no delay) when absent. */
  scheduler?: HostPoliteness;
  /** Name resolver, replaceable in tests; the SSRF guard wraps it. */
  lookup?: LookupFunction;
  /** Address classifier used by the guard, replaceable in tests (default classifyAddress). */
  classify?: (host: string) => BlockedRange | undefined;
  /** Validators of a copy already held (feed polling): sent as If-None-Match / If-Modified-Since; a 304 then resolves with status 304 and no body. */
  conditional?: { etag?: string; lastModified?: string };
}

/** A successful response with its body decompressed but not yet charset-decoded. */
export interface FetchedResponse {
  /** URL as requested. */
  url: string;
  /** URL after redirects. */
  finalUrl: string;
  status: number;
  headers: IncomingHttpHeaders;
  contentType?: string;
  body: Buffer;
}

type HopResult = { redirect: string } | { status: number; headers: IncomingHttpHeaders; body: Buffer } | InputFailure;

/** Checks a URL before any request: scheme, credentials and (unless allowed) literal private addresses. */
export function checkRequestUrl(
  raw: string,
  input: string,
  allowPrivate: boolean,
  classify: (host: string) => BlockedRange | undefined = classifyAddress,
): URL | InputFailure {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return failInput(input, 'fetch:bad-url', `"${raw}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return failInput(input, 'fetch:bad-scheme', `only http and https URLs are fetched, not ${url.protocol.replace(/:$/, '')}:`);
  }
  if (url.username || url.password) {
    return failInput(input, 'fetch:credentials', 'URLs carrying a user name or password are refused');
  }
  if (!allowPrivate) {
    const range = classify(url.hostname);
    if (range) {
      return failInput(
        input,
        'fetch:blocked-address',
        `${url.hostname} is ${describeRange(url.hostname, range)}; private, local and special-purpose addresses are refused (--allow-private, or the allowPrivate option, permits them)`,
      );
    }
  }
  return url;
}

/** Maps a socket/DNS/TLS error to a failure with a stable ruleId. */
function failureForError(input: string, url: URL, error: NodeJS.ErrnoException): InputFailure {
  const code = error.code ?? '';
  if (error instanceof BlockedAddressError || code === 'EBLOCKED') {
    return failInput(input, 'fetch:blocked-address', `${error.message}; private, local and special-purpose addresses are refused (--allow-private, or the allowPrivate option, permits them)`);
  }
  if (/^(ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NODATA|EAI_NONAME)$/.test(code)) {
    return failInput(input, 'fetch:dns', `host ${url.hostname} could not be resolved (${code})`);
  }
  if (code === 'ECONNREFUSED') return failInput(input, 'fetch:refused', `connection to ${url.host} was refused`);
  if (code === 'ETIMEDOUT') return failInput(input, 'fetch:timeout', `connection to ${url.host} timed out`);
  if (code === 'ECONNRESET' || code === 'EPIPE') return failInput(input, 'fetch:reset', `${url.host} closed the connection`);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return failInput(input, 'fetch:unreachable', `${url.host} is unreachable`);
  if (/SSL|TLS|CERT|EPROTO/i.test(code) || /SSL|TLS|certificate/i.test(error.message)) {
    return failInput(input, 'fetch:tls', `secure connection to ${url.host} failed (${code || error.message})`);
  }
  return failInput(input, 'fetch:network', `request to ${url.host} failed (${code || error.message})`);
}

/** Decompresses a body per its Content-Encoding, capping the output at `maxBytes`. */
export function decodeContentEncoding(
  body: Buffer,
  encodingHeader: string | undefined,
  maxBytes: number,
): Buffer | { error: 'unsupported' | 'too-large' | 'corrupt'; detail: string } {
  const encodings = (encodingHeader ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e && e !== 'identity');
  let out = body;
  // Encodings are listed in the order applied, so undo them from last to first.
  for (const encoding of encodings.reverse()) {
    const opts = { maxOutputLength: Math.max(1, maxBytes) };
    try {
      if (encoding === 'gzip' || encoding === 'x-gzip') {
        // Z_SYNC_FLUSH keeps what a cut-off stream held; a stream that yields nothing at all is corrupt, not an empty page.
        const compressed = out;
        out = zlib.gunzipSync(compressed, { ...opts, finishFlush: zlib.constants.Z_SYNC_FLUSH });
        if (!out.length && compressed.length) return { error: 'corrupt', detail: `${encoding}: ${compressed.length} compressed bytes decompress to nothing (truncated or corrupt)` };
      }
      else if (encoding === 'br') out = zlib.brotliDecompressSync(out, opts);
      else if (encoding === 'deflate') {
        // Some servers send raw deflate without the zlib header the spec asks for.
        const zlibHeader = out.length >= 2 && (out[0] & 0x0f) === 8 && ((out[0] << 8) | out[1]) % 31 === 0;
        out = zlibHeader ? zlib.inflateSync(out, opts) : zlib.inflateRawSync(out, opts);
      } else return { error: 'unsupported', detail: encoding };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) return { error: 'too-large', detail: encoding };
      return { error: 'corrupt', detail: `${encoding}: ${err.message}` };
    }
  }
  return out;
}

/** One request without following redirects; resolves (never rejects) within `timeoutMs`. */
type ResolvedFetchOptions = Required<Omit<FetchOptions, 'scheduler' | 'lookup' | 'conditional'>> & {
  lookup?: LookupFunction;
  conditional?: FetchOptions['conditional'];
};

function requestOnce(url: URL, input: string, options: ResolvedFetchOptions, timeoutMs: number): Promise<HopResult> {
  return new Promise<HopResult>((resolve) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (result: HopResult) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      req.destroy();
      resolve(result);
    };
    const lookup = options.allowPrivate ? options.lookup : createGuardedLookup(options.lookup, options.classify);
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'GET',
      agent: false,
      headers: {
        'user-agent': options.userAgent,
        accept: ACCEPT_HEADER,
        'accept-encoding': ACCEPT_ENCODING,
        connection: 'close',
        ...(options.conditional?.etag ? { 'if-none-match': options.conditional.etag } : {}),
        ...(options.conditional?.lastModified ? { 'if-modified-since': options.conditional.lastModified } : {}),
      },
      ...(lookup ? { lookup: lookup as unknown as typeof import('node:dns').lookup } : {}),
    });
    timers.push(
      setTimeout(
        () => finish(failInput(input, 'fetch:timeout', `no complete response from ${url.host} within ${Math.round(options.timeoutMs)} ms`)),
        Math.max(1, timeoutMs),
      ),
    );
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(
        () => finish(failInput(input, 'fetch:timeout', `could not connect to ${url.host} within ${Math.min(options.connectTimeoutMs, timeoutMs)} ms`)),
        Math.max(1, Math.min(options.connectTimeoutMs, timeoutMs)),
      );
      timers.push(timer);
      socket.once('connect', () => clearTimeout(timer));
    });
    req.on('error', (error: NodeJS.ErrnoException) => finish(failureForError(input, url, error)));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status) && res.headers.location) {
        res.resume();
        return finish({ redirect: res.headers.location });
      }
      if (status === 304 && options.conditional) {
        res.resume();
        return finish({ status, headers: res.headers, body: Buffer.alloc(0) });
      }
      if (status < 200 || status >= 300) {
        res.resume();
        const text = http.STATUS_CODES[status] ?? 'error';
        return finish(failInput(input, `fetch:http-${status}`, `server answered HTTP ${status} ${text}`));
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        return finish(
          failInput(input, 'fetch:too-large', `response is ${formatBytes(declared)}, over the ${formatBytes(options.maxBytes)} limit`),
        );
      }
      const chunks: Buffer[] = [];
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > options.maxBytes) {
          finish(failInput(input, 'fetch:too-large', `response exceeds the ${formatBytes(options.maxBytes)} limit; download stopped`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (error: NodeJS.ErrnoException) => finish(failureForError(input, url, error)));
      res.on('aborted', () => finish(failInput(input, 'fetch:reset', `${url.host} closed the connection mid-response`)));
      res.on('end', () => {
        if (settled) return;
        const decoded = decodeContentEncoding(Buffer.concat(chunks), res.headers['content-encoding'], options.maxBytes);
        if (!Buffer.isBuffer(decoded)) {
          const reason =
            decoded.error === 'too-large'
              ? `decompressed response exceeds the ${formatBytes(options.maxBytes)} limit`
              : decoded.error === 'unsupported'
                ? `response uses unsupported content encoding "${decoded.detail}"`
                : `compressed response is corrupt (${decoded.detail})`;
          return finish(failInput(input, decoded.error === 'too-large' ? 'fetch:too-large' : 'fetch:bad-encoding', reason));
        }
        finish({ status, headers: res.headers, body: decoded });
      });
    });
    req.end();
  });
}

/**
 * Fetches an http(s) URL with node:http/https: SSRF guard on the resolved address of every hop,
 * redirect cap, connect and overall timeouts, size cap, gzip/deflate/brotli decoding, and one
 * request per host at a time through the scheduler. Resolves to the response or one InputFailure
 * (`fetch:http-404`, `fetch:timeout`, `fetch:dns`, `fetch:refused`, `fetch:blocked-address`,
 * `fetch:too-large`, `fetch:too-many-redirects`, …); never rejects.
 */
export async function fetchUrl(rawUrl: string, options: FetchOptions = {}, input = rawUrl): Promise<FetchedResponse | InputFailure> {
  const resolved: ResolvedFetchOptions = {
    classify: options.classify ?? classifyAddress,
    allowPrivate: options.allowPrivate ?? false,
    timeoutMs: options.timeoutMs ?? FETCH_TIMEOUT_MS,
    connectTimeoutMs: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? MAX_INPUT_BYTES,
    maxRedirects: options.maxRedirects ?? MAX_REDIRECTS,
    userAgent: options.userAgent ?? USER_AGENT,
    lookup: options.lookup,
    conditional: options.conditional,
  };
  const scheduler = options.scheduler ?? new HostScheduler(0);
  let current = checkRequestUrl(rawUrl, input, resolved.allowPrivate, resolved.classify);
  let spentMs = 0; // time in requests only; politeness waits do not count against the timeout
  for (let hop = 0; ; hop++) {
    if (!(current instanceof URL)) return current;
    const url: URL = current;
    const remaining = resolved.timeoutMs - spentMs;
    if (remaining <= 0) return failInput(input, 'fetch:timeout', `no complete response within ${resolved.timeoutMs} ms`);
    const result = await scheduler.run(url.host, async () => {
      const started = Date.now();
      try {
        return await requestOnce(url, input, resolved, remaining);
      } finally {
        spentMs += Date.now() - started;
      }
    });
    if ('ruleId' in result) return result;
    if ('redirect' in result) {
      if (hop + 1 > resolved.maxRedirects) {
        return failInput(input, 'fetch:too-many-redirects', `more than ${resolved.maxRedirects} redirects (last to ${result.redirect})`);
      }
      let next: string;
      try {
        next = new URL(result.redirect, url).href;
      } catch {
        return failInput(input, 'fetch:bad-url', `redirect to an invalid URL "${result.redirect}"`);
      }
      current = checkRequestUrl(next, input, resolved.allowPrivate, resolved.classify);
      continue;
    }
    const contentType = result.headers['content-type'];
    return { url: rawUrl, finalUrl: url.href, status: result.status, headers: result.headers, contentType, body: result.body };
  }
}
