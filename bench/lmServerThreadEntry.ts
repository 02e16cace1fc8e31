// The worker side of lmServerThread.ts: starts the test server, counts its chat requests in the shared
// counter, reports the URL, and answers 'stats' and 'close'.
import { parentPort, workerData } from 'node:worker_threads';
import { startLmServer } from '../e2e/lmServer/server.ts';
import type { ThreadServerOptions } from './lmServerThread.ts';

const { options, counter } = workerData as { options: ThreadServerOptions; counter: Int32Array };
const server = await startLmServer({ ...options, onChatRequest: () => Atomics.add(counter, 0, 1) });
parentPort?.on('message', (message) => {
  if (message === 'stats') parentPort?.postMessage(server.stats());
  if (message === 'close') void server.close().then(() => parentPort?.postMessage('closed'));
});
parentPort?.postMessage({ url: server.url });
