import { describe, expect, it } from 'vitest';
import type { CompletionRequest, LanguageModel } from '../../lm/types.ts';
import { llmJudgeMetric, parseJudgeReply, parseJudgeSteps, PER_STEP_SYSTEM } from './llmJudge.ts';
import type { StepTrace } from '../types.ts';

const example = { id: 'e1', question: 'Capital of France?', answer: 'Paris' };

/** A judge that answers with a fixed text (or throws), recording what it was asked. */
function fakeJudge(reply: string | Error): LanguageModel & { requests: CompletionRequest[] } {
  const requests: CompletionRequest[] = [];
  return {
    id: 'fake:judge',
    settingsKey: 'fake',
    requests,
    async complete(request) {
      requests.push(request);
      if (reply instanceof Error) throw reply;
      return { text: reply, usage: { promptTokens: 10, completionTokens: 5 }, latencyMs: 1, model: 'fake' };
    },
  };
}

describe('llmJudgeMetric', () => {
  it('sends the rubric, the inputs, the expected answer and the output, at temperature 0', async () => {
    const judge = fakeJudge('{"score": 0.8, "feedback": "Right city, but too wordy."}');
    expect(await llmJudgeMetric(judge, 'Be concise and correct.')(example, 'It is Paris, of course.', [])).toEqual({
      score: 0.8,
      feedback: 'Right city, but too wordy.',
    });
    const [request] = judge.requests;
    expect(request?.temperature).toBe(0);
    expect(request?.messages[0]?.role).toBe('system');
    expect(request?.messages[0]?.content).toContain('{"score": <number from 0 to 1>, "feedback"');
    expect(request?.messages[1]?.content).toBe(
      'Rubric:\nBe concise and correct.\n\nInput:\nquestion: Capital of France?\n\n' +
        'Expected answer:\nParis\n\nOutput to grade:\nIt is Paris, of course.',
    );
  });

  it('reads a fenced reply with text around it, clamps the score, and reports usage', async () => {
    const seen: number[] = [];
    const judge = fakeJudge('Here is my grade:\n```json\n{"score": 1.7, "feedback": "Perfect."}\n```');
    expect(
      await llmJudgeMetric(judge, 'r', { onCompletion: (c) => seen.push(c.usage.promptTokens) })(example, 'Paris', []),
    ).toEqual({ score: 1, feedback: 'Perfect.' });
    expect(seen).toEqual([10]);
  });

  it('gives score 0 and says the judge failed on a malformed reply', async () => {
    expect(await llmJudgeMetric(fakeJudge('I think it deserves a 7/10.'), 'r')(example, 'Paris', [])).toEqual({
      score: 0,
      feedback: expect.stringMatching(
        new RegExp(
          String.raw`^The LLM judge failed, so this output was not really graded: ` +
            String.raw`its reply was not JSON \(.+\): "I think it deserves a 7\/10\."\.$`,
        ),
      ),
    });
    expect((await llmJudgeMetric(fakeJudge('{"feedback": "good"}'), 'r')(example, 'Paris', [])).feedback).toBe(
      'The LLM judge failed, so this output was not really graded: ' +
        'its reply had no numeric "score" (got nothing): "{"feedback": "good"}".',
    );
  });

  it('gives score 0 and says why when the judge call fails', async () => {
    expect(await llmJudgeMetric(fakeJudge(new Error('429 rate limited')), 'r')(example, 'Paris', [])).toEqual({
      score: 0,
      feedback:
        'The LLM judge failed, so this output was not really graded: the call to fake:judge failed (429 rate limited).',
    });
  });

  it("rethrows when the caller's signal aborted, so no bogus grade is recorded", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      llmJudgeMetric(fakeJudge(new Error('aborted')), 'r')(example, 'Paris', [], controller.signal),
    ).rejects.toThrow('aborted');
  });
});

