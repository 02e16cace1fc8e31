// W&B's JavaScript SDK (@wandb/sdk) in a worker thread, started by wandbSdkHost.ts. Here the SDK's habits
// cannot touch the CLI: its SIGINT handler (which calls process.exit), its console output, an exception it
// throws from a message listener, and retries that sleep for minutes. It logs to the host's local relay
// (workerData.baseUrl), never to W&B directly. Messages in: { type: 'log', step, row }, { type: 'finish',
// exitCode }. Messages out: { type: 'finished' }, { type: 'failed', message }.
import { parentPort, workerData } from 'node:worker_threads';
import wandb from '@wandb/sdk';

const { init, apiKey, baseUrl } = workerData;
const port = parentPort;
const failed = (err) => port.postMessage({ type: 'failed', message: String(err?.message ?? err) });

const runPromise = wandb.init({ ...init, settings: { apiKey, baseUrl, silent: true } });
runPromise.catch(failed);

port.on('message', (msg) => {
  if (msg.type === 'log') {
    runPromise.then((run) => run.log(msg.row, msg.step)).catch(() => {});
  } else if (msg.type === 'finish') {
    runPromise.then((run) => run.finish(msg.exitCode)).then(() => port.postMessage({ type: 'finished' }), failed);
  }
});
