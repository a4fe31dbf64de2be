/**
 * The analysing commands run under a bounded V8 old space (issue 8): left alone, V8 grows the heap well past the live
 * data on a long run (10,000 articles: 2.55–3.0 GiB peak RSS unbounded, 1.8 GiB at 1,536 MiB), so bin/triangulate.js
 * starts them again in a child process with `--max-old-space-size` unless the user set one.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { EXIT } from './exit-codes.js';

/** Old-space limit (MiB) of an analysing command by default: the 10,000-article bench's live data fits with room to spare. */
export const DEFAULT_MAX_HEAP_MB = 1536;
/** Smallest limit accepted: below it the stages cannot even load their models. */
export const MIN_HEAP_MB = 256;
/** Commands that analyse articles and so hold a corpus' worth of state; the others start at once, unbounded. */
const ANALYSING_COMMANDS = new Set(['analyze', 'ingest', 'watch', 'worker', 'serve']);
/** Set in the child so that it does not start another. */
const CHILD_MARK = 'TRIANGULATE_HEAP_CHILD';

/** What bin/triangulate.js should do before running `argv`: run as it is, start itself again with a limit, or refuse. */
export type HeapPlan = { run: 'here' } | { run: 'child'; mb: number } | { run: 'refuse'; message: string };

/** Decides from the command, `TRIANGULATE_MAX_HEAP_MB` (0: V8's own default) and any limit the user gave Node. */
export function heapPlan(argv: readonly string[], env: NodeJS.ProcessEnv, execArgv: readonly string[]): HeapPlan {
  if (env[CHILD_MARK] || !ANALYSING_COMMANDS.has(argv.find((a) => !a.startsWith('-')) ?? '')) return { run: 'here' };
  const raw = env.TRIANGULATE_MAX_HEAP_MB?.trim();
  let mb = DEFAULT_MAX_HEAP_MB;
  if (raw) {
    if (!/^\d+$/.test(raw) || (Number(raw) !== 0 && Number(raw) < MIN_HEAP_MB)) {
      return { run: 'refuse', message: `TRIANGULATE_MAX_HEAP_MB must be a whole number of MiB, ${MIN_HEAP_MB} or more (0: no limit of ours), not ${JSON.stringify(raw)}` };
    }
    mb = Number(raw);
  }
  const userLimit = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => /^--max[-_]old[-_]space[-_]size\b/.test(a));
  return mb === 0 || userLimit ? { run: 'here' } : { run: 'child', mb };
}

/**
 * Runs `script argv` in a child Node with an old-space limit of `mb` MiB and the same stdio, passing on SIGTERM;
 * resolves to the exit code to give. A child that V8 stopped (out of memory at the limit) gets a message saying how
 * to raise the limit after V8's own report.
 */
export function runWithHeapLimit(script: string, argv: readonly string[], mb: number, stderr: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${mb}`, script, ...argv], {
    stdio: 'inherit',
    env: { ...process.env, [CHILD_MARK]: '1' },
  });
  // Ctrl-C and a hang-up reach the child from the terminal itself (a second would cut its clean stop short): this
  // process only waits; a SIGTERM sent to it alone is passed on.
  const handlers = [['SIGINT', () => {}], ['SIGHUP', () => {}], ['SIGTERM', () => child.kill('SIGTERM')]] as const;
  for (const [s, h] of handlers) process.on(s, h);
  return new Promise((resolve) => {
    child.on('error', (error) => {
      stderr(`triangulate: could not start the analysis process: ${error.message}`);
      resolve(EXIT.ERROR);
    });
    child.on('exit', (code, signal) => {
      for (const [s, h] of handlers) process.off(s, h);
      if (signal === 'SIGABRT' || signal === 'SIGTRAP' || code === 134) {
        stderr(
          `triangulate: the process stopped at its memory limit (V8 old space ${mb} MiB; the report above is V8's). ` +
            `Raise it with TRIANGULATE_MAX_HEAP_MB (e.g. ${mb * 2}; 0: V8's own default), or analyse the inputs in several runs: the store keeps what is done.`,
        );
        return resolve(EXIT.ERROR);
      }
      resolve(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? EXIT.ERROR));
    });
  });
}
