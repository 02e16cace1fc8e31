// The offline demo model behind a concurrency limit, for wall-clock figures. buildRun gives the demo
// provider no limiter (it only limits real endpoints), so a demo run sends every example of a batch at
// once whatever options.concurrency says, and its wall time would flatter any engine. Here the task LM
// and the reflection LM share one limiter of `concurrency` slots and are stacked as buildRun stacks an
// endpoint's models (limiter innermost, then the task LM's evaluation cache, then the usage meter).
import { DemoLanguageModel } from '../../src/lm/demo/index.ts';
import { MemoryCacheStore } from '../../src/lm/evaluationCache.ts';
import { ConcurrencyLimiter } from '../../src/lm/limiter.ts';
import { stackModel } from '../../src/lm/stack.ts';
import type { UsageMeter } from '../../src/lm/usage.ts';
import { ProgramAdapter } from '../../src/tasks/adapter.ts';
import { makeMetric } from '../../src/tasks/metrics/index.ts';
import { reflectionLmFrom } from '../../src/tasks/reflectionLm.ts';
import type { GepaOptions } from '../../src/engine/index.ts';
import type { Example } from '../../src/tasks/types.ts';
import type { RunConfig } from '../../src/run/runConfig.ts';

export interface LimitedModels {
  adapter: GepaOptions<Example>['adapter'];
  reflectionLm: NonNullable<GepaOptions<Example>['reflectionLm']>;
  dispose(): void;
}

export function limitedDemoModels(config: RunConfig, meter: UsageMeter, latencyMs: number): LimitedModels {
  const limiter = new ConcurrencyLimiter({ concurrency: config.options.concurrency, name: 'demo' });
  const base = new DemoLanguageModel({ latencyMs });
  const task = stackModel(base, { role: 'task', limiter, cache: new MemoryCacheStore(), meter });
  const reflection = stackModel(base, { role: 'reflection', limiter, meter });
  const metric = makeMetric(config.metric);
  const adapter = new ProgramAdapter({
    program: config.program,
    taskLm: task.model,
    metric,
    temperature: config.taskLm.temperature,
    maxTokens: config.taskLm.maxTokens,
  });
  const reflectionLm = reflectionLmFrom(reflection.model, {
    temperature: config.reflectionLm.temperature,
    maxTokens: config.reflectionLm.maxTokens,
  });
  return { adapter, reflectionLm, dispose: () => metric.dispose() };
}
