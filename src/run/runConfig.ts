// The run configuration: one JSON document that the studio exports, the CLI reads and the worker
// runs. It never holds an API key: the studio passes keys separately (memory only) and the CLI reads
// them from the environment variable the config names. Validation names the offending field.
import type {
  AcceptanceCriterion,
  AutoBudget,
  CandidateSelectionStrategy,
  FrontierType,
  SamplingStrategy,
  SelectionStrategy,
} from '../engine/index.ts';
import { GepaConfigError, validateSamplingStrategy, validateSelectionStrategy, wholeNumber } from '../engine/index.ts';
import type { LmEndpointConfig, PriceTable } from '../lm/types.ts';
import type { FieldMapping, MetricConfig, Program } from '../tasks/types.ts';
import { validateProgram } from '../tasks/template.ts';
import { validateTrackingConfig } from './trackingConfig.ts';
import type { TrackingConfig } from './trackingConfig.ts';
import { validateRunMode, withSearchSplit, type RunMode } from './runMode.ts';
import { validateStepFeedbackConfig, type StepFeedbackOptionsConfig } from './stepFeedbackConfig.ts';
import { validateStopConfig } from './stopConfig.ts';
import type { StopConfig } from './stopConfig.ts';
import { validateReflectionPromptConfig, type ReflectionPromptConfig } from './reflectionPromptConfig.ts';

export const RUN_CONFIG_VERSION = 1;

/** An endpoint without secrets; `apiKeyEnv` names where the CLI finds the key. */
export type ModelConfig = Omit<LmEndpointConfig, 'apiKey'> & { apiKeyEnv?: string };

export interface DatasetSource {
  /** shown in errors and the UI */
  fileName: string;
  /** inline rows (the studio, exports) … */
  rows?: Record<string, unknown>[];
  /** … with the line of the file each one came from, so errors still name it (1-based; default: row order) */
  lines?: number[];
  /** … or a file path (CLI, relative to the config file) */
  path?: string;
  mapping: FieldMapping;
  split: { valFraction: number; seed: number; maxVal?: number };
}

export type BudgetConfig = { auto: AutoBudget } | { maxMetricCalls: number } | { maxFullEvals: number };

export interface RunOptionsConfig extends StepFeedbackOptionsConfig {
  reflectionMinibatchSize: number;
  candidateSelectionStrategy: CandidateSelectionStrategy;
  frontierType: FrontierType;
  moduleSelector: 'round_robin' | 'all';
  useMerge: boolean;
  maxMergeInvocations: number;
  skipPerfectScore: boolean;
  perfectScore: number;
  acceptanceCriterion: AcceptanceCriterion;
  /** proposals per round and from which parents ('single': one, the reference's behaviour) */
  samplingStrategy: SamplingStrategy;
  /** which of a round's improving proposals enter the pool */
  selectionStrategy: SelectionStrategy;
  /** val examples a new candidate first scores on; it stops there when it does worse than its parent (0 = off) */
  valsetGateSize: number;
  /** times a reflection reply without a usable fenced instruction is asked again (reflection calls only) */
  reflectionRetries: number;
  /** with several proposals a round: propose the next round while the last one's child is scored on the valset */
  overlapRounds: boolean;
  cacheEvaluation: boolean;
  trackBestOutputs: boolean;
  seed: number;
  /** LM calls in flight per endpoint */
  concurrency: number;
  /** limits that end the run before its budget is spent (stopConfig.ts); absent: none */
  stop?: StopConfig;
}

export interface RunConfig {
  version: typeof RUN_CONFIG_VERSION;
  name: string;
  program: Program;
  dataset: DatasetSource;
  metric: MetricConfig;
  taskLm: ModelConfig;
  reflectionLm: ModelConfig;
  /** the LLM judge's model, when the metric is 'llm_judge' (defaults to the reflection LM) */
  judgeLm?: ModelConfig;
  budget: BudgetConfig;
  options: RunOptionsConfig;
  prices?: PriceTable;
  /** experiment tracking (MLflow, W&B); never holds a token */
  tracking?: TrackingConfig;
  /** the user's own reflection prompt, for every step and/or per step (reflectionPromptConfig.ts) */
  reflectionPrompt?: ReflectionPromptConfig;
  /** 'search': inference-time search, every example both train and val (runMode.ts); absent: 'optimize' */
  mode?: RunMode;
}

