// `npm run lm-server -- [--port 8787] [--host 127.0.0.1] [--latency 200] [--fault-rate 0.2]
//   [--fault-kinds 429,500,hang,truncated,non_json] [--seed 1] [--retry-after-ms 1000] [--api-key KEY] [--models a,b]`
// Starts the local OpenAI-compatible test server by hand and prints its base URL; settings can still be
// changed while it runs with POST /__control, and GET /__stats shows what it has served.
import { parseArgs } from 'node:util';
import { parseFaultKinds, FAULT_KINDS } from './faults.ts';
import { startLmServer } from './server.ts';

function num(name: string, text: string | undefined): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got "${text}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      latency: { type: 'string', default: '0' },
      'fault-rate': { type: 'string', default: '0' },
      'fault-kinds': { type: 'string', default: FAULT_KINDS.join(',') },
      seed: { type: 'string', default: '1' },
      'retry-after-ms': { type: 'string', default: '1000' },
      'api-key': { type: 'string' },
      models: { type: 'string' },
    },
  });
  const rate = num('fault-rate', values['fault-rate']);
  if (rate > 1) throw new Error('--fault-rate is a fraction in [0, 1]');

  const server = await startLmServer({
    port: num('port', values.port),
    host: values.host,
    latencyMs: num('latency', values.latency),
    faults: {
      rate,
      kinds: parseFaultKinds(values['fault-kinds'] ?? ''),
      seed: num('seed', values.seed),
      retryAfterMs: num('retry-after-ms', values['retry-after-ms']),
    },
    ...(values['api-key'] ? { apiKey: values['api-key'] } : {}),
    ...(values.models
      ? {
          models: values.models
            .split(',')
            .map((m) => m.trim())
            .filter(Boolean),
        }
      : {}),
  });

  console.log(`OpenAI-compatible test server: ${server.url}`);
  console.log(
    `  control: POST ${server.origin}/__control  {"latencyMs":200,"faults":{"rate":0.2,"kinds":["429","500"]}}`,
  );
  console.log(`  stats:   GET  ${server.origin}/__stats`);

  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`lm-server: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
