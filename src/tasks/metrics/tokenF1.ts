// SQuAD token F1: overlap of normalised word bags. The feedback names the missing and the extra words,
// which tells the reflection LM whether the output is too short, too long, or about something else.
import type { Metric } from '../types.ts';
import { readExpected } from './expected.ts';
import { list, tokens } from './text.ts';

function counts(words: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Words of `a` not matched by `b`, respecting multiplicity. */
function unmatched(a: string[], b: Map<string, number>): string[] {
  const left = new Map(b);
  const out: string[] = [];
  for (const w of a) {
    const n = left.get(w) ?? 0;
    if (n > 0) left.set(w, n - 1);
    else out.push(w);
  }
  return out;
}

export function tokenF1Metric(): Metric {
  return async (example, output) => {
    const read = readExpected(example, 'token F1');
    if (!read.ok) return read.result;
    const want = tokens(read.expected);
    const got = tokens(output);
    if (want.length === 0 || got.length === 0) {
      const score = want.length === got.length ? 1 : 0;
      return {
        score,
        feedback:
          score === 1
            ? 'Correct: both the expected answer and the output are empty after normalisation.'
            : want.length === 0
              ? 'Incorrect: the expected answer is empty after normalisation but the output is not.'
              : 'Incorrect: the output is empty after normalisation (no words).',
      };
    }
    const missing = unmatched(want, counts(got));
    const extra = unmatched(got, counts(want));
    const common = want.length - missing.length;
    const precision = common / got.length;
    const recall = common / want.length;
    const f1 = common === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    const parts = [
      `Token F1 ${f1.toFixed(2)}: precision ${precision.toFixed(2)} ` +
        `(${common} of ${got.length} output words are in the expected answer), ` +
        `recall ${recall.toFixed(2)} (${common} of ${want.length} expected words are in the output).`,
    ];
    if (missing.length > 0) parts.push(`Missing expected words: ${list(missing)}.`);
    if (extra.length > 0) parts.push(`Extra words in the output: ${list(extra)}.`);
    return { score: f1, feedback: parts.join(' ') };
  };
}
