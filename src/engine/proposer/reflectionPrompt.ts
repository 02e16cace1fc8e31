// GEPA Studio's reflection prompt: the current text of one component, the examples it was run on
// with their outputs and feedback, and a request for a revised text inside one fenced block.
import { GepaConfigError } from '../types.ts';
import type { ReflectiveRecord } from '../types.ts';

export const CURRENT_PLACEHOLDER = '{{current_instruction}}';
export const EXAMPLES_PLACEHOLDER = '{{examples}}';

export const DEFAULT_REFLECTION_TEMPLATE =
  'You are improving one instruction of an LLM system. Here is the instruction as it stands:\n' +
  `\`\`\`
${CURRENT_PLACEHOLDER}
\`\`\`

Below are examples the system ran with this instruction: the inputs it received, what it produced, ` +
  `and feedback on how good each result was and why.

${EXAMPLES_PLACEHOLDER}

Study the feedback. Work out what the task really asks for, which mistakes repeat, ` +
  'and which facts, formats or rules the system was missing. ' +
  `Then write a complete, self-contained replacement instruction that:
- keeps what already works,
- fixes the failures the feedback points out, stating any domain facts or output rules explicitly,
- describes a general strategy rather than memorising these particular examples.

Reply with the new instruction inside a single fenced block (\`\`\` ... \`\`\`) and nothing else inside the fence.`;

export function validateTemplate(template: string, field: string): void {
  for (const ph of [CURRENT_PLACEHOLDER, EXAMPLES_PLACEHOLDER]) {
    if (!template.includes(ph)) throw new GepaConfigError(field, `the reflection prompt template must contain ${ph}`);
  }
}

export function templateFor(template: string | Record<string, string> | undefined, component: string): string {
  if (template === undefined) return DEFAULT_REFLECTION_TEMPLATE;
  if (typeof template === 'string') return template;
  return template[component] ?? DEFAULT_REFLECTION_TEMPLATE;
}

function renderValue(value: unknown, depth: number): string {
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map((v, i) => `${i + 1}. ${renderValue(v, depth + 1)}`).join('\n');
  const heading = '#'.repeat(Math.min(depth + 3, 6));
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${heading} ${k}\n${renderValue(v, depth + 1)}`)
    .join('\n\n');
}

/** Markdown rendering of the reflective records: one section per example, nested fields as headings. */
export function renderExamples(records: readonly ReflectiveRecord[]): string {
  if (records.length === 0) return '(no examples)';
  return records
    .map((rec, i) => {
      const body = Object.entries(rec)
        .map(([k, v]) => `## ${k}\n${renderValue(v, 0)}`)
        .join('\n\n');
      return `# Example ${i + 1}\n${body}`;
    })
    .join('\n\n');
}

export function buildReflectionPrompt(
  template: string,
  currentText: string,
  records: readonly ReflectiveRecord[],
): string {
  // one pass with a replacer function: a placeholder inside the inserted texts stays as written, and
  // "$&"-style sequences in them are not expanded
  const examples = renderExamples(records);
  return template.replace(/\{\{(current_instruction|examples)\}\}/g, (_m, name: string) =>
    name === 'examples' ? examples : currentText,
  );
}
