import type { InputFailure } from '../core/raw-document.js';
import { detectBom } from './sniff.js';
import { SNIFF_BYTES } from './limits.js';
import { detectCharset, langFromHtml } from './detect-charset.js';
import { warnInput } from './failure.js';

/** Encoding used when bytes are not valid UTF-8 and nothing declares a charset (the web's de-facto legacy default). */
export const FALLBACK_ENCODING = 'windows-1252';

/** Where the encoding used to decode an input came from, in the order they are tried. */
export type CharsetSource = 'override' | 'bom' | 'header' | 'meta' | 'xml-declaration' | 'utf-8-valid' | 'detected' | 'fallback';

/** Result of decoding an input's bytes to a string. */
export interface DecodedText {
  text: string;
  /** WHATWG name of the encoding used, e.g. `utf-8`, `windows-1251`. */
  encoding: string;
  source: CharsetSource;
  /** Warnings about unknown declared charsets or a fallback; copied to `RawDocument.notes`. */
  notes: InputFailure[];
}

/** Hints for decoding: the HTTP Content-Type and whether to look for `<meta charset>` / `<?xml encoding?>`. */
export interface DecodeHints {
  contentType?: string;
  /** Scan the first 4 KiB for `<meta charset>` (HTML) — default true. */
  scanMeta?: boolean;
  /** Scan for an XML declaration's encoding — default true. */
  scanXmlDeclaration?: boolean;
  /** Decode as this encoding whatever the bytes declare (the `--encoding` option). */
  override?: string;
}

/** The `charset` parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^;\s]+))/i.exec(contentType ?? '');
  const value = (m?.[1] ?? m?.[2] ?? m?.[3])?.trim();
  return value || undefined;
}

/** The charset declared by `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 4 KiB. */
export function charsetFromMeta(head: string): string | undefined {
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(tag);
    if (direct) return direct[1];
  }
  return undefined;
}

/** The encoding named in an XML declaration at the start of the text. */
export function charsetFromXmlDeclaration(head: string): string | undefined {
  return /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]?.trim();
}

/** windows-1252 characters for bytes 0x80–0x9F (undefined bytes keep their C1 code point); data. */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes windows-1252 by hand: Node 20's TextDecoder decodes this label as ISO-8859-1, losing curly quotes and dashes. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (ch) => WINDOWS_1252_HIGH[ch.charCodeAt(0) - 0x80]);
}

/** Decodes bytes with a known TextDecoder, routing windows-1252 (and its aliases latin1/iso-8859-1/ascii) around Node's bug. */
function decodeWith(decoder: TextDecoder, bytes: Uint8Array): string {
  return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

/** A TextDecoder for a label, or undefined when Node (full ICU) does not know the label. */
function decoderFor(label: string, fatal = false): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined;
  }
}

/** True when the bytes are well-formed UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes input bytes to a string, choosing the encoding in this order: an override (`--encoding`), byte-order
 * mark, HTTP Content-Type charset, `<meta charset>`/http-equiv in the first 4 KiB, XML declaration, UTF-8 when the
 * bytes are valid UTF-8, an encoding detected from the bytes (helped by `<html lang>`), else windows-1252.
 *
 * Behaviour chosen for bad declarations and bad bytes (never a failure, always a readable string):
 * - An unknown or unsupported declared charset (e.g. `charset=x-klingon`) adds a warning note
 *   `ingest:unknown-charset` and the next source in the order is tried.
 * - Invalid UTF-8 with no usable declaration is decoded as the detected encoding with a warning note
 *   `ingest:charset-detected`, or, when detection is unsure, as windows-1252 with a warning note
 *   `ingest:charset-fallback` (legacy Western files are the common cause; every byte maps to a character).
 * - A declared UTF-8 with invalid bytes is decoded as UTF-8 with U+FFFD replacements and a
 *   warning note `ingest:invalid-bytes` (the declaration is trusted over a guess).
 * @example decodeBytes(bytes, { contentType: 'text/html; charset=koi8-r' }).text
 */
export function decodeBytes(bytes: Uint8Array, input: string, hints: DecodeHints = {}): DecodedText {
  const notes: InputFailure[] = [];
  if (hints.override) {
    const decoder = decoderFor(hints.override);
    if (!decoder) throw new RangeError(`unknown encoding "${hints.override}"`);
    return { text: decodeWith(decoder, bytes), encoding: decoder.encoding, source: 'override', notes };
  }
  const bom = detectBom(bytes);
  if (bom) {
    const text = new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length));
    return { text, encoding: bom.encoding, source: 'bom', notes };
  }
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const declared: Array<{ source: CharsetSource; label: string | undefined; where: string }> = [
    { source: 'header', label: charsetFromContentType(hints.contentType), where: 'the Content-Type header' },
    { source: 'meta', label: hints.scanMeta === false ? undefined : charsetFromMeta(head), where: 'a <meta> tag' },
    {
      source: 'xml-declaration',
      label: hints.scanXmlDeclaration === false ? undefined : charsetFromXmlDeclaration(head),
      where: 'the XML declaration',
    },
  ];
  for (const { source, label, where } of declared) {
    if (!label) continue;
    let decoder = decoderFor(label);
    if (!decoder) {
      notes.push(
        warnInput(input, 'ingest:unknown-charset', `charset "${label}" declared in ${where} is unknown; it was ignored`),
      );
      continue;
    }
    // An ASCII-readable declaration of UTF-16 without a BOM is a mislabel (WHATWG treats it as UTF-8).
    if (source !== 'header' && decoder.encoding.startsWith('utf-16')) decoder = new TextDecoder('utf-8');
    const encoding = decoder.encoding;
    if (encoding === 'utf-8' && !isValidUtf8(bytes)) {
      const text = decoder.decode(bytes);
      const bad = (text.match(/\uFFFD/g) ?? []).length;
      notes.push(
        warnInput(
          input,
          'ingest:invalid-bytes',
          `declared UTF-8 but holds ${bad} invalid byte sequence(s); they were replaced with U+FFFD`,
        ),
      );
      return { text, encoding, source, notes };
    }
    return { text: decodeWith(decoder, bytes), encoding, source, notes };
  }
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', source: 'utf-8-valid', notes };
  const lang = hints.scanMeta === false ? undefined : langFromHtml(head);
  const detected = detectCharset(bytes, lang);
  if (detected) {
    const backing = detected.hinted ? `, fits lang="${lang}"` : '';
    notes.push(
      warnInput(
        input,
        'ingest:charset-detected',
        `no charset declared; detected ${detected.encoding} (confidence ${detected.confidence}${backing}); --encoding overrides`,
      ),
    );
    return { text: decodeWith(new TextDecoder(detected.encoding), bytes), encoding: detected.encoding, source: 'detected', notes };
  }
  notes.push(
    warnInput(
      input,
      'ingest:charset-fallback',
      `not valid UTF-8 and no charset declared; decoded as ${FALLBACK_ENCODING}, so some characters may be wrong`,
    ),
  );
  return { text: decodeWindows1252(bytes), encoding: FALLBACK_ENCODING, source: 'fallback', notes };
}