/**
 * Options whose value when a config does not give them differs from a new setup's default: a config
 * stored, checkpointed or written before the option existed ran without it, and must resume as it ran.
 */
const ABSENT_MEANS: Partial<RunOptionsConfig> = { reflectionRetries: 0, valsetGateSize: 0, overlapRounds: false };

// A new setup runs the engine's reference-faithful core with the levers `npm run bench -- quality` measured
// to reach the same scores with fewer metric calls: minibatches of one example, a valset gate of 4,
// reflection retries, merge and the evaluation cache; and, when the user asks for several proposals a round,
// the best one kept and overlapped rounds (README, "Options beyond the reference"). A config file that sets
// an option keeps it; one that omits the gate, the retries or the overlap (as configs written before they
// existed do) runs without them (ABSENT_MEANS).
export const DEFAULT_RUN_OPTIONS: RunOptionsConfig = {
  reflectionMinibatchSize: 1,
  candidateSelectionStrategy: 'pareto',
  frontierType: 'instance',
  moduleSelector: 'round_robin',
  useMerge: true,
  maxMergeInvocations: 5,
  skipPerfectScore: true,
  perfectScore: 1,
  acceptanceCriterion: 'strict_improvement',
  samplingStrategy: 'single',
  // with several proposals a round: one child a round, from which overlapped rounds propose the next
  selectionStrategy: 'best',
  valsetGateSize: 4,
  // the engine's default, and a config without the field, is 0 (the reference's behaviour), as for the gate
  reflectionRetries: 2,
  overlapRounds: true,
  cacheEvaluation: true,
  trackBestOutputs: false,
  seed: 0,
  concurrency: 8,
};

export class RunConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'RunConfigError';
  }
}

const METRIC_KINDS = [
  'exact_match',
  'contains',
  'regex',
  'numeric',
  'json_field',
  'token_f1',
  'choice',
  'llm_judge',
  'custom',
];
const PROVIDERS = [
  'openai',
  'openrouter',
  'anthropic',
  'groq',
  'together',
  'ollama',
  'lmstudio',
  'vllm',
  'custom',
  'demo',
];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkModel(m: unknown, field: string): void {
  if (!isObject(m)) throw new RunConfigError(field, 'must be an object with provider, baseUrl and model');
  if (!PROVIDERS.includes(String(m.provider)))
    throw new RunConfigError(
      `${field}.provider`,
      `unknown provider ${JSON.stringify(m.provider)} (one of ${PROVIDERS.join(', ')})`,
    );
  if (m.provider !== 'demo') {
    if (typeof m.baseUrl !== 'string' || !/^https?:\/\//.test(m.baseUrl))
      throw new RunConfigError(`${field}.baseUrl`, 'must be an http(s) URL');
    if (typeof m.model !== 'string' || m.model.trim() === '')
      throw new RunConfigError(`${field}.model`, 'must name a model');
  }
  if ('apiKey' in m)
    throw new RunConfigError(
      `${field}.apiKey`,
      'API keys do not belong in a run config; use apiKeyEnv (CLI) or the studio key field',
    );
}

/** The engine's own check of an option, its error named as the config's field (`options.…`). */
function asOption<T>(name: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (!(err instanceof GepaConfigError)) throw err;
    throw new RunConfigError(`options.${name}`, err.message.replace(`${err.field}: `, ''));
  }
}

