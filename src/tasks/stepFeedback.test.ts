// Feedback per step through the adapter: each step's reflective records read its own feedback when the metric
// gave one and the program-level feedback otherwise; a format failure becomes feedback that says so (or no
// record, as DSPy without add_format_failure_as_feedback); a step score that differs from the program's is
// warned about once.
import { describe, expect, it } from 'vitest';
import { ProgramAdapter } from './adapter.ts';
import type { Completion, CompletionRequest, LanguageModel } from '../lm/types.ts';
import type { Example, Metric, MetricResult, Program } from './types.ts';
import { jsonFieldMetric } from './metrics/jsonField.ts';
import { FORMAT_FAILURE_FEEDBACK, FORMAT_FAILURE_OUTPUT } from './stepFeedback.ts';

/** Echoes "<step>: <user message>", or what `answers` gives for the step's instruction. */
function echoLm(answers: Record<string, string> = {}): LanguageModel {
  return {
    id: 'echo',
    settingsKey: 'echo',
    async complete(req: CompletionRequest): Promise<Completion> {
      const system = req.messages[0]?.content ?? '';
      const text = answers[system] ?? `${system}: ${req.messages[1]?.content ?? ''}`;
      return { text, usage: { promptTokens: 1, completionTokens: 1 }, latencyMs: 1, model: 'echo' };
    },
  };
}

const program: Program = {
  steps: [
    { name: 'extract', instruction: 'extract', template: '{{message}}' },
    { name: 'format', instruction: 'format', template: '{{steps.extract}}' },
  ],
};
const candidate = { extract: 'extract', format: 'format' };
const examples: Example[] = [
  { id: 'a', message: 'Dana at Northwind', answer: '{"name":"Dana"}' },
  { id: 'b', message: 'Luis at Bluefin', answer: '{"name":"Luis"}' },
];

async function datasetFor(
  metric: Metric,
  o: Partial<ConstructorParameters<typeof ProgramAdapter>[0]> = {},
  lm: LanguageModel = echoLm(),
) {
  const adapter = new ProgramAdapter({ program, taskLm: lm, metric, ...o });
  const batch = await adapter.evaluate(examples, candidate, true);
  return { adapter, batch, dataset: adapter.makeReflectiveDataset(candidate, batch, ['extract', 'format']) };
}

const feedbacks = (records: Record<string, unknown>[] | undefined) => (records ?? []).map((r) => r.Feedback);

