// LLM judge: a model grades the output against a rubric and explains itself in JSON. A judge that
// errors or replies with something unreadable yields score 0 and feedback saying the judge failed
// and why: one flaky grading call must not fail the batch. Only a caller's abort propagates, so an
// aborted run does not record (or cache) bogus grades.
import { exampleInputs, expectedAnswer } from '../datasets/example.ts';
import type { Completion, LanguageModel } from '../../lm/types.ts';
import type { Metric, MetricResult } from '../types.ts';
import { describeJson, extractJson } from './extractJson.ts';
import { quote } from './text.ts';
import { errorMessage } from '../../engine/index.ts';

export interface LlmJudgeOptions {
  /** sees each judge completion, e.g. to account usage and cost under the "judge" role */
  onCompletion?: (completion: Completion) => void;
  maxTokens?: number;
}

const SYSTEM = [
  "You are a strict, fair grader of a language model's output.",
  'Grade the output against the rubric, using the expected answer (when given) as the reference.',
  'Reply with only a JSON object, no other text: {"score": <number from 0 to 1>, ' +
    '"feedback": "<what is right, what is wrong, and what would make the output better>"}',
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

/** Reads `{"score", "feedback"}` from a judge reply; an error string when the reply cannot be used. */
export function parseJudgeReply(text: string): MetricResult | string {
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
  return { score: Math.min(1, Math.max(0, score)), feedback: note };
}

const judgeFailed = (why: string): MetricResult => ({
  score: 0,
  feedback: `The LLM judge failed, so this output was not really graded: ${why}.`,
});

export function llmJudgeMetric(model: LanguageModel, rubric: string, options: LlmJudgeOptions = {}): Metric {
  return async (example, output, _trace, signal) => {
    const user = judgePrompt(rubric, exampleInputs(example), expectedAnswer(example), output);
    let completion: Completion;
    try {
      completion = await model.complete({
        messages: [
          { role: 'system', content: SYSTEM },
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
    const result = parseJudgeReply(completion.text);
    return typeof result === 'string' ? judgeFailed(result) : result;
  };
}
