// The messages one example produces, step by step, exactly as the program runner builds them (the
// step instruction as the system message, the rendered template as the user message). Outputs of
// earlier steps do not exist before a run, so `{{steps.<name>}}` shows a marker instead.
import { renderTemplate } from '../../tasks/template.ts';
import type { Example, Program } from '../../tasks/types.ts';

export interface PreviewMessage {
  role: 'system' | 'user';
  content: string;
}

export interface PreviewStep {
  step: string;
  messages: PreviewMessage[];
}

export const stepOutputMarker = (name: string) => `‹output of step "${name}"›`;

export function previewMessages(program: Program, example: Example): PreviewStep[] {
  const outputs: Record<string, string> = {};
  return program.steps.map((step) => {
    const messages: PreviewMessage[] = [
      { role: 'system', content: step.instruction },
      { role: 'user', content: renderTemplate(step.template, example, outputs) },
    ];
    outputs[step.name] = stepOutputMarker(step.name);
    return { step: step.name, messages };
  });
}
