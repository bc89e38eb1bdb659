#!/usr/bin/env node
// mpy-fat: make, fill, list and check FAT images (see `mpy-fat --help`).
import { runCli } from '../dist/node/index.js';

// `mpy-fat cat img file | head` must not end in a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.exitCode = runCli(process.argv.slice(2));
