// The model form's choices: the offline demo model first, then the OpenAI-compatible provider presets.
// Switching provider starts from the preset (its base URL, browser headers and first example model);
// the demo model needs no URL, model name or key.
import { PROVIDER_PRESETS } from '../../lm/presets.ts';
import type { HttpProviderId, ProviderPreset } from '../../lm/presets.ts';
import type { ModelConfig } from '../../run/runConfig.ts';
import { DEMO_MODEL } from '../../store/setupStore.ts';

/** The demo model's name wherever it is selected (the same words the LM layer uses for it). */
const DEMO_MODEL_LABEL = 'Demo model (simulated, offline)';

export type ProviderChoice = ModelConfig['provider'];

export const PROVIDER_CHOICES: readonly { id: ProviderChoice; label: string }[] = [
  { id: 'demo', label: DEMO_MODEL_LABEL },
  ...Object.values(PROVIDER_PRESETS).map((p) => ({ id: p.id, label: p.label })),
];

export function presetOf(provider: ProviderChoice): ProviderPreset | null {
  return provider === 'demo' ? null : PROVIDER_PRESETS[provider as HttpProviderId];
}

/** The config after picking `provider`; the temperature the user set survives the switch. */
export function modelForProvider(provider: ProviderChoice, current: ModelConfig): ModelConfig {
  const keep = current.temperature !== undefined ? { temperature: current.temperature } : {};
  const preset = presetOf(provider);
  if (!preset) return { ...DEMO_MODEL, ...keep };
  return {
    provider,
    baseUrl: preset.baseUrl,
    model: preset.exampleModels[0] ?? '',
    headers: { ...preset.headers },
    ...keep,
  };
}

/** What keeps this endpoint from being called, or null. */
export function modelProblem(role: string, m: ModelConfig, apiKey: string): string | null {
  if (m.provider === 'demo') return null;
  if (!/^https?:\/\/\S+$/.test(m.baseUrl.trim()))
    return `the ${role} LM's base URL must start with http:// or https://`;
  if (!m.model.trim()) return `name the ${role} LM's model`;
  if (presetOf(m.provider)?.needsKey && !apiKey.trim()) return `the ${role} LM needs an API key`;
  if (m.temperature !== undefined && !(m.temperature >= 0 && m.temperature <= 2))
    return `the ${role} LM's temperature must be between 0 and 2`;
  return null;
}
