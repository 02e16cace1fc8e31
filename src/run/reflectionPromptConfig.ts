// The run config's `reflectionPrompt`: the user's own reflection prompt, one template for every step
// (`default`) and/or one per step (`perStep`, keyed by step name), each with the engine's two placeholders.
// The same checks serve the setup (as the user types, in plain words naming the step) and the config (as
// a RunConfigError naming the field), so the studio and the CLI accept and refuse the same templates. A
// config without the field runs the engine's built-in prompt, as before.
import { buildReflectionPrompt, DEFAULT_REFLECTION_TEMPLATE } from '../engine/index.ts';
import type { ReflectiveRecord } from '../engine/index.ts';

export interface ReflectionPromptConfig {
  /** for every step without its own template */
  default?: string;
  /** by step name */
  perStep?: Record<string, string>;
}

export { DEFAULT_REFLECTION_TEMPLATE };

export const REFLECTION_PLACEHOLDERS = ['{{current_instruction}}', '{{examples}}'] as const;

const PLACEHOLDER_TEXT: Record<(typeof REFLECTION_PLACEHOLDERS)[number], string> = {
  '{{current_instruction}}': 'the step’s current instruction',
  '{{examples}}': 'the examples with their outputs and feedback',
};

/** Anything that looks like a placeholder: `{{ … }}` with no braces inside. */
const ANY_PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** What is wrong with a template, in words a user can act on; empty when the engine would accept and fill it. */
export function reflectionTemplateProblems(template: string): string[] {
  if (template.trim() === '') return ['is empty: write a prompt, or reset it to the default'];
  const problems: string[] = [];
  for (const ph of REFLECTION_PLACEHOLDERS)
    if (!template.includes(ph)) problems.push(`is missing ${ph} (where ${PLACEHOLDER_TEXT[ph]} goes)`);
  const unknown = new Set<string>();
  for (const m of template.matchAll(ANY_PLACEHOLDER))
    if (!(REFLECTION_PLACEHOLDERS as readonly string[]).includes(m[0])) unknown.add(m[0]);
  for (const u of unknown) {
    const inner = u.slice(2, -2).trim();
    const near = REFLECTION_PLACEHOLDERS.find((ph) => ph.slice(2, -2) === inner);
    problems.push(
      near
        ? `has ${u}: write it ${near}, without spaces`
        : `has the unknown placeholder ${u} (only ${REFLECTION_PLACEHOLDERS.join(' and ')} are filled in)`,
    );
  }
  return problems;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a config's `reflectionPrompt` against the program's step names; throws `fail(field, message)` on the
 * first problem (e.g. `reflectionPrompt.perStep.answer: is missing {{examples}} …`).
 */
export function validateReflectionPromptConfig(
  raw: unknown,
  stepNames: readonly string[],
  fail: (field: string, message: string) => Error,
): void {
  if (raw === undefined) return;
  if (!isObject(raw)) throw fail('reflectionPrompt', 'must be an object with default and/or perStep');
  for (const key of Object.keys(raw))
    if (key !== 'default' && key !== 'perStep')
      throw fail(`reflectionPrompt.${key}`, 'unknown field (known: default, perStep)');
  const check = (template: unknown, field: string) => {
    if (typeof template !== 'string') throw fail(field, 'must be a string (the prompt template)');
    const problem = reflectionTemplateProblems(template)[0];
    if (problem) throw fail(field, problem);
  };
  if (raw.default !== undefined) check(raw.default, 'reflectionPrompt.default');
  if (raw.perStep === undefined) return;
  if (!isObject(raw.perStep)) throw fail('reflectionPrompt.perStep', 'must map step names to prompt templates');
  for (const [step, template] of Object.entries(raw.perStep)) {
    if (!stepNames.includes(step))
      throw fail(
        `reflectionPrompt.perStep.${step}`,
        `names no step of the program (its steps: ${stepNames.join(', ')})`,
      );
    check(template, `reflectionPrompt.perStep.${step}`);
  }
}

/** The template a step's reflection uses: its own, else the config's default, else the engine's. */
export function reflectionTemplateFor(config: ReflectionPromptConfig | undefined, step: string): string {
  return config?.perStep?.[step] ?? config?.default ?? DEFAULT_REFLECTION_TEMPLATE;
}

/** The engine's `reflectionPromptTemplate` for a config: absent (the built-in prompt) when nothing is customised. */
export function engineReflectionTemplate(
  config: ReflectionPromptConfig | undefined,
  stepNames: readonly string[],
): { reflectionPromptTemplate?: Record<string, string> } {
  if (!config || (config.default === undefined && Object.keys(config.perStep ?? {}).length === 0)) return {};
  return { reflectionPromptTemplate: Object.fromEntries(stepNames.map((s) => [s, reflectionTemplateFor(config, s)])) };
}

/** The prompt the engine would send to reflect on `currentInstruction` with these records (the preview). */
export function reflectionPromptText(
  template: string,
  currentInstruction: string,
  records: readonly ReflectiveRecord[],
): string {
  return buildReflectionPrompt(template, currentInstruction, records);
}
