#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// A reader that stops early (`| head`) closes the pipe: that ends the output, it is not an error to report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
