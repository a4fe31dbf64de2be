/** The JSON export as pieces in order, so a large export is written as it is serialised, never held as one string. */
import { jsonSafe } from '../report/escape.js';

/**
 * Pieces whose concatenation is exactly `jsonSafe(doc, 2)` plus a newline: each top-level array is written
 * element by element.
 */
export function* jsonPieces(doc: object): Generator<string> {
  const entries = Object.entries(doc).filter(([, value]) => value !== undefined);
  yield '{';
  for (const [k, [key, value]] of entries.entries()) {
    yield `${k ? ',' : ''}\n  ${jsonSafe(key)}: `;
    if (Array.isArray(value) && value.length) {
      yield '[';
      for (const [i, item] of value.entries()) yield `${i ? ',' : ''}\n    ${indent(jsonSafe(item ?? null, 2), '    ')}`;
      yield '\n  ]';
    } else {
      yield indent(jsonSafe(value, 2), '  ');
    }
  }
  yield entries.length ? '\n}\n' : '}\n';
}

/** Indents every line after the first (JSON strings hold no raw newline, so every newline is layout). */
function indent(json: string, by: string): string {
  return json.replaceAll('\n', `\n${by}`);
}
