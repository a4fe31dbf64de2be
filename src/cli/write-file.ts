/** Writes output files whole or not at all: a killed or failed run leaves the previous file in place, never half a file. */
import { randomBytes } from 'node:crypto';
import { mkdir, open, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to a temporary file beside `path`, flushes it to disk, then renames it over `path` (atomic on
 * one file system).
 * @example await writeFileAtomic('out/report.md', renderMarkdown(doc));
 */
export async function writeFileAtomic(given: string, text: string): Promise<void> {
  // Through a symlink to the file it names, so the link stays a link.
  const path = await realpath(given).catch(() => given);
  // A device or pipe (/dev/stdout, a FIFO) is written to as it is: renaming over it would replace it.
  const existing = await stat(path).catch(() => undefined);
  if (existing && !existing.isFile()) return writeFile(path, text);
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text);
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
