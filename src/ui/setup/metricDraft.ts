// The metric choices the setup form offers: a label and a one-line explanation per kind, a sensible
// starting config when the user switches kind (keeping what carries over, like case sensitivity),
// and the custom-code sample that shows the expected signature.
import type { MetricConfig } from '../../tasks/types.ts';
import { errorMessage } from '../../engine/index.ts';

export type MetricKind = MetricConfig['kind'];

export const METRIC_KINDS: readonly { kind: MetricKind; label: string; help: string }[] = [
  {
    kind: 'exact_match',
    label: 'Exact match',
    help:
      'Score 1 when the output equals the expected answer, ignoring punctuation, articles and spacing ' +
      '(and case unless ticked).',
  },
  {
    kind: 'contains',
    label: 'Contains',
    help: 'Score 1 when the output contains the expected answer (spacing and punctuation ignored).',
  },
  {
    kind: 'regex',
    label: 'Regular expression',
    help: 'Score 1 when the pattern matches the output (the expected answer is not used).',
  },
  {
    kind: 'numeric',
    label: 'Numeric',
    help: 'Reads the last number in the output and compares it with the expected number within a tolerance.',
  },
  {
    kind: 'json_field',
    label: 'JSON fields',
    help: 'Parses the output as JSON and gives partial credit per matching field of the expected object.',
  },
  {
    kind: 'token_f1',
    label: 'Token F1',
    help: 'Word overlap between output and expected answer (SQuAD-style F1), for free-text answers.',
  },
  { kind: 'choice', label: 'Label choice', help: 'The output must name exactly one of the labels, and the right one.' },
  {
    kind: 'llm_judge',
    label: 'LLM judge',
    help: 'The reflection LM grades each output against your rubric and explains its grade.',
  },
  {
    kind: 'custom',
    label: 'Custom JavaScript',
    help:
      'Your own function (example, output, trace) → a score in [0, 1] or { score, feedback }, with ' +
      'steps: { <step>: feedback } to give a step its own, and objectives: { <name>: number } to score ' +
      'several objectives at once; run in a sandboxed worker without network access.',
  },
];

const SAMPLE_CUSTOM_METRIC = `// example: the mapped input fields, example.answer, example.id
// output: the program's final output
// trace: one entry per step, { step, messages, output }
// return { score, feedback } — and, for several steps, steps: { <step>: 'feedback for that step' }
// — and, for several objectives, objectives: { <name>: number } (e.g. { accuracy: 1, brevity: 0.5 })
(example, output, trace) => {
  const want = String(example.answer).trim().toLowerCase();
  if (output.trim().toLowerCase() === want) {
    return { score: 1, feedback: 'Correct.' };
  }
  return {
    score: 0,
    feedback: \`Expected "\${example.answer}", got "\${output.trim()}".\`,
  };
}
`;

const SAMPLE_RUBRIC =
  'Score 1 if the output answers the question correctly and concisely, 0.5 if it is partly correct, 0 otherwise. ' +
  'Explain what is missing or wrong.';

const caseOf = (m: MetricConfig) => ('caseSensitive' in m ? m.caseSensitive : undefined);

/** A config for `kind`, starting from the previous one's settings where they apply. */
export function metricForKind(kind: MetricKind, previous: MetricConfig): MetricConfig {
  if (kind === previous.kind) return previous;
  const caseSensitive = caseOf(previous);
  switch (kind) {
    case 'exact_match':
    case 'contains':
      return { kind, ...(caseSensitive !== undefined ? { caseSensitive } : {}) };
    case 'regex':
      return { kind, pattern: '' };
    case 'numeric':
      return { kind, tolerance: 0, relative: false };
    case 'json_field':
      return { kind, fields: [] };
    case 'token_f1':
      return { kind };
    case 'choice':
      return { kind, labels: [], ...(caseSensitive !== undefined ? { caseSensitive } : {}) };
    case 'llm_judge':
      return { kind, rubric: SAMPLE_RUBRIC };
    case 'custom':
      return { kind, code: SAMPLE_CUSTOM_METRIC };
  }
}

/** What keeps this metric from working, or null. */
export function metricProblem(m: MetricConfig): string | null {
  switch (m.kind) {
    case 'regex':
      if (!m.pattern.trim()) return 'the regular expression is empty';
      try {
        new RegExp(m.pattern, m.flags);
      } catch (err) {
        return `the regular expression is invalid: ${errorMessage(err)}`;
      }
      return null;
    case 'numeric':
      return m.tolerance !== undefined && !(m.tolerance >= 0) ? 'the tolerance must be 0 or more' : null;
    case 'json_field':
      return m.fields.length === 0 ? 'name at least one JSON field to compare' : null;
    case 'choice':
      return m.labels.length === 0 ? 'list the labels the output may name' : null;
    case 'llm_judge':
      return m.rubric.trim() ? null : 'the judge needs a rubric';
    case 'custom':
      return m.code.trim() ? null : 'the custom metric has no code';
    default:
      return null;
  }
}

/** "a, b ,c" → ["a", "b", "c"] */
export function parseList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
