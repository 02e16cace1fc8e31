// `npm run wandb-server -- [--port 8080] [--api-key KEY] [--failure-rate 0.3] [--seed 1]`
// Starts the local W&B stand-in by hand (for a CLI run with WANDB_BASE_URL=http://127.0.0.1:8080) and prints,
// when it stops, what it recorded. It keeps everything in memory.
import { parseArgs } from 'node:util';
import { startWandbServer } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    'api-key': { type: 'string' },
    'failure-rate': { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
  },
});
const server = await startWandbServer({
  port: Number(values.port),
  failureRate: Number(values['failure-rate']),
  seed: Number(values.seed),
  ...(values['api-key'] ? { apiKey: values['api-key'] } : {}),
});
console.log(`W&B stand-in at ${server.url} (Ctrl-C to stop)`);
process.on('SIGINT', () => {
  for (const run of server.runs.values())
    console.log(
      `run ${run.entity}/${run.project}/${run.name} "${run.displayName ?? ''}" ` +
        `${run.complete ? `exit code ${run.exitcode}` : 'not finished'}: ${run.history.length} history rows, ` +
        `summary keys: ${Object.keys(run.summary).join(', ')}`,
    );
  void server.close().then(() => process.exit(0));
});
