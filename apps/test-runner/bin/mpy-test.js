#!/usr/bin/env node
// The `mpy-test` command (built code: `npm run build` first; `npm test` does).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