/** Checks the shape of a parsed config; returns it typed, with default options filled in. */
export function validateRunConfig(raw: unknown): RunConfig {
  if (!isObject(raw)) throw new RunConfigError('config', 'must be a JSON object');
  if (raw.version !== RUN_CONFIG_VERSION) throw new RunConfigError('version', `must be ${RUN_CONFIG_VERSION}`);
  const program = raw.program as Program;
  if (!isObject(program) || !Array.isArray(program.steps) || program.steps.length === 0)
    throw new RunConfigError('program.steps', 'must list at least one step');
  program.steps.forEach((s, i) => {
    if (
      !isObject(s) ||
      typeof s.name !== 'string' ||
      typeof s.instruction !== 'string' ||
      typeof s.template !== 'string'
    ) {
      throw new RunConfigError(`program.steps[${i}]`, 'needs name, instruction and template strings');
    }
  });
  // the mode first: a search does not split, so its config may leave `dataset.split` out
  const mode = validateRunMode(raw.mode, (field, message) => new RunConfigError(field, message));
  const ds = withSearchSplit(mode, raw.dataset) as DatasetSource;
  if (!isObject(ds)) throw new RunConfigError('dataset', 'must be an object');
  if (!ds.rows && !ds.path) throw new RunConfigError('dataset', 'needs rows (inline) or path (a file)');
  if (ds.rows && !Array.isArray(ds.rows)) throw new RunConfigError('dataset.rows', 'must be an array of objects');
  if (
    ds.lines !== undefined &&
    !(
      Array.isArray(ds.lines) &&
      ds.lines.length === (ds.rows?.length ?? -1) &&
      ds.lines.every((l) => Number.isInteger(l) && l > 0)
    )
  )
    throw new RunConfigError('dataset.lines', 'must list one positive line number per inline row');
  if (!isObject(ds.mapping) || !Array.isArray(ds.mapping.inputs) || typeof ds.mapping.answer !== 'string') {
    throw new RunConfigError('dataset.mapping', 'needs inputs (field names) and answer (a field name)');
  }
  if (!isObject(ds.split) || !(ds.split.valFraction > 0 && ds.split.valFraction < 1))
    throw new RunConfigError('dataset.split.valFraction', 'must be between 0 and 1');
  const metric = raw.metric as MetricConfig;
  if (!isObject(metric) || !METRIC_KINDS.includes(String(metric.kind))) {
    throw new RunConfigError(
      'metric.kind',
      `unknown metric ${JSON.stringify(isObject(metric) ? metric.kind : metric)} (one of ${METRIC_KINDS.join(', ')})`,
    );
  }
  checkModel(raw.taskLm, 'taskLm');
  checkModel(raw.reflectionLm, 'reflectionLm');
  if (raw.judgeLm !== undefined) checkModel(raw.judgeLm, 'judgeLm');
  const b = raw.budget as Record<string, unknown>;
  const budgetKeys = isObject(b)
    ? Object.keys(b).filter((k) => ['auto', 'maxMetricCalls', 'maxFullEvals'].includes(k))
    : [];
  if (budgetKeys.length !== 1)
    throw new RunConfigError('budget', 'give exactly one of auto, maxMetricCalls, maxFullEvals');
  if ('auto' in b && !['light', 'medium', 'heavy'].includes(String(b.auto)))
    throw new RunConfigError('budget.auto', "must be 'light', 'medium' or 'heavy'");
  for (const k of ['maxMetricCalls', 'maxFullEvals']) {
    if (k in b && !(Number.isInteger(b[k]) && (b[k] as number) > 0))
      throw new RunConfigError(`budget.${k}`, 'must be a positive integer');
  }
  const options = {
    ...DEFAULT_RUN_OPTIONS,
    ...ABSENT_MEANS,
    ...(isObject(raw.options) ? raw.options : {}),
  } as RunOptionsConfig;
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
    throw new RunConfigError('options.concurrency', 'must be a positive integer');
  if (!Number.isInteger(options.reflectionMinibatchSize) || options.reflectionMinibatchSize < 1)
    throw new RunConfigError('options.reflectionMinibatchSize', 'must be a positive integer');
  options.samplingStrategy = asOption('samplingStrategy', () => validateSamplingStrategy(options.samplingStrategy));
  options.selectionStrategy = asOption('selectionStrategy', () => validateSelectionStrategy(options.selectionStrategy));
  for (const k of ['valsetGateSize', 'reflectionRetries'] as const)
    options[k] = asOption(k, () => wholeNumber(options[k], k));
  if (typeof options.overlapRounds !== 'boolean')
    throw new RunConfigError('options.overlapRounds', 'must be true or false');
  const stop = validateStopConfig(options.stop, (field, message) => new RunConfigError(field, message));
  if (stop) options.stop = stop;
  else delete options.stop;
  validateTrackingConfig(raw.tracking, (field, message) => new RunConfigError(field, message));
  validateStepFeedbackConfig(raw, (field, message) => new RunConfigError(field, message));
  validateReflectionPromptConfig(
    raw.reflectionPrompt,
    program.steps.map((s) => s.name),
    (f, m) => new RunConfigError(f, m),
  );
  const name = typeof raw.name === 'string' ? raw.name : 'GEPA run';
  return { ...(raw as unknown as RunConfig), name, dataset: ds, options };
}

/** Template problems against the mapped fields, as field-named errors. */
export function checkProgramAgainstFields(config: RunConfig, fields: readonly string[]): void {
  const problems = validateProgram(config.program, fields);
  if (problems.length) throw new RunConfigError('program', problems.join('; '));
}
