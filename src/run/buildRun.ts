// From a RunConfig to everything `optimize` needs: examples split into train/val, the task and
// reflection models stacked with the endpoint's limiter, the evaluation cache and the usage meter,
// the metric, and the adapter. Shared by the studio's worker, the CLI and the integration tests, so a
// config runs the same way everywhere. Secrets arrive separately and are held in memory only.
import type { GepaOptions } from '../engine/index.ts';
import { LimiterPool } from '../lm/limiter.ts';
import { UsageMeter } from '../lm/usage.ts';
import type { MeteredUsage } from '../lm/usage.ts';
import { MemoryCacheStore } from '../lm/evaluationCache.ts';
import type { CacheStore, CachedLanguageModel } from '../lm/evaluationCache.ts';
import { stackModel } from '../lm/stack.ts';
import { defaultPriceTable } from '../lm/presets.ts';
import type { DatasetRow } from '../tasks/datasets/index.ts';
import { makeMetric } from '../tasks/metrics/index.ts';
import type { DisposableMetric, MetricWorkerFactory } from '../tasks/metrics/index.ts';
import { ProgramAdapter } from '../tasks/adapter.ts';
import { reflectionLmFrom } from '../tasks/reflectionLm.ts';
import type { Example } from '../tasks/types.ts';
import type { ModelConfig, RunConfig } from './runConfig.ts';
import { languageModelFor } from './languageModel.ts';
import { prepareRunDataset } from './runDataset.ts';
import { isSearchRun, runExamples } from './runMode.ts';
import { stepFeedbackOptions } from './stepFeedbackConfig.ts';
import { stopOptions } from './stopConfig.ts';
import { engineReflectionTemplate } from './reflectionPromptConfig.ts';

export interface RunSecrets {
  taskApiKey?: string;
  reflectionApiKey?: string;
  judgeApiKey?: string;
  /** experiment tracking's token or password: not used to build the run, only redacted from what it reports */
  trackingToken?: string;
  trackingPassword?: string;
  /** W&B's API key (WANDB_API_KEY): likewise only redacted */
  wandbApiKey?: string;
}

export interface BuildRunDeps {
  secrets?: RunSecrets;
  /** parsed dataset rows with their file lines (from the file the config names, or its inline rows) */
  rows: readonly DatasetRow[];
  workerFactory?: MetricWorkerFactory;
  /** the evaluation cache's store (IndexedDB in the studio); in memory by default */
  cacheStore?: CacheStore;
  onUsage?: (usage: MeteredUsage) => void;
  /** simulated latency of the demo model, in ms */
  demoLatencyMs?: number;
  /**
   * put the demo model behind the run's concurrency limit, as an endpoint is (benchmarks timing a run); by
   * default it answers every call of a batch at once
   */
  limitDemoModel?: boolean;
  /** the fetch the endpoints' clients call (Node hosts pass cli/nodeFetch; default: the global one) */
  fetch?: typeof fetch;
}

export interface BuiltRun {
  /** everything optimize needs but the run-control fields (signal, callbacks, checkpoint, resumeFrom) */
  options: GepaOptions<Example>;
  train: Example[];
  val: Example[];
  meter: UsageMeter;
  taskCache?: CachedLanguageModel;
  /** ends the metric's sandboxes and the usage subscription; a second call does nothing */
  dispose(): void;
  /** hands the run's warnings (e.g. a step/program score mismatch, once a run) to the driver's log */
  onWarning?(listener: (message: string) => void): void;
}

