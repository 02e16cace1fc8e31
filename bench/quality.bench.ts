// Optimisation quality: how good the GEPA engine is at improving prompts on simulated tasks with hidden
// rules (the demo tasks on the offline demo model, in-process), for several named engine configurations
// (bench/quality/configurations.ts), so new engine defaults can be shown to beat the reference-faithful
// configuration. Part one counts metric calls (20 seeds per task); part two measures wall-clock time to
// the same target with the LM calls costing real time. Runs are deterministic given the seed (checked
// once per task), so differences between configurations are the engine's, not noise.
// QUALITY_CONFIGS=reference,defaults and QUALITY_TASKS=sentiment,units narrow a run; all run by default.
import type { BenchReport } from './report.ts';
import { selectedConfigurations } from './quality/configurations.ts';
import { selectedTasks } from './quality/tasks.ts';
import { CALLS_RATIO_TARGET, compareCalls, type TaskCallsResult } from './quality/compareCalls.ts';
import { compareWallClock, WALL_RATIO_TARGET, type TaskWallResult } from './quality/compareWallClock.ts';
import { fixed } from './quality/table.ts';

export async function qualityBench(): Promise<BenchReport> {
  const t0 = performance.now();
  const configurations = selectedConfigurations();
  const tasks = selectedTasks();

  console.log('\nquality, part 1: metric calls to reach the reference mean final best');
  const calls: TaskCallsResult[] = [];
  for (const q of tasks) {
    const r = await compareCalls(q, configurations);
    calls.push(r);
    console.log(`\n${r.table}`);
  }

  console.log('\nquality, part 2: wall-clock time to the same target');
  const wall: TaskWallResult[] = [];
  for (const [i, q] of tasks.entries()) {
    const r = await compareWallClock(q, configurations, (calls[i] as TaskCallsResult).target);
    wall.push(r);
    console.log(`\n${r.table}`);
  }
  const wallSeconds = (performance.now() - t0) / 1000;
  console.log(`\nquality bench wall time: ${wallSeconds.toFixed(1)} s`);

  const callsPass = calls.every((r) => r.pass);
  const wallPass = wall.every((r) => r.pass);
  const perTask = (rs: readonly { task: string }[], f: (i: number) => string) =>
    rs.map((r, i) => `${r.task} ${f(i)}`).join(', ');
  return {
    name: 'optimisation quality',
    summary:
      `calls to target, defaults ÷ reference: ${perTask(calls, (i) => fixed(calls[i]?.callsRatio, 2))} ` +
      `(target ≤ ${CALLS_RATIO_TARGET} on every task, mean final best not lower); ` +
      `wall time to target, inFlight4 ÷ single: ${perTask(wall, (i) => fixed(wall[i]?.wallRatio, 2))} ` +
      `(target ≤ ${WALL_RATIO_TARGET}); ${wallSeconds.toFixed(0)} s`,
    pass: callsPass && wallPass,
    details: {
      wallSeconds,
      configurations: configurations.map((c) => ({ name: c.name, options: JSON.stringify(c.options) })),
      calls: calls.map(({ table: _t, ...r }) => r),
      wallClock: wall.map(({ table: _t, ...r }) => r),
    },
  };
}
