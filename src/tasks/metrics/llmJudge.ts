// LLM judge: a model grades the output against a rubric and explains itself in JSON. A judge that
// errors or replies with something unreadable yields score 0 and feedback saying the judge failed
// and why: one flaky grading call must not fail the batch. Only a caller's abort propagates, so an
// aborted run does not record (or cache) bogus grades. Asked per step (`perStep`), the judge also sees each
// step's input and output and gives one feedback line per step; that part is read leniently (a step it
// skips, misnames or leaves empty reads the program-level feedback), never failing the grade.
import { exampleInputs, expectedAnswer } from '../datasets/example.ts';
import type { Completion, LanguageModel } from '../../lm/types.ts';
import type { Metric, MetricResult, StepFeedback, StepTrace } from '../types.ts';
import { describeJson, extractJson } from './extractJson.ts';
import { quote } from './text.ts';
import { errorMessage } from '../../engine/index.ts';

export interface LlmJudgeOptions {
  /** sees each judge completion, e.g. to account usage and cost under the "judge" role */
  onCompletion?: (completion: Completion) => void;
  maxTokens?: number;
  /** also ask for one feedback line per step (multi-step programs) */
  perStep?: boolean;
}

const SYSTEM = [
  "You are a strict, fair grader of a language model's output.",
  'Grade the output against the rubric, using the expected answer (when given) as the reference.',
  'Reply with only a JSON object, no other text: {"score": <number from 0 to 1>, ' +
    '"feedback": "<what is right, what is wrong, and what would make the output better>"}',
].join('\n');

/** The system prompt when the judge is asked per step (README, "Feedback per step"). */
export const PER_STEP_SYSTEM = [
  "You are a strict, fair grader of a language model program's output.",
  'The program runs in steps; each step is a model call with its own instruction, and later steps read ' +
    "earlier steps' outputs. Grade the final output against the rubric, using the expected answer (when " +
    'given) as the reference, then say for each step what it did right or wrong and how its instruction ' +
    'should change: one line per step, about that step only.',
  'Reply with only a JSON object, no other text: {"score": <number from 0 to 1>, ' +
    '"feedback": "<what is right, what is wrong, and what would make the output better>", ' +
    '"steps": {"<step name>": "<one line of feedback for this step>"}}',
].join('\n');

function asText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function judgePrompt(
  rubric: string,
  inputs: Record<string, unknown>,
  expected: string | undefined,
  output: string,
): string {
  const inputText =
    Object.entries(inputs)
      .map(([k, v]) => `${k}: ${asText(v)}`)
      .join('\n') || '(none)';
  return (
    `Rubric:\n${rubric}\n\nInput:\n${inputText}\n\n` +
    `Expected answer:\n${expected ?? '(none given)'}\n\nOutput to grade:\n${output}`
  );
}

/** The steps section of a per-step judge prompt: each step's name, input (its user message) and output. */
export function judgeStepsPrompt(trace: readonly StepTrace[]): string {
  const blocks = trace.map((s, i) => {
    const input = s.messages.find((m) => m.role === 'user')?.content ?? '';
    return `[${i + 1}] step "${s.step}"\nInput:\n${input}\nOutput:\n${s.error ? `(failed: ${s.error})` : s.output}`;
  });
  const names = trace.map((s) => `"${s.step}"`).join(', ');
  return `Steps, in order (give one feedback line for each, by name: ${names}):\n\n${blocks.join('\n\n')}`;
}

