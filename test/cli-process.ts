/** Runs the CLI or a helper script in a child process (through tsx), optionally as another user, for tests in-process runs cannot do. */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CliResult } from './cli-helpers.js';

const ROOT = resolve(__dirname, '..');

/** The unprivileged user a test switches to when it runs as root, so file permissions apply (root ignores them). */
export const NOBODY = { uid: 65534, gid: 65534 };

/** True when this process can run children as another user. */
export const runningAsRoot = process.getuid?.() === 0;

export interface ProcessOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run as this user (only when running as root). */
  user?: { uid: number; gid: number };
  stdin?: string;
}

/** A started child process and its outcome (the exit code is -1 when a signal ended it). */
export interface StartedScript {
  child: ChildProcess;
  result: Promise<CliResult>;
}

/** Starts `script` (a path under test/) with `args` in a new Node process with tsx. */
export function startScript(script: string, args: string[], options: ProcessOptions = {}): StartedScript {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, script), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    ...(options.user && runningAsRoot ? options.user : {}),
  });
  const result = new Promise<CliResult>((done, fail) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
  child.stdin!.end(options.stdin ?? '');
  return { child, result };
}

/** Runs `script` (a path under test/) with `args` in a new Node process with tsx. */
export async function runScript(script: string, args: string[], options: ProcessOptions = {}): Promise<CliResult> {
  if (!options.user || !runningAsRoot) return startScript(script, args, options).result;
  // A checkout under a private folder (mktemp -d is 0700) is out of another user's reach: let it search the way in, then restore.
  const opened = openAncestors(ROOT);
  try {
    return await startScript(script, args, options).result;
  } finally {
    for (const [dir, mode] of opened) chmodSync(dir, mode);
  }
}

/** Adds search permission for others to every folder above `dir` that lacks it; returns the modes to restore. */
function openAncestors(dir: string): Array<[string, number]> {
  const changed: Array<[string, number]> = [];
  for (let d = dir; ; d = dirname(d)) {
    const mode = statSync(d).mode & 0o7777;
    if (!(mode & 0o001)) {
      chmodSync(d, mode | 0o001);
      changed.push([d, mode]);
    }
    if (dirname(d) === d) return changed;
  }
}

/** Runs `triangulate ARGS` in a new process. */
export function runCliProcess(args: string[], options: ProcessOptions = {}): Promise<CliResult> {
  return runScript('test/cli-entry.ts', args, options);
}
