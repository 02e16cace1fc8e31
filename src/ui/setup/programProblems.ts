// Template problems grouped by the step they belong to, so each shows under its own step. Before a
// dataset is loaded there are no fields to check against: field references are then taken on trust
// (the Start button still waits for a dataset), and only structural problems are shown.
import { placeholders, validateProgram } from '../../tasks/template.ts';
import type { Program } from '../../tasks/types.ts';

export interface ProgramProblems {
  byStep: string[][];
  /** problems that name no step (an empty program) */
  general: string[];
  count: number;
}

export function programProblems(program: Program, inputFields: readonly string[] | null): ProgramProblems {
  const fields =
    inputFields ?? program.steps.flatMap((s) => placeholders(s.template).filter((p) => !p.startsWith('steps.')));
  const byStep: string[][] = program.steps.map(() => []);
  const general: string[] = [];
  const all = validateProgram(program, fields);
  for (const problem of all) {
    // validateProgram names steps as `step <n> ("<name>"): …`
    const m = /^step (\d+) \("[^"]*"\): (.*)$/s.exec(problem);
    const list = m ? byStep[Number(m[1]) - 1] : undefined;
    if (list && m) list.push(m[2] as string);
    else general.push(problem);
  }
  return { byStep, general, count: all.length };
}

/** Fields a template reads that are dataset columns but not mapped as inputs: one tick away from working. */
export function unmappedColumns(template: string, columns: readonly string[], inputs: readonly string[]): string[] {
  return [...new Set(placeholders(template))].filter((p) => columns.includes(p) && !inputs.includes(p));
}
