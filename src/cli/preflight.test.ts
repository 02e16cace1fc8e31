import { describe, expect, it } from 'vitest';
import { sentimentTask } from '../tasks/demos/index.ts';
import { DEFAULT_RUN_OPTIONS } from '../tasks/runConfig.ts';
import type { BudgetConfig, RunConfig } from '../tasks/runConfig.ts';
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
      /^budget\.maxMetricCalls: a budget of 19 metric calls is too small for one full evaluation: scoring a prompt on the valset takes 20 metric calls/,
    );
  });
  it("warns when the budget buys the seed's evaluation but no iteration", () => {
    expect(checkBudget(config({ maxMetricCalls: 30 }), sizes)).toEqual({
      cap: 30,
      warning: expect.stringMatching(
        /^budget\.maxMetricCalls: 30 metric calls .* no GEPA iteration \(each needs up to 26 more\)/,
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
  it('passes a live endpoint and names the field for a bad key (without the key) or an unknown model', async () => {
    const server = await startLmServer({ port: 0, apiKey: 'sk-right-123456', models: ['demo-simulated'] });
    try {
      const ep = { provider: 'custom' as const, baseUrl: server.url, model: 'demo-simulated', apiKeyEnv: 'K' };
      await expect(
        checkEndpoints(config({ maxMetricCalls: 50 }, { taskLm: ep }), { taskApiKey: 'sk-right-123456' }),
      ).resolves.toBeUndefined();
      const bad = checkEndpoints(config({ maxMetricCalls: 50 }, { taskLm: ep }), { taskApiKey: 'sk-wrong-654321' });
      await expect(bad).rejects.toThrow(/^taskLm\.apiKeyEnv: the endpoint .*HTTP 401.*environment variable K/);
      await expect(bad).rejects.not.toThrow(/sk-wrong-654321/);
      await expect(
        checkEndpoints(config({ maxMetricCalls: 50 }, { reflectionLm: { ...ep, model: 'gpt-9' } }), {
          reflectionApiKey: 'sk-right-123456',
        }),
      ).rejects.toThrow(/^reflectionLm\.model: .*404/);
    } finally {
      await server.close();
    }
  });
});
