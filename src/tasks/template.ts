// `{{field}}` templates for step user messages: `{{question}}` reads an example field,
// `{{steps.extract}}` the output of an earlier step. Unknown names are errors at setup time, not
// silent empty strings at run time.
import { nearMissNote, showInvisible } from './datasets/invisibleChars.ts';
import type { Example, Program } from './types.ts';

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function renderTemplate(template: string, example: Example, stepOutputs: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (_m, name: string) => {
    if (name.startsWith('steps.')) return stepOutputs[name.slice(6)] ?? '';
    return asText(example[name]);
  });
}

/** Problems with a program's templates against the dataset's fields; empty when it is sound. */
export function validateProgram(program: Program, fields: readonly string[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  if (program.steps.length === 0) problems.push('the program has no steps');
  program.steps.forEach((step, i) => {
    const where = `step ${i + 1} ("${step.name}")`;
    if (!/^[\w-]+$/.test(step.name)) problems.push(`${where}: a step name may use letters, digits, "_" and "-" only`);
    if (names.has(step.name)) problems.push(`${where}: the name is used by an earlier step`);
    // each name once: a template may read the same field twice, and the problem is the same
    for (const p of new Set(placeholders(step.template))) {
      if (p.startsWith('steps.')) {
        if (!names.has(p.slice(6))) problems.push(`${where}: {{${p}}} does not name an earlier step`);
      } else if (!fields.includes(p) && p !== 'id') {
        const known = fields.map(showInvisible).join(', ') || 'none';
        problems.push(`${where}: {{${p}}} is not a dataset field (fields: ${known})${nearMissNote(p, fields)}`);
      }
    }
    names.add(step.name);
  });
  return problems;
}