export function buildRun(config: RunConfig, deps: BuildRunDeps): BuiltRun {
  // inference-time search: every example is both trainset and valset
  const { train, val } = runExamples(config, prepareRunDataset(config, deps.rows));

  const o = config.options;
  const meter = new UsageMeter({ prices: { ...defaultPriceTable(), ...(config.prices ?? {}) } });
  const unsubscribe = deps.onUsage ? meter.subscribe(deps.onUsage) : () => {};
  const limiters = new LimiterPool();
  const secrets = deps.secrets ?? {};
  const baseModel = (m: ModelConfig, apiKey: string | undefined) =>
    languageModelFor(m, {
      apiKey,
      concurrency: o.concurrency,
      demoLatencyMs: deps.demoLatencyMs ?? 0,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
  const limiterFor = (m: ModelConfig) =>
    m.provider === 'demo' && !deps.limitDemoModel ? undefined : limiters.for(m.baseUrl, o.concurrency);

  const task = stackModel(baseModel(config.taskLm, secrets.taskApiKey), {
    role: 'task',
    limiter: limiterFor(config.taskLm),
    cache: deps.cacheStore ?? new MemoryCacheStore(),
    meter,
  });
  const reflection = stackModel(baseModel(config.reflectionLm, secrets.reflectionApiKey), {
    role: 'reflection',
    limiter: limiterFor(config.reflectionLm),
    meter,
  });
  let metric: DisposableMetric;
  let warned: ((message: string) => void) | undefined;
  if (config.metric.kind === 'llm_judge') {
    const judgeConfig = config.judgeLm ?? config.reflectionLm;
    const judgeKey = config.judgeLm ? secrets.judgeApiKey : secrets.reflectionApiKey;
    const judge = stackModel(baseModel(judgeConfig, judgeKey), {
      role: 'judge',
      limiter: limiterFor(judgeConfig),
      meter,
    });
    metric = makeMetric(config.metric, { judgeModel: judge.model });
  } else {
    metric = makeMetric(config.metric, { workerFactory: deps.workerFactory });
  }

  const adapter = new ProgramAdapter({
    program: config.program,
    taskLm: task.model,
    metric,
    temperature: config.taskLm.temperature,
    maxTokens: config.taskLm.maxTokens,
    stepFeedback: stepFeedbackOptions(o),
    onWarning: (message) => warned?.(message),
  });
  const budget = config.budget;
  const options: GepaOptions<Example> = {
    seedCandidate: Object.fromEntries(config.program.steps.map((s) => [s.name, s.instruction])),
    trainset: train,
    valset: val,
    adapter,
    reflectionLm: reflectionLmFrom(reflection.model, {
      temperature: config.reflectionLm.temperature,
      maxTokens: config.reflectionLm.maxTokens,
      // a cached reply cost nothing; an unpriced model reports 0
      costOf: (c) => (c.cached ? 0 : meter.costOf(reflection.model.id, c.usage)),
    }),
    ...engineReflectionTemplate(
      config.reflectionPrompt,
      config.program.steps.map((s) => s.name),
    ),
    ...('auto' in budget
      ? { auto: budget.auto }
      : 'maxMetricCalls' in budget
        ? { maxMetricCalls: budget.maxMetricCalls }
        : { maxFullEvals: budget.maxFullEvals }),
    reflectionMinibatchSize: o.reflectionMinibatchSize,
    candidateSelectionStrategy: o.candidateSelectionStrategy,
    frontierType: o.frontierType,
    moduleSelector: o.moduleSelector,
    useMerge: o.useMerge,
    maxMergeInvocations: o.maxMergeInvocations,
    skipPerfectScore: o.skipPerfectScore,
    perfectScore: o.perfectScore,
    acceptanceCriterion: o.acceptanceCriterion,
    samplingStrategy: o.samplingStrategy,
    selectionStrategy: o.selectionStrategy,
    valsetGateSize: o.valsetGateSize,
    reflectionRetries: o.reflectionRetries,
    overlapRounds: o.overlapRounds,
    cacheEvaluation: o.cacheEvaluation,
    // the best output per task is what a search is for
    trackBestOutputs: o.trackBestOutputs || isSearchRun(config),
    seed: o.seed,
    // options.stop's limits (the driver adds the host's own conditions to them)
    ...stopOptions(o.stop),
  };
  let disposed = false;
  return {
    options,
    train,
    val,
    meter,
    ...(task.cache ? { taskCache: task.cache } : {}),
    dispose: () => {
      if (disposed) return;
      disposed = true;
      unsubscribe();
      metric.dispose();
    },
    onWarning: (listener) => (warned = listener),
  };
}
