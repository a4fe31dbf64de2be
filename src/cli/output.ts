/** Terminal output: messages on stderr, results on stdout, a progress bar only on a TTY. */
import { termBlock } from '../report/escape.js';

export interface Output {
  quiet: boolean;
  verbose: boolean;
  /** Result text for the user (stdout). */
  print(text: string): void;
  /** Diagnostic line (stderr); shown even with --quiet for errors. */
  error(text: string): void;
  info(text: string): void;
  /** Per-item detail (stderr) shown only with --verbose, e.g. each input already stored. */
  detail(text: string): void;
  progress(label: string, done: number, total?: number): void;
  endProgress(): void;
}

/** Bar width in characters. */
const BAR_CHARS = 24;

export function createOutput(
  options: { quiet?: boolean; verbose?: boolean; stdout?: NodeJS.WriteStream; stderr?: NodeJS.WriteStream } = {},
): Output {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const quiet = options.quiet ?? false;
  const verbose = (options.verbose ?? false) && !quiet;
  const tty = Boolean(stderr.isTTY) && !quiet && !process.env.CI;
  let drawn = false;
  const clear = () => {
    if (drawn) stderr.write('\r\x1b[2K');
    drawn = false;
  };
  const info = (text: string) => {
    if (quiet) return;
    clear();
    stderr.write(`${termBlock(text)}\n`);
  };
  return {
    quiet,
    verbose,
    print: (text) => {
      clear();
      // Renderers escape each input field; this pass is the net for any they missed.
      const safe = termBlock(text);
      stdout.write(safe.endsWith('\n') ? safe : `${safe}\n`);
    },
    error: (text) => {
      clear();
      stderr.write(`${termBlock(text)}\n`);
    },
    info,
    detail: (text) => {
      if (verbose) info(text);
    },
    progress: (label, done, total) => {
      if (!tty) return;
      const width = Math.max(20, (stderr.columns ?? 80) - BAR_CHARS - 20);
      let line: string;
      if (total && total > 0) {
        const filled = Math.round((Math.min(done, total) / total) * BAR_CHARS);
        line = `[${'#'.repeat(filled)}${'.'.repeat(BAR_CHARS - filled)}] ${done}/${total} ${label}`;
      } else {
        line = `${done} ${label}`;
      }
      stderr.write(`\r\x1b[2K${line.slice(0, width + BAR_CHARS)}`);
      drawn = true;
    },
    endProgress: clear,
  };
}
