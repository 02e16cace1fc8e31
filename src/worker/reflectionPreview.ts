// The reflection prompt's preview on the user's own data: the seed program run on the first few training
// examples by the run's own adapter (built by buildRun from the setup's config: the same task LM, metric
// and split a run uses), and the reflective records the engine would hand the reflection prompt for each
// step. The setup fills the template with them as the user types, so the preview is the exact prompt a
// first reflection on these examples would send. A dead endpoint fails the preview with its own message.
import { buildRun } from '../run/buildRun.ts';
import { sourceRows } from '../run/runDataset.ts';
import type { MetricWorkerFactory } from '../tasks/metrics/index.ts';
import type { ReflectionPreview, ReflectionPreviewRequest } from './protocol.ts';

export async function previewReflection(
  request: ReflectionPreviewRequest,
  deps: { workerFactory?: MetricWorkerFactory } = {},
): Promise<ReflectionPreview> {
  const { config } = request;
  const built = buildRun(config, {
    rows: sourceRows(config.dataset),
    secrets: request.secrets,
    ...(deps.workerFactory ? { workerFactory: deps.workerFactory } : {}),
  });
  try {
    const { adapter, seedCandidate } = built.options;
    const batch = built.train.slice(0, Math.max(1, request.examples));
    const evaluated = await adapter.evaluate(batch, seedCandidate, true);
    const steps = config.program.steps.map((s) => s.name);
    const records = await adapter.makeReflectiveDataset(seedCandidate, evaluated, steps);
    return {
      examples: batch.map((ex, i) => ({ id: ex.id, score: evaluated.scores[i] ?? 0 })),
      records,
    };
  } finally {
    built.dispose();
  }
}
