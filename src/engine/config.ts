// Options with their defaults filled in and checked, so the loop reads one well-formed object.
import type {
  AcceptanceCriterion,
  CandidateSelectionStrategy,
  FrontierType,
  GepaOptions,
  ModuleSelector,
} from './types.ts';
import { GepaConfigError } from './types.ts';
import type { StopCondition } from './strategies/stopConditions.ts';
import { hardMetricCallCaps, usesClock } from './strategies/stopConditions.ts';
import { resolveMetricCallBudget } from './budget.ts';
import { validateTemplate } from './proposer/reflectionPrompt.ts';
import type { SamplingStrategy } from './strategies/proposalSampling.ts';
import { validateSamplingStrategy } from './strategies/proposalSampling.ts';
import type { SelectionStrategy } from './strategies/proposalSelection.ts';
import { validateSelectionStrategy } from './strategies/proposalSelection.ts';

export interface ResolvedConfig {
  candidateSelectionStrategy: CandidateSelectionStrategy;
  frontierType: FrontierType;
  epsilon: number;
  topK: number;
  skipPerfectScore: boolean;
  perfectScore: number;
  failureScore: number;
  reflectionMinibatchSize: number;
  moduleSelector: ModuleSelector;
  useMerge: boolean;
  maxMergeInvocations: number;
  mergeValOverlapFloor: number;
  mergeSubsampleSize: number;
  acceptanceCriterion: AcceptanceCriterion;
  samplingStrategy: SamplingStrategy;
  selectionStrategy: SelectionStrategy;
  valsetGateSize: number;
  reflectionRetries: number;
  overlapRounds: boolean;
  cacheEvaluation: boolean;
  trackBestOutputs: boolean;
  raiseOnException: boolean;
  maxConsecutiveErrors: number;
  seed: number;
  /** The hard metric-call cap (budget and unconditional maxMetricCalls stop conditions), or null. */
  metricCallCap: number | null;
  stopCondition: StopCondition | null;
}

const STRATEGIES: CandidateSelectionStrategy[] = ['pareto', 'current_best', 'epsilon_greedy', 'top_k_pareto'];
const FRONTIERS: FrontierType[] = ['instance', 'objective', 'hybrid', 'cartesian'];

function positiveInt(value: number, field: string): number {
  if (!Number.isInteger(value) || value <= 0)
    throw new GepaConfigError(field, `must be a positive integer, got ${JSON.stringify(value)}`);
  return value;
}

/** A count option: a whole number, 0 or more (the run config checks its options with it too). */
export function wholeNumber(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0)
    throw new GepaConfigError(field, `must be a whole number (0 or more), got ${JSON.stringify(value)}`);
  return value;
}

