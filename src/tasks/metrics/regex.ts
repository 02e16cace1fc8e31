// The output must match a regular expression (a format check: "ends with 'Answer: <letter>'").
// The pattern is compiled once, at creation, so a bad pattern is a setup error rather than a run of zeros.
import type { Metric } from '../types.ts';
import { quote } from './text.ts';

export function regexMetric(pattern: string, flags = ''): Metric {
  // g and y make RegExp.test stateful (lastIndex), which would make the score depend on call order
  const re = new RegExp(pattern, flags.replace(/[gy]/g, ''));
  const shown = `/${pattern}/${re.flags}`;
  return async (_example, output) => {
    const match = re.exec(output);
    if (match)
      return {
        score: 1,
        feedback: `Correct: the output matches the required pattern ${shown} (matched ${quote(match[0], 120)}).`,
      };
    return {
      score: 0,
      feedback: `Incorrect: the output does not match the required pattern ${shown}. The output was ${quote(output)}.`,
    };
  };
}
