// Builds the metric a run configuration names. Configuration mistakes (a bad regex, no labels, a judge
// with no model) throw here, at setup; a custom metric's code is compiled on first use and, if it does
// not compile, every call returns that error as its feedback (compileCustomMetric reports it up front).
import type { Completion, LanguageModel } from '../../lm/types.ts';
import type { Metric, MetricConfig } from '../types.ts';
import { choiceMetric } from './choice.ts';
import { containsMetric } from './contains.ts';
import { compileCustomMetric, type CompiledCustomMetric } from './customMetric.ts';
import { exactMatchMetric } from './exactMatch.ts';
import { jsonFieldMetric } from './jsonField.ts';
import { llmJudgeMetric } from './llmJudge.ts';
import type { MetricWorkerFactory } from './metricWorker.ts';
import { numericMetric } from './numeric.ts';
import { regexMetric } from './regex.ts';
import { tokenF1Metric } from './tokenF1.ts';
import { errorMessage } from '../../engine/index.ts';

export interface MetricDeps {
  /** the model that grades for 'llm_judge' */
  judgeModel?: LanguageModel;
  onJudgeCompletion?: (completion: Completion) => void;
  /** starts the sandbox workers for 'custom' */
  workerFactory?: MetricWorkerFactory;
  /** parallel workers for 'custom' (default 4) */
  customConcurrency?: number;
}

/** A metric plus the means to release what it holds (a custom metric's workers); a no-op for the rest. */
export type DisposableMetric = Metric & { dispose(): void };

export class MetricConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetricConfigError';
  }
}

const disposable = (metric: Metric, dispose: () => void = () => {}): DisposableMetric =>
  Object.assign(metric, { dispose });

function lazyCustomMetric(compile: () => Promise<CompiledCustomMetric>): DisposableMetric {
  let compiled: Promise<CompiledCustomMetric> | null = null;
  let disposed = false;
  const metric: Metric = async (example, output, trace, signal) => {
    // after dispose, compiling would start workers nobody stops
    if (disposed)
      return {
        score: 0,
        feedback:
          'The custom metric failed, so this output was not graded: the metric was shut down before this call ran.',
      };
    compiled ??= compile();
    const c = await compiled;
    if (!c.ok) return { score: 0, feedback: `The custom metric failed, so this output was not graded: ${c.error}.` };
    return c.metric(example, output, trace, signal);
  };
  return disposable(metric, () => {
    disposed = true;
    void compiled?.then((c) => c.ok && c.dispose());
  });
}

export function makeMetric(config: MetricConfig, deps: MetricDeps = {}): DisposableMetric {
  switch (config.kind) {
    case 'exact_match':
      return disposable(exactMatchMetric({ caseSensitive: config.caseSensitive }));
    case 'contains':
      return disposable(containsMetric({ caseSensitive: config.caseSensitive }));
    case 'regex':
      try {
        return disposable(regexMetric(config.pattern, config.flags));
      } catch (err) {
        throw new MetricConfigError(`the regex metric's pattern is invalid: ${errorMessage(err)}`);
      }
    case 'numeric':
      if (config.tolerance !== undefined && !(config.tolerance >= 0))
        throw new MetricConfigError(`the numeric metric's tolerance must be a number ≥ 0, got ${config.tolerance}`);
      return disposable(numericMetric({ tolerance: config.tolerance, relative: config.relative }));
    case 'json_field':
      return disposable(jsonFieldMetric(config.fields));
    case 'token_f1':
      return disposable(tokenF1Metric());
    case 'choice': {
      const labels = config.labels.map((l) => l.trim()).filter(Boolean);
      if (labels.length === 0) throw new MetricConfigError('the choice metric needs at least one label');
      return disposable(choiceMetric(labels, { caseSensitive: config.caseSensitive }));
    }
    case 'llm_judge':
      if (!deps.judgeModel)
        throw new MetricConfigError('the LLM judge metric needs a judge model (configure the judge endpoint)');
      if (!config.rubric.trim())
        throw new MetricConfigError('the LLM judge metric needs a rubric: say what a good output looks like');
      return disposable(
        llmJudgeMetric(deps.judgeModel, config.rubric, {
          onCompletion: deps.onJudgeCompletion,
          perStep: !!config.perStep,
        }),
      );
    case 'custom': {
      const workerFactory = deps.workerFactory;
      if (!workerFactory) throw new MetricConfigError('the custom metric needs a worker factory to run its code in');
      if (config.timeoutMs !== undefined && !(config.timeoutMs > 0))
        throw new MetricConfigError(`the custom metric's time limit must be positive, got ${config.timeoutMs}`);
      return lazyCustomMetric(() =>
        compileCustomMetric(config.code, {
          workerFactory,
          timeoutMs: config.timeoutMs,
          concurrency: deps.customConcurrency,
        }),
      );
    }
  }
}
