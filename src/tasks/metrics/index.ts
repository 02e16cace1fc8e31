// Public surface of the metrics: builtins, the LLM judge, the sandboxed custom metric, and makeMetric.
export { makeMetric, MetricConfigError } from './makeMetric.ts';
export type { DisposableMetric, MetricDeps } from './makeMetric.ts';
export { exactMatchMetric } from './exactMatch.ts';
export { containsMetric } from './contains.ts';
export { regexMetric } from './regex.ts';
export { numericMetric, extractNumbers, lastNumber } from './numeric.ts';
export type { NumericOptions } from './numeric.ts';
export { jsonFieldMetric } from './jsonField.ts';
export { tokenF1Metric } from './tokenF1.ts';
export { choiceMetric, labelsNamed } from './choice.ts';
export {
  llmJudgeMetric,
  parseJudgeReply,
  parseJudgeSteps,
  judgePrompt,
  judgeStepsPrompt,
  PER_STEP_SYSTEM,
} from './llmJudge.ts';
export type { LlmJudgeOptions } from './llmJudge.ts';
export { compileCustomMetric, DEFAULT_CUSTOM_METRIC_TIMEOUT_MS } from './customMetric.ts';
export type { CompiledCustomMetric, CustomMetricOptions } from './customMetric.ts';
export { CUSTOM_METRIC_WORKER_SOURCE } from './customMetricWorkerSource.ts';
export type { MetricWorker, MetricWorkerFactory } from './metricWorker.ts';
export { extractJson } from './extractJson.ts';
export { normalizeAnswer } from './text.ts';
