/** `npm run bench`: every benchmark, each printed as ratios against a reference measured in the same run. */
import { benchClaims } from './bench-claims.js';
import { benchExtract } from './bench-extract.js';
import { benchPropositions } from './bench-propositions.js';
import { benchReuse } from './bench-reuse.js';

const quick = process.argv.includes('--quick');
const sections: Array<[string, () => Promise<string[]>]> = [
  ['extraction', () => benchExtract()],
  ['reuse', () => benchReuse(quick ? { articles: 10_000 } : undefined)],
  ['claims', () => benchClaims()],
  ['propositions', () => benchPropositions({ quick })],
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
