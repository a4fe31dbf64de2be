#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { heapPlan, runWithHeapLimit } from '../dist/cli/heap.js';
import { EXIT } from '../dist/cli/exit-codes.js';

// A reader that stops early (`| head`) closes the pipe: that ends the output, it is not an error to report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const argv = process.argv.slice(2);
// The analysing commands run under a bounded heap (src/cli/heap.ts): this process starts them again with the limit.
const plan = heapPlan(argv, process.env, process.execArgv);
if (plan.run === 'refuse') {
  process.stderr.write(`triangulate: ${plan.message}\n`);
  process.exitCode = EXIT.USAGE;
} else if (plan.run === 'child') {
  runWithHeapLimit(fileURLToPath(import.meta.url), argv, plan.mb).then((code) => { process.exitCode = code; });
} else {
  const { main } = await import('../dist/cli/main.js');
  main(argv).then((code) => { process.exitCode = code; });
}
