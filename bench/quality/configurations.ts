// The engine configurations the quality bench compares: each is a name and a partial set of engine
// options laid over the task's run (seed candidate, data, adapter, reflection LM, budget), so comparing
// another configuration is one more line in CONFIGURATIONS. Options the engine does not know yet are
// allowed here (typed loosely): such a configuration is skipped with a note until the engine acts on them.
import type { GepaOptions } from '../../src/engine/index.ts';

export type EngineOverrides = Partial<GepaOptions> & Record<string, unknown>;

export interface NamedConfiguration {
  name: string;
  options: EngineOverrides;
  /** also timed in part two (wall-clock); part one counts calls for every configuration */
  wallClock?: boolean;
}

/**
 * The Python reference library's defaults (gepa.optimize), pinned explicitly so this configuration stays
 * reference-faithful however the engine's own defaults move: Pareto selection over the per-instance front,
 * minibatches of 3, round-robin component updates, strict minibatch improvement to accept a child, a
 * perfect minibatch (score 1) skipped, no merge, no evaluation cache, seed 0 unless the bench sets one.
 * The engine's own defaults (src/engine/config.ts) equal these in every option that changes which
 * candidates are found, except raiseOnException (the engine continues past failed iterations, the
 * reference raises), which no demo task triggers, so it is pinned too. Configurations are laid over the
 * run config's defaults (DEFAULT_RUN_OPTIONS), so this one pins every option those change.
 */
export const REFERENCE_OPTIONS: EngineOverrides = {
  candidateSelectionStrategy: 'pareto',
  frontierType: 'instance',
  reflectionMinibatchSize: 3,
  moduleSelector: 'round_robin',
  acceptanceCriterion: 'strict_improvement',
  skipPerfectScore: true,
  perfectScore: 1,
  useMerge: false,
  maxMergeInvocations: 5,
  mergeValOverlapFloor: 5,
  cacheEvaluation: false,
  raiseOnException: true,
  samplingStrategy: 'single',
  selectionStrategy: 'all',
  valsetGateSize: 0,
  reflectionRetries: 0,
};

export const REFERENCE = 'reference';
/** the product defaults: what a new studio setup and a CLI config without options run ('single' sampling) */
export const SINGLE = 'defaults';

export const CONFIGURATIONS: readonly NamedConfiguration[] = [
  { name: REFERENCE, options: REFERENCE_OPTIONS },
  // no overrides: the run config's defaults (DEFAULT_RUN_OPTIONS), which buildTaskRun starts from
  { name: SINGLE, options: {}, wallClock: true },
  // four proposals in flight as the studio offers them: the best kept, rounds overlapped (the defaults)
  { name: 'inFlight4', options: { samplingStrategy: { kind: 'independent', n: 4 } }, wallClock: true },
  {
    name: 'inFlight4-lockstep',
    options: { samplingStrategy: { kind: 'independent', n: 4 }, overlapRounds: false },
    wallClock: true,
  },
  // each lever of the defaults taken away in turn, to show what it is worth
  { name: 'defaults-mb3', options: { reflectionMinibatchSize: 3 } },
  { name: 'defaults-nogate', options: { valsetGateSize: 0 } },
  { name: 'defaults-noretries', options: { reflectionRetries: 0 } },
  { name: 'defaults-nomerge', options: { useMerge: false } },
];

/**
 * The configurations named in QUALITY_CONFIGS (comma-separated; all when unset). The reference always runs:
 * every target is its mean final score.
 */
export function selectedConfigurations(env = process.env.QUALITY_CONFIGS): NamedConfiguration[] {
  const wanted = env ? env.split(',').map((s) => s.trim().toLowerCase()) : null;
  const chosen = CONFIGURATIONS.filter((c) => !wanted || c.name === REFERENCE || wanted.includes(c.name.toLowerCase()));
  const unknown = (wanted ?? []).filter((w) => !CONFIGURATIONS.some((c) => c.name.toLowerCase() === w));
  if (unknown.length > 0)
    throw new Error(
      `QUALITY_CONFIGS names ${unknown.join(', ')}; choose from ${CONFIGURATIONS.map((c) => c.name).join(', ')}`,
    );
  return chosen;
}
