import { describe, expect, it } from 'vitest';
import { keyFields, missingKey, prefilledKeys, secretsFrom } from './resumeKeys.ts';
import type { ModelConfig, RunConfig } from '../../run/runConfig.ts';

const demo: ModelConfig = { provider: 'demo', baseUrl: 'offline', model: 'demo' };
const openai: ModelConfig = { provider: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-mini' };
const ollama: ModelConfig = { provider: 'ollama', baseUrl: 'http://localhost:11434/v1', model: 'llama3' };
const config = (taskLm: ModelConfig, reflectionLm: ModelConfig, judgeLm?: ModelConfig): RunConfig =>
  ({
    taskLm,
    reflectionLm,
    ...(judgeLm ? { judgeLm } : {}),
    metric: { kind: judgeLm ? 'llm_judge' : 'exact_match' },
  }) as RunConfig;

describe('resume keys', () => {
  it('asks nothing for the demo model', () => expect(keyFields(config(demo, demo))).toEqual([]));

  it('asks once per endpoint, required only where the provider needs a key', () => {
    expect(keyFields(config(openai, openai))).toEqual([
      { roles: ['task', 'reflection'], provider: 'openai', baseUrl: openai.baseUrl, required: true },
    ]);
    const fields = keyFields(config(ollama, openai, openai));
    expect(fields.map((f) => [f.roles, f.required])).toEqual([
      [['task'], false],
      [['reflection', 'judge'], true],
    ]);
  });

  it('offers a key this tab holds for the same endpoint', () => {
    const fields = keyFields(config(openai, ollama));
    expect(
      prefilledKeys(fields, { taskLm: demo, reflectionLm: openai, keys: { task: '', reflection: 'sk-1' } }),
    ).toEqual(['sk-1', '']);
  });

  it('names an endpoint whose required key is missing, and maps keys to every role of the endpoint', () => {
    const fields = keyFields(config(openai, openai));
    expect(missingKey(fields, [' '])).toMatch(/api\.openai\.com.*needs an API key/);
    expect(missingKey(fields, ['sk-2'])).toBeNull();
    expect(secretsFrom(fields, ['sk-2'])).toEqual({ taskApiKey: 'sk-2', reflectionApiKey: 'sk-2' });
  });
});
