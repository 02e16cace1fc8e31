import { describe, expect, it } from 'vitest';
import { ProgramAdapter } from './adapter.ts';
import type { Completion, CompletionRequest, LanguageModel } from '../lm/types.ts';
import type { Example, Metric, Program } from './types.ts';
import { validateProgram, renderTemplate } from './template.ts';

/** A fake task LM: answers "<system>|<user>" upper-cased, fails when the user text contains FAIL. */
function fakeLm(): LanguageModel & { calls: CompletionRequest[]; inFlight: number; maxInFlight: number } {
  const lm = {
    id: 'fake',
    settingsKey: 'fake',
    calls: [] as CompletionRequest[],
    inFlight: 0,
    maxInFlight: 0,
    async complete(req: CompletionRequest): Promise<Completion> {
      lm.calls.push(req);
      lm.inFlight++;
      lm.maxInFlight = Math.max(lm.maxInFlight, lm.inFlight);
      await new Promise((r) => setTimeout(r, 1));
      lm.inFlight--;
      const user = req.messages[1]?.content ?? '';
      if (user.includes('FAIL')) throw new Error('endpoint said no');
      return {
        text: `${req.messages[0]?.content}|${user}`.toUpperCase(),
        usage: { promptTokens: 1, completionTokens: 1 },
        latencyMs: 1,
        model: 'fake',
      };
    },
  };
  return lm;
}

const program: Program = {
  steps: [
    { name: 'extract', instruction: 'extract', template: 'Q: {{question}}' },
    { name: 'answer', instruction: 'answer', template: 'From {{steps.extract}}' },
  ],
};
const contains: Metric = async (ex, out) =>
  out.includes(String(ex.answer))
    ? { score: 1, feedback: 'correct' }
    : { score: 0, feedback: `expected ${String(ex.answer)}` };
const ex = (id: string, question: string, answer: string): Example => ({ id, question, answer });

