/**
 * Control characters in an input's text: terminal escape sequences (a log or a console paste), NULs, C1 controls.
 * They are not text, so they are taken out of the body before extraction (else "ESC[0m" reads as "0 m", a distance),
 * with a warning naming the input; page and line separators become line breaks. Metadata (a title) is kept as given,
 * like every other character of the data, and escaped wherever it is shown.
 */
import type { RawDocument } from '../core/raw-document.js';
import { warnInput } from './failure.js';

/** ANSI/ECMA-48 sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), and two-character escapes. */
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?/g;
/** Form feed, vertical tab, NEL and the Unicode line and paragraph separators end a line. */
const BREAKS = /[\x0b\x0c\x85\u2028\u2029]/g;
/** C0 controls other than tab, line feed and carriage return; DEL; C1 controls. */
const CONTROLS = /[\x00-\x08\x0e-\x1f\x7f-\x9f]/g;
const ANY = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]/;

/** The text without control characters, and how many escape sequences and lone controls were taken out. */
export function stripControlCharacters(text: string): { text: string; escapes: number; controls: number } {
  if (!ANY.test(text)) return { text, escapes: 0, controls: 0 };
  let escapes = 0;
  let controls = 0;
  const out = text
    .replace(ESCAPES, () => {
      escapes++;
      return '';
    })
    .replace(BREAKS, '\n')
    .replace(CONTROLS, () => {
      controls++;
      return '';
    });
  return { text: out, escapes, controls };
}

/** Cleans a document's body in place; a warning note says what was removed. */
export function cleanControlCharacters(raw: RawDocument): void {
  const { text, escapes, controls } = stripControlCharacters(raw.body);
  if (!escapes && !controls) return;
  raw.body = text;
  const what = [escapes && `${escapes} terminal escape sequence(s)`, controls && `${controls} control character(s)`].filter(Boolean).join(' and ');
  (raw.notes ??= []).push(warnInput(raw.input, 'ingest:control-characters', `removed ${what} from its text`));
}
