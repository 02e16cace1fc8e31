// Whether the engine acts on every option a configuration sets. optimize resolves the options it knows
// (resolveConfig) and silently ignores any other key, so a configuration carrying an option the engine
// does not know yet would measure the defaults under another name; such a configuration is skipped with
// the reason instead. An option the engine rejects (a GepaConfigError) is reported the same way.
import { resolveConfig } from '../../src/engine/config.ts';
import type { GepaOptions } from '../../src/engine/index.ts';
import type { EngineOverrides } from './configurations.ts';

// options optimize reads directly instead of through resolveConfig: absent from the resolved config but known
const READ_DIRECTLY = new Set([
  'seedCandidate',
  'trainset',
  'valset',
  'adapter',
  'reflectionLm',
  'maxMetricCalls',
  'maxFullEvals',
  'auto',
  'stopConditions',
  'signal',
  'callbacks',
  'onTrackingEvent',
  'checkpoint',
  'reflectionPromptTemplate',
  'customCandidateProposer',
  'clock',
  'resumeFrom',
]);

/** Null when the engine acts on every option in `overrides`, else why the configuration cannot run. */
export function unsupportedReason(base: GepaOptions, overrides: EngineOverrides): string | null {
  let resolved: Record<string, unknown>;
  try {
    resolved = resolveConfig({ ...base, ...overrides } as GepaOptions) as unknown as Record<string, unknown>;
  } catch (err) {
    return `the engine rejects it: ${err instanceof Error ? err.message : String(err)}`;
  }
  const unknown = Object.keys(overrides).filter((k) => !(k in resolved) && !READ_DIRECTLY.has(k));
  return unknown.length > 0 ? `the engine does not know ${unknown.join(', ')} yet (optimize would ignore it)` : null;
}
