// "Test on 3 examples": runs the seed program with the task LM on a few examples and grades each output
// with the configured metric, so the user sees scores and feedback before paying for a run. A failing
// LM call fails the whole trial with the endpoint's own message (it is a setup problem, not a score).
import { makeMetric } from '../tasks/metrics/index.ts';
import type { MetricWorkerFactory } from '../tasks/metrics/index.ts';
import { runProgram } from '../tasks/programRunner.ts';
import { languageModelFor } from '../run/languageModel.ts';
import type { MetricTrial, MetricTrialRequest } from './protocol.ts';

export async function runMetricTrials(
  request: MetricTrialRequest,
  deps: { workerFactory?: MetricWorkerFactory } = {},
): Promise<MetricTrial[]> {
  const { program, metric: metricConfig, taskLm, judgeLm, secrets } = request;
  const task = languageModelFor(taskLm, { apiKey: secrets.taskApiKey });
  const judgeModel =
    metricConfig.kind === 'llm_judge' && judgeLm
      ? languageModelFor(judgeLm, { apiKey: secrets.judgeApiKey })
      : undefined;
  const metric = makeMetric(metricConfig, { judgeModel, workerFactory: deps.workerFactory });
  const seed = Object.fromEntries(program.steps.map((s) => [s.name, s.instruction]));
  try {
    return await Promise.all(
      request.examples.map(async (example): Promise<MetricTrial> => {
        const run = await runProgram(program, seed, example, task, {
          temperature: taskLm.temperature,
          maxTokens: taskLm.maxTokens,
        });
        if (run.error) throw run.error instanceof Error ? run.error : new Error(String(run.error));
        const graded = await metric(example, run.output, run.steps);
        return {
          exampleId: example.id,
          output: run.output,
          score: graded.score,
          feedback: graded.feedback,
          ...(graded.objectives ? { objectives: graded.objectives } : {}),
          ...(graded.steps
            ? { steps: Object.fromEntries(Object.entries(graded.steps).map(([k, v]) => [k, v.feedback])) }
            : {}),
        };
      }),
    );
  } finally {
    metric.dispose();
  }
}
