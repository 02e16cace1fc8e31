// `npm run mlflow-server -- [--port 5000] [--token TOKEN] [--failure-rate 0.3] [--seed 1] [--cors-allowed-origins O,…]`
// Starts the local MLflow-compatible test server by hand (for a CLI or studio run against it) and prints
// its URL and, when it stops, what it recorded. It keeps everything in memory.
import { parseArgs } from 'node:util';
import { startMlflowServer } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5000' },
    token: { type: 'string' },
    'failure-rate': { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    // as MLflow 3.5+'s flag: a comma-separated list of the origins a browser page may call it from (default: any)
    'cors-allowed-origins': { type: 'string' },
  },
});
const server = await startMlflowServer({
  port: Number(values.port),
  failureRate: Number(values['failure-rate']),
  seed: Number(values.seed),
  ...(values.token ? { token: values.token } : {}),
  ...(values['cors-allowed-origins'] !== undefined
    ? { corsAllowedOrigins: values['cors-allowed-origins'].split(',').map((o) => o.trim()) }
    : {}),
});
console.log(`MLflow-compatible test server at ${server.url} (Ctrl-C to stop)`);
process.on('SIGINT', () => {
  for (const run of server.runs.values())
    console.log(
      `run ${run.info.run_id} "${run.info.run_name}" ${run.info.status}: ${run.metrics.length} metric values, ` +
        `${run.params.size} params, ${run.tags.size} tags`,
    );
  console.log(`artifacts: ${[...server.artifacts.keys()].join(', ') || 'none'}`);
  void server.close().then(() => process.exit(0));
});
