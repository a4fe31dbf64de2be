/**
 * Guesses the legacy encoding of bytes that declare none and are not UTF-8, with chardet (the ICU detectors:
 * Cyrillic and other single-byte code pages, Shift_JIS, EUC-JP, EUC-KR, GB18030, Big5), helped by the page's
 * `lang`. Cyrillic, Korean, Japanese and Chinese pages then read right instead of as windows-1252 mojibake.
 */
import { analyse } from 'chardet';

/** Bytes given to the detector: enough text to decide, and bounded time on a 20 MiB page. */
const DETECT_SAMPLE_BYTES = 64 * 1024;
/** Lowest detector confidence (0–100) taken without a matching `lang` hint. */
const MIN_CONFIDENCE = 20;
/** Lowest confidence taken when the candidate's language matches the page's `lang`. */
const MIN_HINTED_CONFIDENCE = 5;
/** Languages written in Cyrillic: any Cyrillic code page fits their pages (the detector labels them all `ru`). */
const CYRILLIC_LANGS = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'tg', 'mn']);
const CYRILLIC_ENCODINGS = new Set(['windows-1251', 'koi8-r', 'iso-8859-5', 'ibm866']);

/** A detected encoding: its WHATWG name, the detector's confidence, and whether `lang` backed it. */
export interface DetectedCharset {
  encoding: string;
  confidence: number;
  hinted: boolean;
}

/** The `lang` of the `<html>` element in the first bytes of a page, primary subtag lower-cased (`ru` for `ru-RU`). */
export function langFromHtml(head: string): string | undefined {
  return /<html\b[^>]*?\blang\s*=\s*["']?([a-zA-Z]{2,3})/i.exec(head)?.[1]?.toLowerCase();
}

/**
 * The most likely legacy encoding of `bytes`, or undefined when the detector is unsure; candidates must decode
 * without errors, and one in the language of `lang` wins at a lower confidence.
 * @example detectCharset(koi8Bytes, 'ru') // { encoding: 'koi8-r', confidence: 42, hinted: true }
 */
export function detectCharset(bytes: Uint8Array, lang?: string): DetectedCharset | undefined {
  const sample = bytes.subarray(0, DETECT_SAMPLE_BYTES);
  const candidates = analyse(sample)
    .map((m) => ({ encoding: whatwgName(m.name), confidence: m.confidence, lang: m.lang }))
    .filter((c): c is { encoding: string; confidence: number; lang: string | undefined } => c.encoding !== undefined)
    .filter((c) => decodesCleanly(c.encoding, sample));
  const fits = (c: { encoding: string; lang?: string }) =>
    lang !== undefined && (c.lang === lang || (CYRILLIC_LANGS.has(lang) && CYRILLIC_ENCODINGS.has(c.encoding)));
  const hinted = candidates.find((c) => fits(c) && c.confidence >= MIN_HINTED_CONFIDENCE);
  if (hinted) return { encoding: hinted.encoding, confidence: hinted.confidence, hinted: true };
  const best = candidates[0];
  return best && best.confidence >= MIN_CONFIDENCE ? { encoding: best.encoding, confidence: best.confidence, hinted: false } : undefined;
}

/** The WHATWG name TextDecoder uses for a detector's label, or undefined when Node cannot decode it. */
function whatwgName(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** False when a multi-byte candidate meets byte sequences it cannot have produced (the sample's cut end aside). */
function decodesCleanly(encoding: string, sample: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}
