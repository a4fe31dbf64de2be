/** `npm run bench`: every benchmark, each printed as ratios against a reference measured in the same run (`-- --quick` smaller, `-- --full` the 100,000-article analysis). */
import { benchAnalyze } from './bench-analyze.js';
import { benchClaims } from './bench-claims.js';
import { benchExtract } from './bench-extract.js';
import { benchPropositions } from './bench-propositions.js';
import { benchReuse } from './bench-reuse.js';
import { benchWorkers } from './bench-workers.js';

const quick = process.argv.includes('--quick');
const full = process.argv.includes('--full');
const sections: Array<[string, () => Promise<string[]>]> = [
  ['extraction', () => benchExtract()],
  ['reuse', () => benchReuse(quick ? { articles: 10_000 } : undefined)],
  ['claims', () => benchClaims()],
  ['propositions', () => benchPropositions({ quick })],
  // End to end: 10,000 articles (1,000 with --quick, 100,000 with --full).
  ['analyze', () => benchAnalyze({ articles: full ? 100_000 : quick ? 1_000 : 10_000 })],
  ['workers', () => benchWorkers({ quick })],
];

let failed = false;
for (const [name, run] of sections) {
  console.log(`\n## ${name}`);
  try {
    for (const line of await run()) console.log(line);
  } catch (error) {
    failed = true;
    console.error(`${name} benchmark failed: ${(error as Error).stack ?? error}`);
  }
}
process.exitCode = failed ? 1 : 0;
