// Runs a program on one example: each step's instruction (from the candidate) is the system message,
// its rendered template the user message; steps run in order and may read earlier outputs.
import type { Candidate } from '../engine/index.ts';
import type { LanguageModel } from '../lm/types.ts';
import type { Example, Program, StepTrace } from './types.ts';
import { renderTemplate } from './template.ts';
import { errorMessage } from '../engine/index.ts';

export interface ProgramRun {
  output: string;
  steps: StepTrace[];
  /** the first step error, if a step's LM call failed (later steps are not run) */
  error?: unknown;
}

export async function runProgram(
  program: Program,
  candidate: Candidate,
  example: Example,
  lm: LanguageModel,
  opts: { signal?: AbortSignal; temperature?: number; maxTokens?: number } = {},
): Promise<ProgramRun> {
  const outputs: Record<string, string> = {};
  const steps: StepTrace[] = [];
  let last = '';
  for (const step of program.steps) {
    const messages = [
      { role: 'system' as const, content: candidate[step.name] ?? step.instruction },
      { role: 'user' as const, content: renderTemplate(step.template, example, outputs) },
    ];
    try {
      const res = await lm.complete({
        messages,
        signal: opts.signal,
        temperature: opts.temperature,
        maxTokens: opts.maxTokens,
      });
      outputs[step.name] = res.text;
      last = res.text;
      steps.push({ step: step.name, messages, output: res.text });
    } catch (error) {
      steps.push({
        step: step.name,
        messages,
        output: '',
        error: errorMessage(error),
      });
      return { output: '', steps, error };
    }
  }
  return { output: last, steps };
}
