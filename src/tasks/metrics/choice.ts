// Classification against a label set: finds which labels the output names (as whole words; a label
// inside a longer matching label, like "positive" in "not positive", does not count) and grades the
// one it names. Naming none or several is wrong, and the feedback says which happened; either is a format
// failure (no single label can be read from the output).
import type { Metric } from '../types.ts';
import { readExpected } from './expected.ts';
import { quote, squeeze } from './text.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Span {
  label: string;
  start: number;
  end: number;
}

/**
 * A function naming the labels an output names, with each label's pattern compiled once: the choice
 * metric runs on every evaluated example, on the path between one LM answer and the next request.
 */
export function labelMatcher(labels: string[], caseSensitive = false): (output: string) => string[] {
  const patterns = labels.map((label) => {
    const body = escape(label.trim()).replace(/\s+/g, '\\s+');
    // matchAll iterates over a copy of the pattern, so sharing one across calls is safe
    return { label, re: new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, caseSensitive ? 'gu' : 'giu') };
  });
  return (output) => {
    const spans: Span[] = [];
    for (const { label, re } of patterns)
      for (const m of output.matchAll(re)) spans.push({ label, start: m.index, end: m.index + m[0].length });
    const kept = spans.filter(
      (s) => !spans.some((o) => o !== s && o.start <= s.start && o.end >= s.end && o.end - o.start > s.end - s.start),
    );
    return labels.filter((l) => kept.some((s) => s.label === l));
  };
}

export function labelsNamed(output: string, labels: string[], caseSensitive = false): string[] {
  return labelMatcher(labels, caseSensitive)(output);
}

export function choiceMetric(labels: string[], options: { caseSensitive?: boolean } = {}): Metric {
  if (labels.length === 0) throw new Error('the choice metric needs at least one label');
  const caseSensitive = !!options.caseSensitive;
  const shown = labels.map((l) => `"${l}"`).join(', ');
  const namedIn = labelMatcher(labels, caseSensitive);
  return async (example, output) => {
    const read = readExpected(example, 'choice');
    if (!read.ok) return read.result;
    const same = (a: string, b: string) => squeeze(a, { caseSensitive }) === squeeze(b, { caseSensitive });
    const expectedLabel = labels.find((l) => same(l, read.expected));
    const want = expectedLabel ?? read.expected.trim();
    const note = expectedLabel
      ? ''
      : ` (Note: the expected answer "${want}" is not one of the labels; check the dataset or the label list.)`;
    const named = namedIn(output);
    if (named.length === 0) {
      return {
        score: 0,
        feedback:
          `Incorrect: the output names none of the labels (${shown}); expected "${want}". ` +
          `Reply with exactly one of the labels. The output was ${quote(output)}.${note}`,
        formatFailure: { expected: `exactly one of the labels ${shown}` },
      };
    }
    if (named.length > 1) {
      const several = named.map((l) => `"${l}"`).join(', ');
      return {
        score: 0,
        feedback:
          `Incorrect: the output names several labels (${several}), so no single answer can be read from it; ` +
          `expected "${want}". Reply with exactly one label.${note}`,
        formatFailure: { expected: `exactly one of the labels ${shown}` },
      };
    }
    const chosen = named[0] as string;
    if (same(chosen, want))
      return { score: 1, feedback: `Correct: the output names the label "${chosen}", as expected.` };
    return {
      score: 0,
      feedback: `Incorrect: the output names "${chosen}" but the expected label is "${want}".${note}`,
    };
  };
}
