import { describe, expect, it } from 'vitest';
import { sentimentTask } from '../tasks/demos/index.ts';
import { DEFAULT_RUN_OPTIONS } from '../run/runConfig.ts';
import type { BudgetConfig, ModelConfig, RunConfig } from '../run/runConfig.ts';
import { startLmServer } from '../../e2e/lmServer/server.ts';
import { checkBudget, checkEndpoints } from './preflight.ts';

const config = (budget: BudgetConfig, patch: Partial<RunConfig> = {}): RunConfig => ({
  version: 1,
  name: 'x',
  program: sentimentTask.program,
  metric: sentimentTask.metric,
  budget,
  options: DEFAULT_RUN_OPTIONS,
  dataset: { fileName: 'f', rows: [], mapping: sentimentTask.fields, split: { valFraction: 0.5, seed: 0 } },
  taskLm: { provider: 'demo', baseUrl: 'offline', model: 'demo' },
  reflectionLm: { provider: 'demo', baseUrl: 'offline', model: 'demo' },
  ...patch,
});
const sizes = { train: 40, val: 20 };

describe('checkBudget', () => {
  it('refuses a budget below one valset evaluation, saying what one needs', () => {
    expect(() => checkBudget(config({ maxMetricCalls: 19 }), sizes)).toThrow(
      new RegExp(
        '^budget\\.maxMetricCalls: a budget of 19 metric calls is too small for one full evaluation: ' +
          'scoring a prompt on the valset takes 20 metric calls',
      ),
    );
  });
  it("warns when the budget buys the seed's evaluation but no iteration", () => {
    expect(checkBudget(config({ maxMetricCalls: 30 }), sizes)).toEqual({
      cap: 30,
      warning: expect.stringMatching(
        /^budget\.maxMetricCalls: 30 metric calls .* no GEPA iteration \(each needs up to 22 more\)/,
      ),
    });
    expect(checkBudget(config({ maxMetricCalls: 46 }), sizes)).toEqual({ cap: 46, warning: null });
  });
  it('resolves auto and maxFullEvals budgets', () => {
    expect(checkBudget(config({ maxFullEvals: 2 }), sizes).cap).toBe(120);
    expect(checkBudget(config({ auto: 'light' }), sizes).cap).toBeGreaterThan(100);
  });
});

describe('checkEndpoints', () => {
  const endpoint = (url: string, patch: Partial<ModelConfig> = {}): ModelConfig => ({
    provider: 'custom',
    baseUrl: url,
    model: 'demo-simulated',
    apiKeyEnv: 'K',
    ...patch,
  });
  const withTaskLm = (taskLm: ModelConfig) => config({ maxMetricCalls: 50 }, { taskLm });
  const key = { taskApiKey: 'sk-right-123456' };

  it('passes a live endpoint; names the field for a bad key (not the key) or an unknown model, unretried', async () => {
    const server = await startLmServer({ port: 0, apiKey: 'sk-right-123456', models: ['demo-simulated'] });
    try {
      const ep = endpoint(server.url);
      await expect(checkEndpoints(withTaskLm(ep), key)).resolves.toBeUndefined();
      server.resetStats();
      const bad = checkEndpoints(withTaskLm(ep), { taskApiKey: 'sk-wrong-654321' });
      await expect(bad).rejects.toThrow(/^taskLm\.apiKeyEnv: the endpoint .*HTTP 401.*environment variable K/);
      await expect(bad).rejects.not.toThrow(/sk-wrong-654321/);
      await expect(
        checkEndpoints(config({ maxMetricCalls: 50 }, { reflectionLm: { ...ep, model: 'gpt-9' } }), {
          reflectionApiKey: 'sk-right-123456',
        }),
      ).rejects.toThrow(/^reflectionLm\.model: .*404/);
      expect(server.stats().chatRequests).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('retries a hung request, a 500 and a 429 as a run would, and passes', async () => {
    const server = await startLmServer({ port: 0, faults: { sequence: ['hang', '500', '429'], retryAfterMs: 10 } });
    try {
      await expect(checkEndpoints(withTaskLm(endpoint(server.url, { timeoutMs: 1000 })), key)).resolves.toBeUndefined();
      expect(server.stats().chatRequests).toBe(4);
      expect(server.stats().completions).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("calls an endpoint unreachable only after the run's retries, naming it", async () => {
    const server = await startLmServer({ port: 0, faults: { rate: 1, kinds: ['hang'] } });
    try {
      const ep = endpoint(server.url, { timeoutMs: 200, maxRetries: 1 });
      await expect(checkEndpoints(withTaskLm(ep), key)).rejects.toThrow(
        /^taskLm\.baseUrl: the endpoint http:\/\/127\.0\.0\.1:\d+\/v1 .*no answer within 200 ms, after 1 retry/,
      );
      expect(server.stats().chatRequests).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('fails at once, with the reason, when nothing listens on the port', async () => {
    const server = await startLmServer({ port: 0 });
    await server.close();
    const refused = checkEndpoints(withTaskLm(endpoint(server.url)), key);
    await expect(refused).rejects.toThrow(
      /^taskLm\.baseUrl: the endpoint .* unreachable .*: the connection was refused \(is the server running/,
    );
    await expect(refused).rejects.not.toThrow(/retr/);
  });
});
