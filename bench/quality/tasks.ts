// The simulated tasks the quality bench optimises: the studio's demo tasks, whose hidden rules the offline
// demo model follows only when an instruction states them, each with a fixed metric-call budget. Every
// seed prompt scores 0.15 on its valset (20 examples), and the reference reaches 1.0 after about 200-250
// calls; the budgets stop it midway (mean final best about 0.7-0.8, few seeds perfect), where a better
// engine can still show: a saturated task cannot tell a better engine from an equal one.
import type { DemoTask } from '../../src/tasks/demos/index.ts';
import { contactCardTask, sentimentTask, unitConversionTask } from '../../src/tasks/demos/index.ts';

export interface QualityTask {
  /** short name for tables and QUALITY_TASKS */
  id: string;
  task: DemoTask;
  maxMetricCalls: number;
}

export const QUALITY_TASKS: readonly QualityTask[] = [
  { id: 'sentiment', task: sentimentTask, maxMetricCalls: 160 },
  { id: 'units', task: unitConversionTask, maxMetricCalls: 180 },
  { id: 'contact', task: contactCardTask, maxMetricCalls: 180 },
];

/** The tasks named in QUALITY_TASKS (comma-separated ids; all when unset). */
export function selectedTasks(env = process.env.QUALITY_TASKS): QualityTask[] {
  if (!env) return [...QUALITY_TASKS];
  const wanted = env.split(',').map((s) => s.trim().toLowerCase());
  const chosen = QUALITY_TASKS.filter((t) => wanted.includes(t.id));
  if (chosen.length !== wanted.length)
    throw new Error(`QUALITY_TASKS: choose from ${QUALITY_TASKS.map((t) => t.id).join(', ')}`);
  return chosen;
}
