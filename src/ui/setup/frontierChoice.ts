// Which Pareto frontier a run can use, in the setup's words. 'instance' (one front per val example) needs
// only scores; 'objective', 'hybrid' and 'cartesian' rank candidates by objective scores, which only a
// custom metric can return (`objectives`); the engine stops a run at its seed without them, so the setup
// says so before the budget is spent: the start is blocked for a metric that cannot return objectives,
// and the metric test warns when a custom metric returned none.
import type { FrontierType } from '../../engine/index.ts';
import type { MetricConfig } from '../../tasks/types.ts';
import type { MetricTrial } from '../../worker/protocol.ts';

export interface FrontierChoice {
  value: FrontierType;
  label: string;
  /** one sentence: what the front keeps */
  help: string;
}

export const FRONTIER_CHOICES: readonly FrontierChoice[] = [
  {
    value: 'instance',
    label: 'Per example (instance)',
    help: 'Keeps each candidate that scores best on some val example; objectives are shown but not used.',
  },
  {
    value: 'objective',
    label: 'Per objective',
    help: 'Keeps each candidate with the best valset mean on some objective, so every trade-off has a champion.',
  },
  {
    value: 'hybrid',
    label: 'Hybrid',
    help: 'Keeps the candidates of both: best on some val example, or best on some objective.',
  },
  {
    value: 'cartesian',
    label: 'Cartesian (example × objective)',
    help: 'Keeps each candidate that is best on some objective for some val example: the widest front.',
  },
];

/** The objectives the metric test saw, in the order the metric gave them (empty: none). */
export function trialObjectives(trials: readonly MetricTrial[]): string[] {
  const names = new Set<string>();
  for (const t of trials) for (const name of Object.keys(t.objectives ?? {})) names.add(name);
  return [...names];
}

/**
 * Why the chosen frontier cannot work, or null. `seen`: the objectives the metric test returned, or null
 * before a test (a custom metric may return objectives; only a test shows whether it does).
 */
export function frontierProblem(
  frontier: FrontierType,
  metric: MetricConfig['kind'],
  seen: readonly string[] | null,
): string | null {
  if (frontier === 'instance') return null;
  const label = FRONTIER_CHOICES.find((c) => c.value === frontier)?.label.toLowerCase() ?? frontier;
  if (metric !== 'custom')
    return (
      `the ${label} Pareto frontier ranks candidates by objective scores, which only a custom metric returns: ` +
      'choose the per-example frontier in Advanced options'
    );
  if (seen !== null && seen.length === 0)
    return (
      `the metric test returned no objectives, but the ${label} Pareto frontier needs them: return ` +
      '{ score, objectives: { name: number } } or choose the per-example frontier'
    );
  return null;
}
