import { describe, expect, it } from 'vitest';
import { demoRunConfig } from '../run/demoRunConfig.ts';
import { runParams } from './runParams.ts';

describe('runParams', () => {
  it('flattens the config to a.b.c keys, without dataset rows, tracking settings or anything secret', () => {
    const task = {
      name: 'Sentiment',
      fileName: 'reviews.jsonl',
      program: { steps: [{ name: 'classify', instruction: 'Classify.', template: '{{review}}' }] },
      rows: [{ review: 'good', label: 'positive' }],
      fields: { inputs: ['review'], answer: 'label' },
      metric: { kind: 'exact_match' },
    } as unknown as Parameters<typeof demoRunConfig>[0];
    const config = demoRunConfig(task, {
      model: { provider: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-mini', apiKeyEnv: 'KEY' },
      tracking: { keyPrefix: 'gepa/', mlflow: { trackingUri: 'http://h', experimentName: 'e' } },
    });
    (config.taskLm as unknown as Record<string, unknown>).apiKey = 'sk-secret-1234';
    const params = runParams(config);
    expect(params['budget.maxMetricCalls']).toBe('300');
    expect(params['options.samplingStrategy']).toBe('single');
    expect(params['program.steps.0.name']).toBe('classify');
    expect(params['dataset.split.valFraction']).toBe(String(1 / 3));
    expect(params['taskLm.model']).toBe('gpt-4.1-mini');
    expect(Object.keys(params).some((k) => k.startsWith('dataset.rows') || k.startsWith('tracking'))).toBe(false);
    expect(JSON.stringify(params)).not.toContain('sk-secret-1234');
    expect(Object.values(params).every((v) => typeof v === 'string')).toBe(true);
  });
});
