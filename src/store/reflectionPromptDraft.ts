// The setup's reflection prompt: which steps use their own template, kept by step name as the run config
// keeps it (a renamed step keeps its template, a removed one drops it), and its problems in the words the
// setup shows, each naming the step. The checks and the filling are the run config's own
// (src/run/reflectionPromptConfig.ts), so the setup refuses exactly what a start or the CLI would.
import {
  DEFAULT_REFLECTION_TEMPLATE,
  reflectionPromptText,
  reflectionTemplateFor,
  reflectionTemplateProblems,
} from '../run/reflectionPromptConfig.ts';
import type { ReflectionPromptConfig } from '../run/reflectionPromptConfig.ts';

export {
  DEFAULT_REFLECTION_TEMPLATE,
  reflectionPromptText,
  reflectionTemplateFor,
  reflectionTemplateProblems,
  type ReflectionPromptConfig,
};

/** What a config saves: per-step templates of steps that exist, the default when set; nothing when neither. */
export function reflectionPromptOf(
  draft: ReflectionPromptConfig,
  stepNames: readonly string[],
): ReflectionPromptConfig | undefined {
  const perStep = Object.fromEntries(Object.entries(draft.perStep ?? {}).filter(([s]) => stepNames.includes(s)));
  const hasPerStep = Object.keys(perStep).length > 0;
  if (draft.default === undefined && !hasPerStep) return undefined;
  return { ...(draft.default !== undefined ? { default: draft.default } : {}), ...(hasPerStep ? { perStep } : {}) };
}

/** The draft with `step`'s own template set (a string) or removed (undefined: back to the default). */
export function withStepTemplate(
  draft: ReflectionPromptConfig,
  step: string,
  template: string | undefined,
): ReflectionPromptConfig {
  const perStep = { ...draft.perStep };
  if (template === undefined) delete perStep[step];
  else perStep[step] = template;
  return { ...draft, perStep };
}

/** The draft after a step was renamed: its own template follows it. */
export function renamedStep(
  draft: ReflectionPromptConfig,
  from: string | undefined,
  to: string | undefined,
): ReflectionPromptConfig {
  const own = from === undefined ? undefined : draft.perStep?.[from];
  if (from === undefined || to === undefined || own === undefined || from === to) return draft;
  return withStepTemplate(withStepTemplate(draft, from, undefined), to, own);
}

/** Every problem of the templates the run would use, each naming its step (or "every step" for the default). */
export function reflectionPromptProblems(draft: ReflectionPromptConfig, stepNames: readonly string[]): string[] {
  const out: string[] = [];
  if (draft.default !== undefined)
    for (const p of reflectionTemplateProblems(draft.default)) out.push(`the reflection prompt for every step ${p}`);
  for (const step of stepNames) {
    const own = draft.perStep?.[step];
    if (own !== undefined)
      for (const p of reflectionTemplateProblems(own)) out.push(`step “${step}”’s reflection prompt ${p}`);
  }
  return out;
}
