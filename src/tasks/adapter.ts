// The engine's adapter for prompt programs: evaluates a candidate on a batch of examples (in parallel;
// the LM limiter caps calls in flight), scores each output with the metric, keeps per-step traces, and
// turns them into the reflective dataset the reflection LM reads. One example's failure becomes the
// failure score with the error as feedback; only a batch in which every LM call failed throws, so a
// dead endpoint surfaces as an error instead of a run of zero scores. A step's record reads the metric's
// feedback for that step when it gave one, the program-level feedback otherwise (stepFeedback.ts).
import type { Candidate, EvaluationBatch, GepaAdapter, ReflectiveDataset, ReflectiveRecord } from '../engine/index.ts';
import type { LanguageModel } from '../lm/types.ts';
import type { Example, ExampleTrace, Metric, Program } from './types.ts';
import { runProgram } from './programRunner.ts';
import { DEFAULT_STEP_FEEDBACK_OPTIONS, stepRecord, type StepFeedbackOptions } from './stepFeedback.ts';
import { errorMessage } from '../engine/index.ts';

export interface ProgramAdapterOptions {
  program: Program;
  taskLm: LanguageModel;
  metric: Metric;
  failureScore?: number;
  temperature?: number;
  maxTokens?: number;
  /** format failures and the score-mismatch warning (default DEFAULT_STEP_FEEDBACK_OPTIONS) */
  stepFeedback?: Partial<StepFeedbackOptions>;
  /** receives warnings for the run's log (the score mismatch, once a run) */
  onWarning?: (message: string) => void;
}

function isAbort(err: unknown, signal?: AbortSignal): boolean {
  return (
    !!signal?.aborted ||
    (err instanceof Error && (err.name === 'AbortError' || (err as { kind?: string }).kind === 'aborted'))
  );
}

export class ProgramAdapter implements GepaAdapter<Example, ExampleTrace, string> {
  private readonly stepFeedback: StepFeedbackOptions;
  private mismatchWarned = false;

  constructor(private readonly o: ProgramAdapterOptions) {
    this.stepFeedback = { ...DEFAULT_STEP_FEEDBACK_OPTIONS, ...o.stepFeedback };
  }

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
            ...(m.steps ? { stepFeedback: m.steps } : {}),
            ...(m.formatFailure ? { formatFailure: m.formatFailure } : {}),
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
    const warn = (message: string) => {
      if (this.mismatchWarned) return;
      this.mismatchWarned = true;
      this.o.onWarning?.(message);
    };
    for (const component of components) {
      out[component] = traces.flatMap((t): ReflectiveRecord[] => {
        const record = stepRecord(t, component, this.stepFeedback, warn);
        return record ? [record] : [];
      });
    }
    return out;
  }
}
