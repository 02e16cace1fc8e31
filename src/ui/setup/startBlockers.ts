// Why the run cannot start yet, in the words the Start button shows: the first reason is the one to
// fix first (data before program before metric before models before budget). Empty means ready.
import type { MetricConfig, Program } from '../../tasks/types.ts';
import type { ModelConfig } from '../../run/runConfig.ts';
import type { RunStatus } from '../../run/runEvent.ts';
import type { DatasetSummary } from '../../store/datasetSummary.ts';
import { metricProblem } from './metricDraft.ts';
import { modelProblem } from './modelChoice.ts';
import { programProblems } from './programProblems.ts';
import { frontierProblem } from './frontierChoice.ts';
import type { FrontierType } from '../../engine/index.ts';

export interface StartInputs {
  hasRows: boolean;
  summary: DatasetSummary;
  program: Program;
  inputFields: readonly string[];
  metric: MetricConfig;
  taskLm: ModelConfig;
  reflectionLm: ModelConfig;
  keys: { task: string; reflection: string };
  /** the budget explanation found the budget unusable */
  budgetBlocked: boolean;
  runStatus: RunStatus;
  /** the Pareto frontier chosen in Advanced options (absent: 'instance') */
  frontierType?: FrontierType;
}

const ACTIVE: RunStatus[] = ['starting', 'running', 'pausing', 'paused', 'stopping'];

export function startBlockers(i: StartInputs): string[] {
  const reasons: string[] = [];
  if (ACTIVE.includes(i.runStatus)) reasons.push('a run is already in progress: stop it first');
  if (!i.hasRows) reasons.push('load a dataset (or a demo task)');
  else if (i.summary.problem) reasons.push(`the dataset cannot be used: ${i.summary.problem}`);
  const program = programProblems(i.program, i.hasRows ? i.inputFields : null);
  if (program.count) {
    const first = program.general[0] ?? program.byStep.flatMap((list, s) => list.map((p) => `step ${s + 1}: ${p}`))[0];
    reasons.push(`fix the program: ${first}${program.count > 1 ? ` (and ${program.count - 1} more)` : ''}`);
  }
  const metric = metricProblem(i.metric);
  if (metric) reasons.push(`fix the metric: ${metric}`);
  const frontier = frontierProblem(i.frontierType ?? 'instance', i.metric.kind, null);
  if (frontier) reasons.push(frontier);
  for (const problem of [
    modelProblem('task', i.taskLm, i.keys.task),
    modelProblem('reflection', i.reflectionLm, i.keys.reflection),
  ])
    if (problem) reasons.push(problem);
  if (i.budgetBlocked) reasons.push('the budget cannot pay for a run: see Budget');
  return reasons;
}
