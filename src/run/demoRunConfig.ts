// A run configuration for a demo task: its program, dataset, mapping and metric, on the offline demo
// model unless other models are given. The studio's "load a demo task", the tests and the benchmarks
// all start runs from this one shape.
import type { ModelConfig, RunConfig } from './runConfig.ts';
import { DEFAULT_RUN_OPTIONS, RUN_CONFIG_VERSION } from './runConfig.ts';
import type { DemoTask } from '../tasks/demos/demoTask.ts';

export const DEMO_MODEL_CONFIG: ModelConfig = { provider: 'demo', baseUrl: 'offline', model: 'demo' };

export interface DemoRunOverrides extends Partial<Omit<RunConfig, 'options'>> {
  options?: Partial<RunConfig['options']>;
  valFraction?: number;
  /** one endpoint for both the task and the reflection LM */
  model?: ModelConfig;
}

export function demoRunConfig(task: DemoTask, o: DemoRunOverrides = {}): RunConfig {
  const { options, valFraction, model, ...rest } = o;
  return {
    version: RUN_CONFIG_VERSION,
    name: task.name,
    program: task.program,
    dataset: {
      fileName: task.fileName,
      rows: task.rows,
      mapping: task.fields,
      split: { valFraction: valFraction ?? 1 / 3, seed: 0 },
    },
    metric: task.metric,
    taskLm: model ?? DEMO_MODEL_CONFIG,
    reflectionLm: model ?? DEMO_MODEL_CONFIG,
    budget: { maxMetricCalls: 300 },
    ...rest,
    options: { ...DEFAULT_RUN_OPTIONS, seed: 0, ...options },
  };
}
