/** The JSON export as pieces in order, so a large export is written as it is serialised, never held as one string. */
import { jsonSafe } from './escape.js';

/** A top-level array read a page at a time (from the store, as the export is written). */
export type Pages<T> = AsyncIterable<readonly T[]>;

/**
 * Pieces whose concatenation is exactly `jsonSafe(doc, 2)` plus a newline: each top-level array is written
 * element by element.
 */
export function* jsonPieces(doc: object): Generator<string> {
  const entries = Object.entries(doc).filter(([, value]) => value !== undefined);
  yield '{';
  for (const [k, [key, value]] of entries.entries()) {
    yield keyPiece(k, key);
    yield* valuePieces(value);
  }
  yield entries.length ? '\n}\n' : '}\n';
}

/**
 * The same pieces for a document whose top-level arrays may come as pages: the output is what `jsonPieces` gives for
 * the document with those arrays read whole, and no more than a page is held at once.
 */
export async function* jsonPiecesPaged(doc: Record<string, unknown>): AsyncGenerator<string> {
  const entries = Object.entries(doc).filter(([, value]) => value !== undefined);
  yield '{';
  for (const [k, [key, value]] of entries.entries()) {
    yield keyPiece(k, key);
    if (!isPages(value)) {
      yield* valuePieces(value);
      continue;
    }
    let i = 0;
    for await (const page of value) for (const item of page) yield itemPiece(i++, item);
    yield i ? '\n  ]' : '[]';
  }
  yield entries.length ? '\n}\n' : '}\n';
}

function* valuePieces(value: unknown): Generator<string> {
  if (Array.isArray(value) && value.length) {
    for (const [i, item] of value.entries()) yield itemPiece(i, item);
    yield '\n  ]';
  } else {
    yield indent(jsonSafe(value, 2), '  ');
  }
}

function keyPiece(k: number, key: string): string {
  return `${k ? ',' : ''}\n  ${jsonSafe(key)}: `;
}

/** One element of a top-level array; the first opens it. */
function itemPiece(i: number, item: unknown): string {
  return `${i ? ',' : '['}\n    ${indent(jsonSafe(item ?? null, 2), '    ')}`;
}

function isPages(value: unknown): value is Pages<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** Indents every line after the first (JSON strings hold no raw newline, so every newline is layout). */
function indent(json: string, by: string): string {
  return json.replaceAll('\n', `\n${by}`);
}
