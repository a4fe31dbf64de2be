/** Writes output files whole or not at all: a killed or failed run leaves the previous file in place, never half a file. */
import { randomBytes } from 'node:crypto';
import { mkdir, open, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';

/** Characters gathered before one write: fewer system calls than a write per piece, never the whole output. */
const WRITE_CHUNK_CHARS = 1 << 20;

async function* bunched(pieces: Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
  let buffer = '';
  for await (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= WRITE_CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/**
 * Writes `text` (or its pieces, in order, so a large output is never one string) to a temporary file beside `path`,
 * flushes it to disk, then renames it over `path` (atomic on one file system).
 * @example await writeFileAtomic('out/report.md', renderMarkdown(doc));
 */
export async function writeFileAtomic(given: string, text: string | Iterable<string> | AsyncIterable<string>): Promise<void> {
  // Through a symlink to the file it names, so the link stays a link.
  const path = await realpath(given).catch(() => given);
  // A device or pipe (/dev/stdout, a FIFO) is written to as it is: renaming over it would replace it.
  const existing = await stat(path).catch(() => undefined);
  if (existing && !existing.isFile()) return writeFile(path, typeof text === 'string' ? text : Readable.from(text));
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      if (typeof text === 'string') await handle.writeFile(text);
      // writeFile continues from the current position and loops over short writes (write() would stop at one).
      else for await (const piece of bunched(text)) await handle.writeFile(piece);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
