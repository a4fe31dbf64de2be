/** The `triangulate` command line: argument parsing only; all work is done by the app/ and report/ APIs. */
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { StoreOpenError } from '../core/errors.js';
import { termSafe } from '../report/escape.js';
import { runAnalyze } from './commands/analyze.js';
import { runExport } from './commands/export.js';
import { runExtract } from './commands/extract.js';
import { runIngest } from './commands/ingest.js';
import { runServe } from './commands/serve.js';
import { runShow, SHOW_WHAT, type ShowWhat } from './commands/show.js';
import { runStatus } from './commands/status.js';
import { runWatch } from './commands/watch.js';
import { runWorkerCommand } from './commands/worker.js';
import { PROPOSITION_STATUSES } from '../report/export-schema.js';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import { createOutput } from './output.js';

const VERSION = '0.1.0';

/** Longest delay setTimeout honours (2^31 - 1 ms); a larger one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Parses a whole number of `min` or more (and at most `max`), or tells commander which option was wrong. */
function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value.trim());
    // InvalidArgumentError, not a plain CommanderError: commander then prints the option and the value before exiting.
    if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number ${max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`}.`);
    }
    return n;
  };
}

/** Checks an `--encoding` label against the encodings Node can decode. */
function encodingLabel(value: string): string {
  try {
    return new TextDecoder(value.trim()).encoding;
  } catch {
    throw new InvalidArgumentError('expected an encoding name such as utf-8, windows-1251, koi8-r, shift_jis, euc-kr, gb18030 or big5.');
  }
}

const positiveInt = wholeNumber(1);
const positiveMs = wholeNumber(1, MAX_TIMER_MS);
const nonNegativeMs = wholeNumber(0, MAX_TIMER_MS);

/** Options shared by every command that reads inputs. */
function inputOptions(cmd: Command): Command {
  return cmd
    .option('--allow-private', 'allow fetching private, loopback and link-local addresses (off: SSRF guard)')
    .addOption(new Option('--timeout <ms>', 'per-request timeout in milliseconds').argParser(positiveMs))
    .addOption(new Option('--max-bytes <n>', 'largest input accepted, in bytes').argParser(positiveInt))
    .addOption(new Option('--delay <ms>', 'pause between two requests to the same host').argParser(nonNegativeMs))
    .addOption(new Option('--encoding <label>', 'decode every input as this encoding (e.g. windows-1251, koi8-r, shift_jis), whatever it declares').argParser(encodingLabel));
}

