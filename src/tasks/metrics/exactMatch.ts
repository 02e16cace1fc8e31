// Exact match after SQuAD normalisation (case, punctuation, articles, whitespace). When it fails, the
// feedback says how: empty output, right answer buried in extra text, or simply a different answer.
import type { Metric } from '../types.ts';
import { readExpected } from './expected.ts';
import { normalizeAnswer, quote } from './text.ts';

export function exactMatchMetric(options: { caseSensitive?: boolean } = {}): Metric {
  return async (example, output) => {
    const read = readExpected(example, 'exact match');
    if (!read.ok) return read.result;
    const { expected } = read;
    const want = normalizeAnswer(expected, options);
    const got = normalizeAnswer(output, options);
    if (want === got) {
      const exact = expected.trim() === output.trim();
      return {
        score: 1,
        feedback:
          `Correct: the output matches the expected answer ${quote(expected)}` +
          `${exact ? '' : ' (ignoring case, punctuation, articles and spacing)'}.`,
      };
    }
    let why: string;
    if (output.trim() === '') why = 'The output was empty.';
    else if (want !== '' && ` ${got} `.includes(` ${want} `))
      why = 'The output contains the expected answer but also other text; reply with the answer alone.';
    else if (options.caseSensitive && normalizeAnswer(expected) === normalizeAnswer(output))
      why = 'They differ only in letter case, and case matters here.';
    else why = `Compared after normalising case, punctuation, articles and spacing: ${quote(want)} vs ${quote(got)}.`;
    return { score: 0, feedback: `Incorrect: expected ${quote(expected)} but the output was ${quote(output)}. ${why}` };
  };
}
