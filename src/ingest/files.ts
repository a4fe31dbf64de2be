import { opendir, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { InputFailure } from '../core/raw-document.js';
import { failInput, warnInput } from './failure.js';
import { globToRegExp, hasGlobSyntax, maxGlobDepth, splitGlob } from './glob.js';
import { kindFromExtension } from './sniff.js';

/** Directory names never descended into: dependency trees hold no articles and can be huge. */
export const SKIPPED_DIRECTORY_NAMES: ReadonlySet<string> = new Set(['node_modules']);

/** One file found for a path spec. */
export interface FoundFile {
  path: string;
}

/** Sorted directory entries, by code point, so runs are deterministic across file systems. */
async function readSortedEntries(dir: string): Promise<Dirent[]> {
  const entries: Dirent[] = [];
  const handle = await opendir(dir);
  for await (const entry of handle) entries.push(entry);
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function isHiddenOrSkipped(name: string, allowDot = false): boolean {
  return (!allowDot && name.startsWith('.')) || SKIPPED_DIRECTORY_NAMES.has(name);
}

/**
 * Walks a directory depth-first in sorted order, yielding files one at a time (so thousands of
 * files stream), skipping dotfiles, dot-directories, `node_modules` and symlinked directories.
 */
export async function* walkDirectory(
  root: string,
  options: { maxDepth?: number; allowDot?: boolean } = {},
  depth = 0,
): AsyncGenerator<string> {
  let entries: Dirent[];
  try {
    entries = await readSortedEntries(root);
  } catch {
    return; // an unreadable subdirectory is skipped; the top-level spec reports its own errors
  }
  for (const entry of entries) {
    if (isHiddenOrSkipped(entry.name, options.allowDot)) continue;
    const full = join(root, entry.name);
    if (entry.isDirectory()) {
      if (depth < (options.maxDepth ?? Infinity)) yield* walkDirectory(full, options, depth + 1);
    } else if (entry.isFile()) {
      yield full;
    } else if (entry.isSymbolicLink()) {
      // Follow links to files only; linked directories can form cycles.
      const target = await stat(full).catch(() => undefined);
      if (target?.isFile()) yield full;
    }
  }
}

/**
 * Expands one path spec (file, directory or glob) to files, or to one InputFailure when nothing
 * is found. Directories yield only files with a supported extension and report the rest in one
 * `ingest:skipped-files` warning; globs yield every match, since the pattern named them.
 */
export async function* expandPathSpec(spec: string): AsyncGenerator<FoundFile | InputFailure> {
  const info = await stat(spec).catch((e: NodeJS.ErrnoException) => e);
  if (!(info instanceof Error)) {
    if (!info.isDirectory()) {
      yield { path: spec };
      return;
    }
    const skipped: string[] = [];
    let count = 0;
    for await (const path of walkDirectory(spec)) {
      if (kindFromExtension(path) === undefined) {
        skipped.push(relative(spec, path));
        continue;
      }
      count++;
      yield { path };
    }
    if (skipped.length > 0) {
      const examples = skipped.slice(0, 3).join(', ');
      yield warnInput(
        spec,
        'ingest:skipped-files',
        `skipped ${skipped.length} file(s) with unsupported extensions (e.g. ${examples}); name them explicitly to read them`,
      );
    }
    if (count === 0) yield failInput(spec, 'ingest:empty-directory', 'directory holds no readable article files');
    return;
  }
  if (info.code !== 'ENOENT' && info.code !== 'ENOTDIR') {
    yield failInput(spec, 'ingest:unreadable', `cannot read path (${info.code ?? info.message})`);
    return;
  }
  if (!hasGlobSyntax(spec)) {
    yield failInput(spec, 'ingest:not-found', 'no such file or directory');
    return;
  }
  const { base, pattern } = splitGlob(spec.split(sep).join('/'));
  const matcher = globToRegExp(pattern);
  const allowDot = /(^|\/)\./.test(pattern);
  let count = 0;
  for await (const path of walkDirectory(base, { maxDepth: maxGlobDepth(pattern), allowDot })) {
    const rel = relative(base, path).split(sep).join('/');
    if (!matcher.test(rel)) continue;
    count++;
    yield { path };
  }
  if (count === 0) yield failInput(spec, 'ingest:no-match', 'no files match this pattern');
}
