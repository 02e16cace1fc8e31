// The output must contain the expected answer (spacing and, by default, case ignored). A near miss
// that only differs in punctuation is still a miss, but the feedback points it out.
import type { Metric } from '../types.ts';
import { readExpected } from './expected.ts';
import { quote, squeeze } from './text.ts';

// punctuation as spaces: "New-York" and "New York" meet, while SQuAD's deletion would give "newyork"
const loose = (text: string, caseSensitive?: boolean) =>
  squeeze(text.replace(/[\p{P}\p{S}]/gu, ' '), { caseSensitive });

export function containsMetric(options: { caseSensitive?: boolean } = {}): Metric {
  return async (example, output) => {
    const read = readExpected(example, 'contains');
    if (!read.ok) return read.result;
    const { expected } = read;
    if (squeeze(output, options).includes(squeeze(expected, options))) {
      return { score: 1, feedback: `Correct: the output contains the expected answer ${quote(expected)}.` };
    }
    const hint =
      output.trim() === ''
        ? ' The output was empty.'
        : loose(output, options.caseSensitive).includes(loose(expected, options.caseSensitive))
          ? ' It appears with different punctuation; write it exactly as expected.'
          : options.caseSensitive && squeeze(output).includes(squeeze(expected))
            ? ' It appears, but with different letter case, and case matters here.'
            : '';
    return {
      score: 0,
      feedback:
        `Incorrect: the output does not contain the expected answer ${quote(expected)}.${hint} ` +
        `The output was ${quote(output)}.`,
    };
  };
}