const squash = (name: string) =>
  name
    .toLowerCase()
    .replace(/^step\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The per-step lines of a judge reply, leniently: `steps` (or `step_feedback`) as an object from name to a
 * line or `{ feedback }`, or as a list of `{ step | name, feedback }`; names matched ignoring case, spacing
 * and punctuation, or by number ("1", "step 2"). Whatever cannot be matched to a step is dropped.
 */
export function parseJudgeSteps(value: unknown, stepNames: readonly string[]): Record<string, StepFeedback> {
  if (value === null || typeof value !== 'object') return {};
  const raw = value as Record<string, unknown>;
  const steps = raw.steps ?? raw.step_feedback ?? raw.stepFeedback;
  const pairs: [unknown, unknown][] = Array.isArray(steps)
    ? steps.map((e, i) =>
        e !== null && typeof e === 'object'
          ? [(e as Record<string, unknown>).step ?? (e as Record<string, unknown>).name ?? String(i + 1), e]
          : [String(i + 1), e],
      )
    : steps !== null && typeof steps === 'object'
      ? Object.entries(steps)
      : [];
  const out: Record<string, StepFeedback> = {};
  for (const [key, v] of pairs) {
    if (typeof key !== 'string' && typeof key !== 'number') continue;
    const k = String(key).trim();
    const byNumber = /^(step\s*)?\d+$/i.test(k) ? stepNames[Number(k.replace(/\D/g, '')) - 1] : undefined;
    const name = stepNames.find((n) => n === k) ?? stepNames.find((n) => squash(n) === squash(k)) ?? byNumber;
    const line =
      typeof v === 'string'
        ? v
        : v !== null && typeof v === 'object'
          ? (v as { feedback?: unknown }).feedback
          : undefined;
    if (name && typeof line === 'string' && line.trim() && !out[name]) out[name] = { feedback: line.trim() };
  }
  return out;
}

/** Reads `{"score", "feedback"}` from a judge reply; an error string when the reply cannot be used. */
export function parseJudgeReply(text: string, stepNames: readonly string[] = []): MetricResult | string {
  const parsed = extractJson(text);
  if (!parsed.ok) return `its reply was not JSON (${parsed.error}): ${quote(text, 200)}`;
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return `its reply was ${describeJson(value)}, not a JSON object: ${quote(text, 200)}`;
  const { score: rawScore, feedback } = value as { score?: unknown; feedback?: unknown };
  const score =
    typeof rawScore === 'number'
      ? rawScore
      : typeof rawScore === 'string' && rawScore.trim() !== ''
        ? Number(rawScore)
        : Number.NaN;
  if (!Number.isFinite(score))
    return `its reply had no numeric "score" (got ${JSON.stringify(rawScore) ?? 'nothing'}): ${quote(text, 200)}`;
  const note =
    typeof feedback === 'string' && feedback.trim() !== ''
      ? feedback.trim()
      : '(the judge gave a score but no feedback)';
  const steps = stepNames.length ? parseJudgeSteps(value, stepNames) : {};
  return {
    score: Math.min(1, Math.max(0, score)),
    feedback: note,
    ...(Object.keys(steps).length ? { steps } : {}),
  };
}

const judgeFailed = (why: string): MetricResult => ({
  score: 0,
  feedback: `The LLM judge failed, so this output was not really graded: ${why}.`,
});

export function llmJudgeMetric(model: LanguageModel, rubric: string, options: LlmJudgeOptions = {}): Metric {
  return async (example, output, trace, signal) => {
    const perStep = !!options.perStep && trace.length > 0;
    const graded = judgePrompt(rubric, exampleInputs(example), expectedAnswer(example), output);
    const user = perStep ? `${graded}\n\n${judgeStepsPrompt(trace)}` : graded;
    let completion: Completion;
    try {
      completion = await model.complete({
        messages: [
          { role: 'system', content: perStep ? PER_STEP_SYSTEM : SYSTEM },
          { role: 'user', content: user },
        ],
        // grading should be repeatable: the same output gets the same grade
        temperature: 0,
        maxTokens: options.maxTokens,
        signal,
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      return judgeFailed(`the call to ${model.id} failed (${errorMessage(err)})`);
    }
    options.onCompletion?.(completion);
    const result = parseJudgeReply(completion.text, perStep ? trace.map((s) => s.step) : []);
    return typeof result === 'string' ? judgeFailed(result) : result;
  };
}