describe('ProgramAdapter', () => {
  it('runs the steps in order, each with its instruction from the candidate', async () => {
    const lm = fakeLm();
    const a = new ProgramAdapter({ program, taskLm: lm, metric: contains });
    const r = await a.evaluate([ex('1', 'paris', 'PARIS')], { extract: 'EX', answer: 'AN' }, true);
    expect(lm.calls.map((c) => c.messages[0]?.content)).toEqual(['EX', 'AN']);
    expect(lm.calls[1]?.messages[1]?.content).toBe('From EX|Q: PARIS');
    expect(r.scores).toEqual([1]);
    expect(r.trajectories?.[0]?.steps.map((s) => s.step)).toEqual(['extract', 'answer']);
  });

  it('returns no trajectories unless asked', async () => {
    const r = await new ProgramAdapter({ program, taskLm: fakeLm(), metric: contains }).evaluate(
      [ex('1', 'x', 'y')],
      { extract: 'a', answer: 'b' },
      false,
    );
    expect(r.trajectories).toBeNull();
  });

  it("turns one example's LM failure into the failure score with the error as feedback", async () => {
    const a = new ProgramAdapter({ program, taskLm: fakeLm(), metric: contains, failureScore: 0 });
    const r = await a.evaluate([ex('1', 'FAIL', 'x'), ex('2', 'ok', 'OK')], { extract: 'e', answer: 'a' }, true);
    expect(r.scores).toEqual([0, 1]);
    expect(r.trajectories?.[0]?.feedback).toContain('endpoint said no');
  });

  it('throws when every LM call of the batch failed (a dead endpoint is an error, not a zero score)', async () => {
    const a = new ProgramAdapter({ program, taskLm: fakeLm(), metric: contains });
    await expect(
      a.evaluate([ex('1', 'FAIL', 'x'), ex('2', 'FAIL again', 'y')], { extract: 'e', answer: 'a' }, false),
    ).rejects.toThrow(/every LM call in a batch of 2 failed/);
  });

  it('a throwing metric is a failure score, not a throw', async () => {
    const a = new ProgramAdapter({
      program,
      taskLm: fakeLm(),
      metric: async () => {
        throw new Error('metric bug');
      },
    });
    const r = await a.evaluate([ex('1', 'q', 'a')], { extract: 'e', answer: 'a' }, true);
    expect(r.scores).toEqual([0]);
    expect(r.trajectories?.[0]?.feedback).toContain('metric bug');
  });

  it('clamps scores into [0, 1] and passes objectives through', async () => {
    const a = new ProgramAdapter({
      program,
      taskLm: fakeLm(),
      metric: async () => ({ score: 3, feedback: '', objectives: { brevity: 0.5 } }),
    });
    const r = await a.evaluate([ex('1', 'q', 'a')], { extract: 'e', answer: 'a' }, false);
    expect(r.scores).toEqual([1]);
    expect(r.objectiveScores).toEqual([{ brevity: 0.5 }]);
  });

  it('evaluates the examples of a batch concurrently', async () => {
    const lm = fakeLm();
    await new ProgramAdapter({ program, taskLm: lm, metric: contains }).evaluate(
      Array.from({ length: 6 }, (_, i) => ex(String(i), 'q', 'a')),
      { extract: 'e', answer: 'a' },
      false,
    );
    expect(lm.maxInFlight).toBeGreaterThan(1);
  });

  it('builds the reflective dataset per component from the step traces', async () => {
    const a = new ProgramAdapter({ program, taskLm: fakeLm(), metric: contains });
    const r = await a.evaluate([ex('1', 'rome', 'PARIS')], { extract: 'e', answer: 'a' }, true);
    const d = a.makeReflectiveDataset({ extract: 'e', answer: 'a' }, r, ['extract', 'answer']);
    expect(d.extract?.[0]).toMatchObject({
      Inputs: 'Q: rome',
      'Generated Outputs': 'E|Q: ROME',
      'Final Output': 'A|FROM E|Q: ROME',
    });
    expect(d.answer?.[0]?.Feedback).toBe('Score 0.00. expected PARIS');
    expect(d.answer?.[0]).not.toHaveProperty('Final Output');
  });

  it('rethrows an abort instead of scoring it', async () => {
    const ctrl = new AbortController();
    const lm: LanguageModel = {
      id: 'x',
      settingsKey: 'x',
      complete: async () => {
        ctrl.abort();
        throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      },
    };
    await expect(
      new ProgramAdapter({ program, taskLm: lm, metric: contains }).evaluate(
        [ex('1', 'q', 'a')],
        { extract: 'e', answer: 'a' },
        false,
        ctrl.signal,
      ),
    ).rejects.toThrow('aborted');
  });
});

describe('templates', () => {
  it('renders fields and earlier step outputs', () =>
    expect(renderTemplate('{{ q }} / {{steps.a}} / {{n}}', { id: '1', q: 'hi', n: 3 }, { a: 'out' })).toBe(
      'hi / out / 3',
    ));
  it('validates field names, step references and duplicate names', () => {
    const problems = validateProgram(
      {
        steps: [
          { name: 'a', instruction: '', template: '{{question}} {{steps.b}}' },
          { name: 'a', instruction: '', template: '{{nope}} {{nope}}' },
        ],
      },
      ['question'],
    );
    expect(problems).toEqual([
      'step 1 ("a"): {{steps.b}} does not name an earlier step',
      'step 2 ("a"): the name is used by an earlier step',
      'step 2 ("a"): {{nope}} is not a dataset field (fields: question)',
    ]);
  });
  it('says when a field differs from a template name only by an invisible character', () => {
    const program = { steps: [{ name: 'a', instruction: '', template: '{{question}}' }] };
    expect(validateProgram(program, ['\u200Bquestion', 'context'])).toEqual([
      'step 1 ("a"): {{question}} is not a dataset field (fields: ‹U+200B›question, context); ' +
        'the field "‹U+200B›question" differs from it only by a zero-width space (U+200B)',
    ]);
  });
});
