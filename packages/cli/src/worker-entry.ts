// The script a terminal session's worker thread runs (unbundled use of @mpy-ts/cli; a bundling app
// points `workerUrl` at its own entry, which calls runWorkerSession the same way).
import { parentPort, workerData } from 'node:worker_threads';
import { isWorkerSessionData, runWorkerSession } from './worker.js';

if (parentPort !== null && isWorkerSessionData(workerData)) {
  parentPort.postMessage({ status: runWorkerSession(workerData) });
}
