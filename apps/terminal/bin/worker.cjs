// The worker thread of a terminal session (stdin is a tty): the VM runs here while the main thread
// owns the terminal.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const bundle = require('./launch.cjs').loadBundle();
if (parentPort !== null && bundle.exports.isWorkerSessionData(workerData)) {
  const status = bundle.exports.runWorkerSession(workerData);
  bundle.saveCache();
  parentPort.postMessage({ status });
}
