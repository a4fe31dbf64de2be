/** Process exit codes, documented in the README and in `--help`. */
export const EXIT = {
  /** Everything asked for was done. */
  OK: 0,
  /** Some inputs failed (each was named on stderr); the rest were processed and stored. */
  INPUT_FAILURES: 1,
  /** Bad command line: unknown command or option, missing argument. */
  USAGE: 2,
  /** Nothing could be done: every input failed, or the store or pipeline failed. */
  ERROR: 3,
} as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  some inputs failed (named on stderr); the others were processed
  2  usage error
  3  nothing could be processed, or the store/pipeline failed`;
