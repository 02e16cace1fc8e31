import { describe, expect, it } from 'vitest';
import { judge, looksLikeJudgePrompt } from './judgeRole.ts';

// shaped like the studio's LLM-judge metric prompt (system + user joined)
const judgePrompt = (expected: string, output: string, scale = 'a number from 0 to 1') =>
  "You are a strict, fair grader of a language model's output.\n" +
  `Reply with only a JSON object, no other text: {"score": <${scale}>, "feedback": "..."}\n\n` +
  'Rubric:\nThe answer must name the city and the country.\n\n' +
  'Input:\nquestion: Where is the Eiffel Tower?\n\n' +
  `Expected answer:\n${expected}\n\nOutput to grade:\n${output}`;

const parse = (reply: string) => JSON.parse(reply) as { score: number; feedback: string };

describe('the demo judge', () => {
  it('recognises a rubric prompt that asks for a JSON score', () => {
    expect(looksLikeJudgePrompt(judgePrompt('Paris, France', 'Paris'))).toBe(true);
    expect(looksLikeJudgePrompt('Review: the JSON export is great')).toBe(false);
  });

  it('gives full marks when the output covers the reference', () =>
    expect(parse(judge(judgePrompt('Paris, France', 'It is in Paris, France.')))).toEqual({
      score: 1,
      feedback: '[demo judge] The response contains everything the reference answer has.',
    }));

  it('gives partial credit and names what is missing', () => {
    const r = parse(judge(judgePrompt('Paris, France', 'Paris')));
    expect(r.score).toBe(0.5);
    expect(r.feedback).toContain('misses: france');
  });

  it('answers on the scale the prompt asks for', () =>
    expect(parse(judge(judgePrompt('Paris, France', 'Paris', 'an integer from 1-10'))).score).toBe(5));

  it('without a reference it gives a deterministic mid-range score', () => {
    const p = judgePrompt('(none given)', 'Paris');
    const r = parse(judge(p));
    expect(r).toEqual(parse(judge(p)));
    expect(r.score).toBeGreaterThanOrEqual(0.3);
    expect(r.score).toBeLessThanOrEqual(0.9);
    expect(r.feedback).toContain('No reference answer');
  });
});