function storeOption(cmd: Command): Command {
  return cmd.option('--db <path>', 'SQLite database file or postgres://…[?schema=NAME] URL (default: $TRIANGULATE_DB or .triangulate/triangulate.db)');
}

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[], io: { stdout?: NodeJS.WriteStream; stderr?: NodeJS.WriteStream } = {}): Promise<number> {
  let code: number = EXIT.OK;
  const program = new Command('triangulate')
    .description('Cross-check news coverage: who reports what, who copied whom, how many independent sources.')
    .version(VERSION)
    .option('-q, --quiet', 'print only results and errors')
    .option('-v, --verbose', 'also list each input already stored (otherwise counted in the summary)')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => (io.stdout ?? process.stdout).write(s),
      writeErr: (s) => (io.stderr ?? process.stderr).write(s),
    });
  const out = () => createOutput({ quiet: Boolean(program.opts().quiet), verbose: Boolean(program.opts().verbose), ...io });

  storeOption(inputOptions(program.command('ingest')))
    .description('read files, directories, globs, feeds or URLs (- for stdin), extract their main text, and store them')
    .argument('<inputs...>', 'paths, globs, URLs or -')
    .option('--wait', 'PostgreSQL store: wait until the workers have done the queued jobs')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (inputs: string[], opts) => {
      code = await runIngest(inputs, opts, out());
    });

  storeOption(inputOptions(program.command('analyze')))
    .description('ingest the inputs, then run every analysis stage over the stored articles and print a summary')
    .argument('[inputs...]', 'paths, globs, URLs or - (none: re-analyse what is stored)')
    .option('--json <file>', 'also write the JSON export to this file')
    .option('--markdown <file>', 'also write a Markdown report to this file')
    .option('--timings', "print each step's time and the articles it worked on")
    .addOption(
      new Option('--workers <n>', 'threads for the per-article stages (1: this thread only; default: the cores, up to 8)')
        .env('TRIANGULATE_WORKERS')
        .argParser(wholeNumber(1, 64)),
    )
    .option('--wait', 'PostgreSQL store: wait until the workers have done the queued jobs (needed for --json/--markdown)')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (inputs: string[], opts) => {
      code = await runAnalyze(inputs, opts, out());
    });

  inputOptions(program.command('extract'))
    .description('print one JSON line per input with its main text, metadata and dropped pieces; stores nothing')
    .argument('<inputs...>', 'paths, globs, URLs or -')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (inputs: string[], opts) => {
      code = await runExtract(inputs, opts, out());
    });

  storeOption(program.command('export'))
    .description('write the stored articles and analysis as JSON (see docs/export.schema.json), a Markdown brief, or a self-contained HTML report')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'markdown', 'html']).default('json'))
    .option('--story <id>', 'html: only this story (an id or its prefix)')
    .option('--out <file>', 'write to this file instead of stdout')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (opts) => {
      code = await runExport(opts, out());
    });

  storeOption(program.command('show'))
    .description('list stored results: stories, propositions (the ledger), reuse links, entities, claims, or input failures')
    .addArgument(new Argument('<what>', 'what to list').choices(SHOW_WHAT))
    .option('--article <id>', 'only results about this article (an id or its prefix)')
    .option('--kind <kind>', 'only this kind (claim kind, link kind, entity type, failure rule id)')
    .option('--story <id>', 'propositions: only this story (an id or its prefix)')
    .addOption(new Option('--status <status>', 'propositions: only this status').choices(PROPOSITION_STATUSES))
    .option('--chains', 'propositions: also print how each value reached each article')
    .addOption(new Option('--limit <n>', 'at most this many rows').argParser(positiveInt))
    .option('--json', 'one JSON object per line instead of text')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (what: ShowWhat, opts) => {
      code = await runShow(what, opts, out());
    });

  storeOption(program.command('serve'))
    .description('serve the web UI and the JSON API (docs at /api/docs); ingest and re-analysis need TRIANGULATE_TOKEN')
    .addOption(new Option('--port <n>', 'TCP port (0: any free one)').argParser(wholeNumber(0, 65535)).default(8321))
    .option('--host <address>', 'address to listen on (another than loopback exposes the store to the network)', '127.0.0.1')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (opts) => {
      code = await runServe(opts, out());
    });

  storeOption(program.command('worker'))
    .description('PostgreSQL store: take ingest, analysis and story-update jobs from the queue until SIGTERM (finishes the running jobs)')
    .addOption(new Option('--concurrency <n>', 'jobs of each kind run at once in this process').argParser(positiveInt).default(1))
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (opts) => {
      code = await runWorkerCommand(opts, out());
    });

  storeOption(inputOptions(program.command('watch')))
    .description('poll RSS, Atom and JSON feeds (ETag/Last-Modified, backoff on errors) and store and analyse new items (PostgreSQL: through the workers)')
    .argument('[feeds...]', 'feed URLs')
    .option('--opml <file>', 'also watch every feed listed in this OPML file')
    .addOption(new Option('--interval <seconds>', 'seconds between two polls of a feed').argParser(positiveInt))
    .addOption(new Option('--max-backoff <seconds>', 'longest wait before retrying a failing feed').argParser(positiveInt))
    .option('--once', 'poll the due feeds once and exit (for cron)')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (feeds: string[], opts) => {
      code = await runWatch(feeds, opts, out());
    });

  storeOption(program.command('status'))
    .description('show watched feeds, queue depth per job kind, workers alive and failures')
    .option('--json', 'one JSON object instead of text')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (opts) => {
      code = await runStatus(opts, out());
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    (io.stderr ?? process.stderr).write(`triangulate: ${termSafe((error as Error).message)}\n`);
    if (error instanceof StoreOpenError && error.ruleId === 'store:empty-path') return EXIT.USAGE;
    return EXIT.ERROR;
  }
  return code;
}