describe('feedback per step', () => {
  it("gives each step its own feedback, and a step without one the program's", async () => {
    const metric: Metric = async (ex) =>
      ex.id === 'a'
        ? {
            score: 0.5,
            feedback: 'program: half the fields',
            steps: { extract: { feedback: 'extract: the company was missed' } },
          }
        : { score: 1, feedback: 'program: all right' };
    const { dataset } = await datasetFor(metric);
    expect(feedbacks(dataset.extract)).toEqual([
      'Score 0.50. extract: the company was missed',
      'Score 1.00. program: all right',
    ]);
    // the other step never reads extract's feedback
    expect(feedbacks(dataset.format)).toEqual([
      'Score 0.50. program: half the fields',
      'Score 1.00. program: all right',
    ]);
    expect(dataset.extract?.[0]).toMatchObject({
      Inputs: 'Dana at Northwind',
      'Generated Outputs': 'extract: Dana at Northwind',
      'Final Output': 'format: extract: Dana at Northwind',
    });
  });

  it('keeps the records as before when the metric gives no step feedback', async () => {
    const { dataset } = await datasetFor(async () => ({ score: 0, feedback: 'wrong' }));
    expect(dataset.extract).toEqual([
      {
        Inputs: 'Dana at Northwind',
        'Generated Outputs': 'extract: Dana at Northwind',
        'Final Output': 'format: extract: Dana at Northwind',
        Feedback: 'Score 0.00. wrong',
      },
      {
        Inputs: 'Luis at Bluefin',
        'Generated Outputs': 'extract: Luis at Bluefin',
        'Final Output': 'format: extract: Luis at Bluefin',
        Feedback: 'Score 0.00. wrong',
      },
    ]);
  });

  it('turns an output the metric cannot parse into feedback that says so, for the step that wrote it', async () => {
    // "format" answers prose, not JSON: the JSON field metric cannot read it
    const lm = echoLm({ format: 'Name: Dana' });
    const { dataset } = await datasetFor(jsonFieldMetric(['name']), {}, lm);
    const [record] = dataset.format ?? [];
    expect(record?.['Generated Outputs']).toBe(
      `${FORMAT_FAILURE_OUTPUT} The model's raw response was:\n\`\`\`\nName: Dana\n\`\`\``,
    );
    expect(record?.Feedback).toContain(`Score 0.00. ${FORMAT_FAILURE_FEEDBACK}\na JSON object with the fields "name"`);
    // the metric's own words follow
    expect(record?.Feedback).toContain('Incorrect: the output is not valid JSON');
    // the program's output could not be read: that says nothing about "extract" (DSPy skips it too)
    expect(dataset.extract).toEqual([]);
  });

  it('without addFormatFailureAsFeedback, an unparsable output leaves no record (as DSPy by default)', async () => {
    const lm = echoLm({ format: 'Name: Dana' });
    const { dataset } = await datasetFor(
      jsonFieldMetric(['name']),
      { stepFeedback: { addFormatFailureAsFeedback: false } },
      lm,
    );
    expect(dataset).toEqual({ extract: [], format: [] });
  });

  it('still gives the other steps their own feedback on an example whose output could not be parsed', async () => {
    const metric: Metric = async () => ({
      score: 0,
      feedback: 'not JSON',
      formatFailure: { expected: 'a JSON object' },
      steps: { extract: { feedback: 'extract: found the name' } },
    });
    const { dataset } = await datasetFor(metric);
    expect(feedbacks(dataset.extract)).toEqual([
      'Score 0.00. extract: found the name',
      'Score 0.00. extract: found the name',
    ]);
    expect(dataset.format).toHaveLength(2);
    // a format failure can name an earlier step
    const named = await datasetFor(async () => ({
      score: 0,
      feedback: 'the extract step wrote no list',
      formatFailure: { step: 'extract', expected: 'one field a line' },
    }));
    expect(String(named.dataset.extract?.[0]?.['Generated Outputs'])).toContain(FORMAT_FAILURE_OUTPUT);
    expect(named.dataset.format).toEqual([]);
  });

  it('warns once a run when a step score differs from the program score, and uses the program score', async () => {
    const warnings: string[] = [];
    const metric: Metric = async (ex): Promise<MetricResult> => ({
      score: 1,
      feedback: 'program: right',
      steps: { extract: { feedback: `extract ${ex.id}`, score: 0.25 }, format: { feedback: 'format', score: 1 } },
    });
    const { adapter, batch, dataset } = await datasetFor(metric, { onWarning: (m) => warnings.push(m) });
    expect(feedbacks(dataset.extract)).toEqual(['Score 1.00. extract a', 'Score 1.00. extract b']);
    adapter.makeReflectiveDataset(candidate, batch, ['extract']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('The metric gave step "extract" a score of 0.25 on example a');
    expect(warnings[0]).toContain("the program's score there is 1");
    expect(warnings[0]).toContain('options.warnOnScoreMismatch: false');

    // a matching step score is no mismatch; the option turns the warning off
    const quiet: string[] = [];
    const off = await datasetFor(metric, {
      onWarning: (m) => quiet.push(m),
      stepFeedback: { warnOnScoreMismatch: false },
    });
    expect(feedbacks(off.dataset.extract)).toEqual(['Score 1.00. extract a', 'Score 1.00. extract b']);
    expect(quiet).toEqual([]);
  });
});
