// The engine's adapter for prompt programs: evaluates a candidate on a batch of examples (in parallel;
// the LM limiter caps calls in flight), scores each output with the metric, keeps per-step traces, and
// turns them into the reflective dataset the reflection LM reads. One example's failure becomes the
// failure score with the error as feedback; only a batch in which every LM call failed throws, so a
// dead endpoint surfaces as an error instead of a run of zero scores.
import type { Candidate, EvaluationBatch, GepaAdapter, ReflectiveDataset } from '../engine/index.ts';
import type { LanguageModel } from '../lm/types.ts';
import type { Example, ExampleTrace, Metric, Program } from './types.ts';
import { runProgram } from './programRunner.ts';
import { errorMessage } from '../engine/index.ts';

export interface ProgramAdapterOptions {
  program: Program;
  taskLm: LanguageModel;
  metric: Metric;
  failureScore?: number;
  temperature?: number;
  maxTokens?: number;
}

function isAbort(err: unknown, signal?: AbortSignal): boolean {
  return (
    !!signal?.aborted ||
    (err instanceof Error && (err.name === 'AbortError' || (err as { kind?: string }).kind === 'aborted'))
  );
}

export class ProgramAdapter implements GepaAdapter<Example, ExampleTrace, string> {
  constructor(private readonly o: ProgramAdapterOptions) {}

  async evaluate(
    batch: Example[],
    candidate: Candidate,
    captureTraces: boolean,
    signal?: AbortSignal,
  ): Promise<EvaluationBatch<ExampleTrace, string>> {
    const failureScore = this.o.failureScore ?? 0;
    const lmFailures: unknown[] = [];
    const traces = await Promise.all(
      batch.map(async (example): Promise<ExampleTrace & { objectives?: Record<string, number> }> => {
        const run = await runProgram(this.o.program, candidate, example, this.o.taskLm, {
          signal,
          temperature: this.o.temperature,
          maxTokens: this.o.maxTokens,
        });
        if (run.error !== undefined) {
          if (isAbort(run.error, signal)) throw run.error;
          lmFailures.push(run.error);
          const message = errorMessage(run.error);
          return {
            exampleId: example.id,
            steps: run.steps,
            output: '',
            score: failureScore,
            feedback: `The LM call failed, so this example could not be answered: ${message}`,
          };
        }
        try {
          const m = await this.o.metric(example, run.output, run.steps, signal);
          const score = Number.isFinite(m.score) ? Math.min(1, Math.max(0, m.score)) : failureScore;
          return {
            exampleId: example.id,
            steps: run.steps,
            output: run.output,
            score,
            feedback: m.feedback,
            ...(m.objectives ? { objectives: m.objectives } : {}),
          };
        } catch (err) {
          if (isAbort(err, signal)) throw err;
          return {
            exampleId: example.id,
            steps: run.steps,
            output: run.output,
            score: failureScore,
            feedback: `The metric failed: ${errorMessage(err)}`,
          };
        }
      }),
    );
    if (batch.length > 0 && lmFailures.length === batch.length) {
      const first = lmFailures[0];
      throw new Error(`every LM call in a batch of ${batch.length} failed; first error: ${errorMessage(first)}`);
    }
    const anyObjectives = traces.some((t) => t.objectives);
    return {
      outputs: traces.map((t) => t.output),
      scores: traces.map((t) => t.score),
      trajectories: captureTraces ? traces.map(({ objectives: _o, ...t }) => t) : null,
      objectiveScores: anyObjectives ? traces.map((t) => t.objectives ?? {}) : null,
    };
  }

  makeReflectiveDataset(
    _candidate: Candidate,
    evalBatch: EvaluationBatch<ExampleTrace, string>,
    components: string[],
  ): ReflectiveDataset {
    const out: ReflectiveDataset = {};
    const traces = evalBatch.trajectories ?? [];
    for (const component of components) {
      out[component] = traces.map((t) => {
        const step = t.steps.find((s) => s.step === component);
        const user = step?.messages.find((m) => m.role === 'user')?.content ?? '';
        const record: Record<string, unknown> = {
          Inputs: user,
          'Generated Outputs': step?.error
            ? `(the LM call failed: ${step.error})`
            : (step?.output ?? '(this step did not run)'),
        };
        if (step && step.output !== t.output && t.output) record['Final Output'] = t.output;
        record.Feedback = `Score ${t.score.toFixed(2)}. ${t.feedback}`;
        return record;
      });
    }
    return out;
  }
}
