import { describe, expect, it } from 'vitest';
import { PROVIDER_PRESETS } from '../../lm/presets.ts';
import { DEMO_MODEL } from '../../store/setupStore.ts';
import { PROVIDER_CHOICES, modelForProvider, modelProblem } from './modelChoice.ts';

describe('model choice', () => {
  it('lists the demo model first, then every preset', () => {
    expect(PROVIDER_CHOICES[0]).toEqual({ id: 'demo', label: 'Demo model (simulated, offline)' });
    expect(PROVIDER_CHOICES).toHaveLength(1 + Object.keys(PROVIDER_PRESETS).length);
  });

  it('fills URL, headers and a model from the preset and keeps the temperature', () => {
    const m = modelForProvider('anthropic', { ...DEMO_MODEL, temperature: 0.2 });
    expect(m).toEqual({
      provider: 'anthropic',
      baseUrl: PROVIDER_PRESETS.anthropic.baseUrl,
      model: 'claude-haiku-4-5',
      headers: PROVIDER_PRESETS.anthropic.headers,
      temperature: 0.2,
    });
    expect(modelForProvider('demo', m)).toEqual({ ...DEMO_MODEL, temperature: 0.2 });
  });

  it('asks for what an endpoint still lacks', () => {
    const openai = modelForProvider('openai', DEMO_MODEL);
    expect(modelProblem('task', DEMO_MODEL, '')).toBeNull();
    expect(modelProblem('task', openai, '')).toBe('the task LM needs an API key');
    expect(modelProblem('task', openai, 'sk-1')).toBeNull();
    expect(modelProblem('reflection', { ...openai, baseUrl: 'api.openai.com' }, 'sk-1')).toMatch(/base URL/);
    expect(modelProblem('task', { ...openai, model: ' ' }, 'sk-1')).toMatch(/model/);
    expect(modelProblem('task', modelForProvider('ollama', DEMO_MODEL), '')).toBeNull();
    expect(modelProblem('task', { ...openai, temperature: 3 }, 'sk-1')).toMatch(/temperature/);
  });
});
