import { describe, expect, it } from 'vitest';
import { corsHintFor, PROVIDER_PRESETS, presetFor } from './presets.ts';

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
});
