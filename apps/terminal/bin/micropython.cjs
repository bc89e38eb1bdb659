#!/usr/bin/env -S node --stack-size=3900
// `micropython`: the drop-in for MicroPython's unix port command line (see @mpy-ts/cli).
'use strict';
require('./launch.cjs').launch('micropythonMain');