describe('parseJudgeReply', () => {
  it('accepts a numeric string score and fills in missing feedback', () => {
    expect(parseJudgeReply('{"score": "0.5"}')).toEqual({
      score: 0.5,
      feedback: '(the judge gave a score but no feedback)',
    });
    expect(parseJudgeReply('{"score": -2, "feedback": "bad"}')).toEqual({ score: 0, feedback: 'bad' });
  });

  it('explains replies it cannot use', () => {
    expect(parseJudgeReply('[0.5]')).toBe('its reply was an array, not a JSON object: "[0.5]"');
    expect(parseJudgeReply('{"score": "high"}')).toBe(
      'its reply had no numeric "score" (got "high"): "{"score": "high"}"',
    );
    expect(parseJudgeReply('{"score": null}')).toContain('no numeric "score" (got null)');
  });
});

describe('the LLM judge asked per step', () => {
  const trace: StepTrace[] = [
    {
      step: 'extract',
      messages: [
        { role: 'system', content: 'Extract.' },
        { role: 'user', content: 'Dana at Northwind' },
      ],
      output: 'Dana; Northwind',
    },
    {
      step: 'format',
      messages: [
        { role: 'system', content: 'Format.' },
        { role: 'user', content: 'Dana; Northwind' },
      ],
      output: '{"name": "Dana"}',
    },
  ];

  it("shows each step's input and output and reads one line per step", async () => {
    const judge = fakeJudge(
      '```json\n{"score": 0.5, "feedback": "Company missing.", ' +
        '"steps": {"extract": "Good: found both.", "Format": {"feedback": "Dropped the company."}}}\n```',
    );
    const graded = await llmJudgeMetric(judge, 'All fields.', { perStep: true })(example, '{"name": "Dana"}', trace);
    expect(graded).toEqual({
      score: 0.5,
      feedback: 'Company missing.',
      steps: { extract: { feedback: 'Good: found both.' }, format: { feedback: 'Dropped the company.' } },
    });
    const [request] = judge.requests;
    expect(request?.messages[0]?.content).toBe(PER_STEP_SYSTEM);
    expect(request?.messages[1]?.content).toContain(
      'Steps, in order (give one feedback line for each, by name: "extract", "format"):\n\n' +
        '[1] step "extract"\nInput:\nDana at Northwind\nOutput:\nDana; Northwind\n\n' +
        '[2] step "format"\nInput:\nDana; Northwind\nOutput:\n{"name": "Dana"}',
    );
  });

  it('reads step lines leniently and never fails the grade over them', () => {
    const names = ['extract', 'format'];
    // a list, names by number, an unknown name, an empty line
    expect(
      parseJudgeSteps(
        {
          steps: [
            { step: 'Step 1', feedback: 'one' },
            { name: 'nope', feedback: 'x' },
            { step: 'format', feedback: ' ' },
          ],
        },
        names,
      ),
    ).toEqual({ extract: { feedback: 'one' } });
    expect(parseJudgeSteps({ steps: ['first', 'second'] }, names)).toEqual({
      extract: { feedback: 'first' },
      format: { feedback: 'second' },
    });
    expect(parseJudgeSteps({ step_feedback: { ' EXTRACT ': 'caps' } }, names)).toEqual({
      extract: { feedback: 'caps' },
    });
    expect(parseJudgeSteps({ steps: 'all good' }, names)).toEqual({});
    // no usable steps: the grade stands, every step reads the program feedback
    expect(parseJudgeReply('{"score": 1, "feedback": "fine", "steps": 3}', names)).toEqual({
      score: 1,
      feedback: 'fine',
    });
  });

  it('asks as before when not per step, or for a program without a trace', async () => {
    const judge = fakeJudge('{"score": 1, "feedback": "ok", "steps": {"extract": "ignored"}}');
    expect(await llmJudgeMetric(judge, 'r')(example, 'x', trace)).toEqual({ score: 1, feedback: 'ok' });
    expect(await llmJudgeMetric(judge, 'r', { perStep: true })(example, 'x', [])).toEqual({ score: 1, feedback: 'ok' });
    expect(judge.requests.map((r) => r.messages[1]?.content.includes('Steps, in order'))).toEqual([false, false]);
  });
});
