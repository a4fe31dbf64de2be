/** The CLI as a process of its own, run from the sources through tsx: for tests that need a separate process or user. */
import { main } from '../src/cli/main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
