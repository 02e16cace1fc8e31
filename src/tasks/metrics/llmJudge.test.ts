import { describe, expect, it } from 'vitest';
import type { CompletionRequest, LanguageModel } from '../../lm/types.ts';
import { llmJudgeMetric, parseJudgeReply } from './llmJudge.ts';

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
