// Public surface of the GEPA engine.
export { optimize } from './optimize.ts';
export { GepaResult, RESULT_SCHEMA_VERSION } from './result.ts';
export type { GepaResultDict } from './result.ts';
export type * from './types.ts';
export { GepaConfigError } from './types.ts';
export type { GepaState, CachedEvaluation } from './state.ts';
export { STATE_VERSION, cloneState, createState, serializeState, deserializeState } from './state.ts';
export type { NewStateOptions } from './state.ts';
export type { CallbackEvents, CallbackHandlers, CallbackName, TrainsetHandle } from './callbacks.ts';
export { CALLBACK_NAMES } from './callbacks.ts';
export type * from './tracking.ts';
export type { StopCondition, StopContext } from './strategies/stopConditions.ts';
export { checkStop } from './strategies/stopConditions.ts';
export { wholeNumber } from './config.ts';
export type { SamplingStrategy } from './strategies/proposalSampling.ts';
export { tasksPerRound, validateSamplingStrategy } from './strategies/proposalSampling.ts';
export type { SelectionStrategy } from './strategies/proposalSelection.ts';
export { maxSelected, validateSelectionStrategy } from './strategies/proposalSelection.ts';
export {
  autoBudget,
  AUTO_RUN_SETTINGS,
  resolveMetricCallBudget,
  reflectiveIterationCost,
  reflectiveRoundCost,
} from './budget.ts';
export { Rng } from './rng.ts';
export { DEFAULT_REFLECTION_TEMPLATE, buildReflectionPrompt, renderExamples } from './proposer/reflectionPrompt.ts';
export { extractInstruction } from './proposer/extractInstruction.ts';
export { candidateKey } from './candidateKey.ts';
export { errorMessage } from './errorMessage.ts';
