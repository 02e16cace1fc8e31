// The API keys a stored run needs again to resume: keys are never stored, so every endpoint it calls
// (other than the offline demo model) is asked for one; one field per endpoint, shared by the roles
// that call it. Keys already in this tab's memory for the same endpoint (typed in the setup, or
// remembered on this device by the user's choice) are offered as the starting value.
import { presetFor } from '../../lm/presets.ts';
import type { RunSecrets } from '../../run/buildRun.ts';
import type { ModelConfig, RunConfig } from '../../run/runConfig.ts';

export type KeyRole = 'task' | 'reflection' | 'judge';

export interface KeyField {
  /** the roles that call this endpoint; the first names the field */
  roles: KeyRole[];
  provider: ModelConfig['provider'];
  baseUrl: string;
  /** the provider refuses calls without a key (local servers do not) */
  required: boolean;
}

/** The endpoints the run calls that take a key, in role order. */
export function keyFields(config: RunConfig): KeyField[] {
  const models: [KeyRole, ModelConfig][] = [
    ['task', config.taskLm],
    ['reflection', config.reflectionLm],
  ];
  if (config.metric.kind === 'llm_judge' && config.judgeLm) models.push(['judge', config.judgeLm]);
  const fields: KeyField[] = [];
  for (const [role, m] of models) {
    if (m.provider === 'demo') continue;
    const same = fields.find((f) => f.baseUrl === m.baseUrl && f.provider === m.provider);
    if (same) same.roles.push(role);
    else
      fields.push({
        roles: [role],
        provider: m.provider,
        baseUrl: m.baseUrl,
        required: presetFor(m.provider).needsKey,
      });
  }
  return fields;
}

/** Starting values: a key this tab holds for the same endpoint in the setup, else empty. */
export function prefilledKeys(
  fields: readonly KeyField[],
  setup: { taskLm: ModelConfig; reflectionLm: ModelConfig; keys: Record<'task' | 'reflection', string> },
): string[] {
  return fields.map((f) => {
    const match = (['task', 'reflection'] as const).find((r) => {
      const m = r === 'task' ? setup.taskLm : setup.reflectionLm;
      return m.provider === f.provider && m.baseUrl === f.baseUrl && setup.keys[r];
    });
    return match ? setup.keys[match] : '';
  });
}

/** What keeps the resume from starting (a required key left empty), or null. */
export function missingKey(fields: readonly KeyField[], values: readonly string[]): string | null {
  const i = fields.findIndex((f, k) => f.required && !(values[k] ?? '').trim());
  return i < 0 ? null : `${fields[i]!.baseUrl} needs an API key`;
}

export function secretsFrom(fields: readonly KeyField[], values: readonly string[]): RunSecrets {
  const secrets: RunSecrets = {};
  fields.forEach((f, k) => {
    const key = (values[k] ?? '').trim();
    if (!key) return;
    for (const role of f.roles) secrets[`${role}ApiKey`] = key;
  });
  return secrets;
}
