#!/usr/bin/env -S node --stack-size=3900
// `mpy-ts`: run, repl, compile, test (`mpy-ts --help`).
'use strict';
require('./launch.cjs').launch('mpyTsMain');
