/** Issue 9 row 12: an export killed while being written leaves the previous file whole, never half a file. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../../test/cli-process.js';
import { writeFileAtomic } from './write-file.js';

const dir = mkdtempSync(join(tmpdir(), 'triangulate-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the file whole, creates missing folders, and leaves no temporary file', async () => {
    const path = join(dir, 'new', 'out.json');
    await writeFileAtomic(path, '{"v":1}\n');
    await writeFileAtomic(path, '{"v":2}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"v":2}\n');
    expect(readdirSync(join(dir, 'new'))).toEqual(['out.json']);
  });

  it('writes pieces in order, past several write bunches, as the whole text', async () => {
    const path = join(dir, 'pieces.json');
    const pieces = Array.from({ length: 3000 }, (_, i) => `${i}:${'x'.repeat(1000)}\n`);
    await writeFileAtomic(path, pieces);
    expect(readFileSync(path, 'utf8')).toBe(pieces.join(''));
  });

  it('writes through a symlink and leaves the link in place', async () => {
    const real = join(dir, 'real.md');
    const link = join(dir, 'link.md');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    await writeFileAtomic(link, 'new');
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(readFileSync(link, 'utf8')).toBe('new');
  });

  it('keeps the previous export whole when the process dies mid-write (file size limit hit)', async () => {
    const db = join(dir, 'example.db');
    const out = join(dir, 'export.json');
    const first = await runScript('test/cli-entry.ts', ['analyze', 'examples/corpus', '--db', db, '--json', out, '--quiet']);
    expect(first.code).toBe(0);
    const previous = readFileSync(out, 'utf8');
    expect(previous.length).toBeGreaterThan(64 * 1024);
    // A shell with a 32 KiB file size limit: the kernel stops the write of the export part way, as a kill would.
    const killed = await runScript('test/run-limited.ts', ['32', 'export', '--format', 'json', '--db', db, '--out', out]);
    expect(killed.stderr).toMatch(/EFBIG: file too large/);
    expect(killed.code).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe(previous);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});
