import { describe, expect, it } from 'vitest';
import { jsonFieldMetric } from './jsonField.ts';

const ex = { id: 'e1', answer: '{"name": "Ann", "age": 31, "address": {"city": "Oslo"}}' };

describe('jsonFieldMetric', () => {
  it('gives full marks when every expected field matches, even in a fence', async () => {
    expect(
      await jsonFieldMetric()(
        ex,
        '```json\n{"age": 31, "name": "Ann", "address": {"city": "Oslo"}, "extra": true}\n```',
        [],
      ),
    ).toEqual({
      score: 1,
      feedback:
        'Correct: all 3 expected fields match.\n' +
        '- "name": correct ("Ann")\n- "age": correct (31)\n- "address": correct ({"city":"Oslo"})',
    });
  });

  it('gives partial credit and names each differing or missing field', async () => {
    expect(await jsonFieldMetric()(ex, 'Sure! {"name": "Anne", "age": "31"}', [])).toEqual({
      score: 0,
      feedback:
        '0 of 3 expected fields match.\n' +
        '- "name": expected "Ann", got "Anne"\n' +
        '- "age": expected 31, got "31" (a string, not a number)\n' +
        '- "address": missing from the output (expected {"city":"Oslo"})',
    });
    const partial = await jsonFieldMetric(['name', 'address.city'])(
      ex,
      '{"name": "Ann", "address": {"city": "Bergen"}}',
      [],
    );
    expect(partial).toEqual({
      score: 0.5,
      feedback:
        '1 of 2 expected fields match.\n- "name": correct ("Ann")\n- "address.city": expected "Oslo", got "Bergen"',
    });
  });

  it('explains output that is not JSON or not an object', async () => {
    const notJson = await jsonFieldMetric(['name'])(ex, 'name: Ann', []);
    expect(notJson.score).toBe(0);
    expect(notJson.feedback).toMatch(
      new RegExp(
        String.raw`^Incorrect: the output is not valid JSON \(.+\); ` +
          String.raw`expected a JSON object with the fields "name"\. The output was "name: Ann"\.$`,
      ),
    );
    expect((await jsonFieldMetric(['name'])(ex, '["Ann"]', [])).feedback).toBe(
      'Incorrect: the output\'s JSON is an array, not an object; expected a JSON object with the fields "name".',
    );
  });

  it('does not grade an expected answer that is not a JSON object', async () => {
    expect((await jsonFieldMetric()({ id: 'e2', answer: 'Ann' }, '{}', [])).feedback).toBe(
      'Not graded: the expected answer "Ann" is not a JSON object, so the JSON field metric cannot grade this example.',
    );
  });
});
