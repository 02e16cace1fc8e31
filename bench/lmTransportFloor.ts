// The part of the LM bench's overhead that is the test harness, not the product: the same rounds (as
// many requests, chained by program steps, at the same concurrency) sent by a bare node:http client
// with a minimal body. What it measures (loopback, HTTP parsing, both threads waking from the wait; the
// server answers at the latency's exact deadline) no client can avoid; the product's own overhead is
// what the real run adds to it.
import http from 'node:http';

export interface RoundShape {
  requests: number;
  /** LM calls chained within one example (a multi-step program) */
  steps: number;
}

function post(url: string, agent: http.Agent, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } });
    request.on('response', (res) => {
      res.resume();
      res.on('end', resolve);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Mean time per round beyond ⌈requests / steps / concurrency⌉ × steps × latency. */
export async function transportFloorMs(
  baseUrl: string,
  rounds: readonly RoundShape[],
  latencyMs: number,
  concurrency: number,
): Promise<number> {
  const agent = new http.Agent({ keepAlive: true });
  const url = `${baseUrl}/chat/completions`;
  let n = 0;
  const body = () => JSON.stringify({ model: 'demo', messages: [{ role: 'user', content: `floor ${n++}` }] });
  let excess = 0;
  try {
    for (const { requests, steps } of rounds) {
      const chains = Math.ceil(requests / steps);
      let next = 0;
      const worker = async () => {
        while (next < chains) {
          next++;
          for (let s = 0; s < steps; s++) await post(url, agent, body());
        }
      };
      const t0 = performance.now();
      await Promise.all(Array.from({ length: Math.min(concurrency, chains) }, worker));
      excess += performance.now() - t0 - Math.ceil(chains / concurrency) * steps * latencyMs;
    }
  } finally {
    agent.destroy();
  }
  return excess / Math.max(1, rounds.length);
}