export function resolveConfig(o: GepaOptions): ResolvedConfig {
  if (!o.seedCandidate || typeof o.seedCandidate !== 'object' || Object.keys(o.seedCandidate).length === 0) {
    throw new GepaConfigError('seedCandidate', 'must be a non-empty object of component name → text');
  }
  for (const [k, v] of Object.entries(o.seedCandidate))
    if (typeof v !== 'string') throw new GepaConfigError(`seedCandidate.${k}`, 'must be a string');
  if (!Array.isArray(o.trainset) || o.trainset.length === 0)
    throw new GepaConfigError('trainset', 'must be a non-empty array');
  if (o.valset !== undefined && (!Array.isArray(o.valset) || o.valset.length === 0))
    throw new GepaConfigError('valset', 'must be a non-empty array when given');
  if (!o.adapter || typeof o.adapter.evaluate !== 'function' || typeof o.adapter.makeReflectiveDataset !== 'function') {
    throw new GepaConfigError('adapter', 'must implement evaluate() and makeReflectiveDataset()');
  }
  if (!o.reflectionLm && !o.customCandidateProposer && !o.adapter.proposeNewTexts) {
    throw new GepaConfigError(
      'reflectionLm',
      'is required unless customCandidateProposer or adapter.proposeNewTexts is given',
    );
  }
  const strategy = o.candidateSelectionStrategy ?? 'pareto';
  if (!STRATEGIES.includes(strategy))
    throw new GepaConfigError('candidateSelectionStrategy', `must be one of ${STRATEGIES.join(', ')}`);
  const frontierType = o.frontierType ?? 'instance';
  if (!FRONTIERS.includes(frontierType))
    throw new GepaConfigError('frontierType', `must be one of ${FRONTIERS.join(', ')}`);
  const ms = o.moduleSelector ?? 'round_robin';
  if (typeof ms !== 'function' && ms !== 'round_robin' && ms !== 'all')
    throw new GepaConfigError('moduleSelector', "must be 'round_robin', 'all' or a function");
  const tpl = o.reflectionPromptTemplate;
  if (typeof tpl === 'string') validateTemplate(tpl, 'reflectionPromptTemplate');
  else if (tpl) for (const [c, t] of Object.entries(tpl)) validateTemplate(t, `reflectionPromptTemplate.${c}`);

  const stops =
    o.stopConditions === undefined ? [] : Array.isArray(o.stopConditions) ? o.stopConditions : [o.stopConditions];
  const stopCondition: StopCondition | null =
    stops.length === 0 ? null : stops.length === 1 ? (stops[0] as StopCondition) : { kind: 'any', conditions: stops };
  if (stopCondition && usesClock(stopCondition) && !o.clock)
    throw new GepaConfigError('clock', 'a timeout stop condition needs an injected clock');
  const valsetSize = (o.valset ?? o.trainset).length;
  const budget = resolveMetricCallBudget({
    auto: o.auto,
    maxFullEvals: o.maxFullEvals,
    maxMetricCalls: o.maxMetricCalls,
    hasStopConditions: stopCondition !== null || !!o.signal,
    numComponents: Object.keys(o.seedCandidate).length,
    trainsetSize: o.trainset.length,
    valsetSize,
    valsetProvided: !!o.valset,
  });
  const caps = [...(budget === null ? [] : [budget]), ...(stopCondition ? hardMetricCallCaps(stopCondition) : [])];
  const metricCallCap = caps.length > 0 ? Math.min(...caps) : null;
  if (metricCallCap !== null && metricCallCap < valsetSize && !o.resumeFrom) {
    throw new GepaConfigError(
      'maxMetricCalls',
      `a budget of ${metricCallCap} metric calls cannot evaluate the seed on the ${valsetSize}-example valset`,
    );
  }
  return {
    candidateSelectionStrategy: strategy,
    frontierType,
    epsilon: o.epsilon ?? 0.1,
    topK: positiveInt(o.topK ?? 5, 'topK'),
    skipPerfectScore: o.skipPerfectScore ?? true,
    perfectScore: o.perfectScore ?? 1,
    failureScore: o.failureScore ?? 0,
    reflectionMinibatchSize: positiveInt(o.reflectionMinibatchSize ?? 3, 'reflectionMinibatchSize'),
    moduleSelector: ms,
    useMerge: o.useMerge ?? false,
    maxMergeInvocations: o.maxMergeInvocations ?? 5,
    mergeValOverlapFloor: o.mergeValOverlapFloor ?? 5,
    mergeSubsampleSize: positiveInt(o.mergeSubsampleSize ?? 5, 'mergeSubsampleSize'),
    acceptanceCriterion: o.acceptanceCriterion ?? 'strict_improvement',
    samplingStrategy: validateSamplingStrategy(o.samplingStrategy),
    selectionStrategy: validateSelectionStrategy(o.selectionStrategy),
    valsetGateSize: wholeNumber(o.valsetGateSize ?? 0, 'valsetGateSize'),
    reflectionRetries: wholeNumber(o.reflectionRetries ?? 0, 'reflectionRetries'),
    overlapRounds: o.overlapRounds ?? false,
    cacheEvaluation: o.cacheEvaluation ?? false,
    trackBestOutputs: o.trackBestOutputs ?? false,
    raiseOnException: o.raiseOnException ?? false,
    maxConsecutiveErrors: positiveInt(o.maxConsecutiveErrors ?? 5, 'maxConsecutiveErrors'),
    seed: o.seed ?? 0,
    metricCallCap,
    stopCondition,
  };
}

/** The JSON-safe part of the config, for onOptimizationStart and exports. */
export function describeConfig(c: ResolvedConfig): Record<string, unknown> {
  const { moduleSelector, stopCondition, ...rest } = c;
  return {
    ...rest,
    moduleSelector: typeof moduleSelector === 'function' ? 'custom' : moduleSelector,
    stopCondition: stopCondition
      ? JSON.parse(JSON.stringify(stopCondition, (_k, v) => (typeof v === 'function' ? '[function]' : v)))
      : null,
  };
}
