import { describe, expect, it } from 'vitest';
import { corsHintFor, endpointFromPreset, PROVIDER_PRESETS, presetFor } from './presets.ts';

describe('provider presets', () => {
  it("point at each provider's OpenAI-compatible base URL", () => {
    expect(PROVIDER_PRESETS.anthropic.baseUrl).toBe('https://api.anthropic.com/v1');
    expect(PROVIDER_PRESETS.ollama.baseUrl).toBe('http://localhost:11434/v1');
    expect(PROVIDER_PRESETS.lmstudio.baseUrl).toBe('http://localhost:1234/v1');
    expect(PROVIDER_PRESETS.vllm.baseUrl).toBe('http://localhost:8000/v1');
    for (const p of Object.values(PROVIDER_PRESETS)) expect(p.baseUrl).toMatch(/^https?:\/\/[^ ]+\/v1$/);
  });

  it('Anthropic carries its browser opt-in header', () => {
    expect(PROVIDER_PRESETS.anthropic.headers).toEqual({ 'anthropic-dangerous-direct-browser-access': 'true' });
  });

  it('local servers need no key; hosted ones do', () => {
    expect(['ollama', 'lmstudio', 'vllm'].map((id) => presetFor(id as 'ollama').needsKey)).toEqual([
      false,
      false,
      false,
    ]);
    expect(presetFor('openai').needsKey).toBe(true);
  });

  it('CORS hints say how to fix it for that provider', () => {
    expect(corsHintFor('ollama')).toContain('OLLAMA_ORIGINS');
    expect(corsHintFor('lmstudio')).toContain('Enable CORS');
    expect(corsHintFor('anthropic')).toContain('anthropic-dangerous-direct-browser-access');
    expect(corsHintFor('demo')).toBe(corsHintFor('custom'));
  });

  it("an endpoint from a preset keeps the preset headers under the user's", () => {
    const e = endpointFromPreset('anthropic', { model: 'claude-haiku-4-5', apiKey: 'k', headers: { 'x-extra': '1' } });
    expect(e).toMatchObject({
      provider: 'anthropic',
      baseUrl: 'https://api.anthropic.com/v1',
      model: 'claude-haiku-4-5',
    });
    expect(e.headers).toEqual({ 'anthropic-dangerous-direct-browser-access': 'true', 'x-extra': '1' });
    expect(endpointFromPreset('ollama', { model: 'm', baseUrl: 'http://box:11434/v1' }).baseUrl).toBe(
      'http://box:11434/v1',
    );
  });
});
