// The local test server on its own thread, for benchmarks: a real endpoint's HTTP parsing, JSON and
// simulated model run elsewhere, so they must not queue on the event loop of the client being measured
// (in one thread they did, and every request in a wave waited for the server's work on the others).
// Requests are counted in shared memory, so reading the count is free and exact at any moment.
import { Worker } from 'node:worker_threads';
import type { LmServerOptions, LmServerStats } from '../e2e/lmServer/server.ts';

/** What a server thread can be given: the plain-data options (a responder function cannot cross). */
export type ThreadServerOptions = Omit<LmServerOptions, 'responder' | 'onChatRequest'>;

export interface ThreadServer {
  url: string;
  /** chat requests received so far, retries included */
  chatRequests(): number;
  /** the server's full stats (a message round trip: not for hot paths) */
  stats(): Promise<LmServerStats>;
  close(): Promise<void>;
}

export async function startLmServerThread(options: ThreadServerOptions): Promise<ThreadServer> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const entry = new URL('./lmServerThreadEntry.ts', import.meta.url).href;
  // the worker needs tsx's loader for the TypeScript sources, as the bench itself runs under tsx
  const code = `import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(entry)});`;
  const worker = new Worker(code, { eval: true, workerData: { options, counter } });
  const ask = <T>(message: string) =>
    new Promise<T>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      if (message) worker.postMessage(message);
    });
  const { url } = await ask<{ url: string }>('');
  return {
    url,
    chatRequests: () => Atomics.load(counter, 0),
    stats: () => ask<LmServerStats>('stats'),
    close: async () => {
      await ask('close');
      await worker.terminate();
    },
  };
}
