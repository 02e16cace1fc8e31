// End to end with the offline demo model as both task LM and reflection LM, through the same path a
// studio or CLI run takes (buildRun: field mapping, split, ProgramAdapter, builtin metric): the real
// engine improves every demo task well beyond its seed prompt within 300 metric calls, and rejects
// some proposals on the way.
import { describe, expect, it } from 'vitest';
import { optimize } from '../engine/index.ts';
import type { Candidate } from '../engine/index.ts';
import { DEMO_SKILLS, isStated } from '../lm/demo/index.ts';
import type { DemoRule } from '../lm/demo/index.ts';
import { buildRun } from './buildRun.ts';
import { inlineRows } from './runDataset.ts';
import type { BuiltRun } from './buildRun.ts';
import { demoRunConfig } from './demoRunConfig.ts';
import type { DemoTask } from '../tasks/demos/index.ts';
import { DEMO_TASKS } from '../tasks/demos/index.ts';

function built(task: DemoTask): BuiltRun {
  return buildRun(demoRunConfig(task), { rows: inlineRows(task.rows) });
}

const seedOf = (task: DemoTask): Candidate =>
  Object.fromEntries(task.program.steps.map((s) => [s.name, s.instruction]));

const rulesOf = (task: DemoTask): DemoRule[] => {
  const steps = new Set(task.program.steps.map((s) => s.name));
  return DEMO_SKILLS.flatMap((k) => k.rules).filter((r) => steps.has(r.step));
};

/** The seed instructions with the given hidden rules stated (in their first wording). */
function stating(task: DemoTask, rules: readonly DemoRule[]): Candidate {
  return Object.fromEntries(
    task.program.steps.map((s) => {
      const added = rules.filter((r) => r.step === s.name && !isStated(r, s.instruction)).map((r) => r.phrasings[0]);
      return [s.name, [s.instruction, ...added].join('\n')];
    }),
  );
}

const oracleOf = (task: DemoTask): Candidate =>
  stating(
    task,
    rulesOf(task).filter((r) => !r.misleading),
  );

async function meanScore(task: DemoTask, candidate: Candidate): Promise<number> {
  const b = built(task);
  const r = await b.options.adapter.evaluate([...b.train, ...b.val], candidate, false);
  b.dispose();
  return r.scores.reduce((a, c) => a + c, 0) / r.scores.length;
}

describe.each(DEMO_TASKS.map((t) => [t.id, t] as const))('demo task %s with the demo model', (_id, task) => {
  it('the seed prompt scores low, a prompt stating every rule 0.9 or more (the model slips now and then)', async () => {
    const seed = await meanScore(task, seedOf(task));
    const oracle = await meanScore(task, oracleOf(task));
    expect(seed).toBeLessThan(0.4);
    expect(oracle).toBeGreaterThanOrEqual(0.9);
  });

  it('every helpful rule is needed (leaving one out costs score) and every misleading rule hurts', async () => {
    const helpful = rulesOf(task).filter((r) => !r.misleading);
    const oracle = await meanScore(task, oracleOf(task));
    for (const rule of helpful.filter((r) => !task.program.steps.some((s) => isStated(r, s.instruction)))) {
      expect(
        await meanScore(
          task,
          stating(
            task,
            helpful.filter((r) => r !== rule),
          ),
        ),
        rule.id,
      ).toBeLessThan(oracle - 0.05);
    }
    for (const rule of rulesOf(task).filter((r) => r.misleading)) {
      expect(await meanScore(task, stating(task, [...helpful, rule])), rule.id).toBeLessThan(oracle - 0.05);
    }
  });

  it('GEPA with the demo model as task and reflection LM rises well above the seed in 300 metric calls', async () => {
    const b = built(task);
    let rejected = 0;
    // the reference's loop (minibatches of 3, no retries, no gate): the product defaults reach 1.0 on this
    // task with every proposal accepted, which would say nothing about the demo model's mistakes
    const result = await optimize({
      ...b.options,
      reflectionMinibatchSize: 3,
      reflectionRetries: 0,
      valsetGateSize: 0,
      callbacks: { onCandidateRejected: () => void rejected++ },
    });
    b.dispose();
    const seedScore = result.valAggregateScores[0] as number;
    const best = result.valAggregateScores[result.bestIdx] as number;
    expect(result.totalMetricCalls).toBeLessThanOrEqual(300);
    expect(best - seedScore).toBeGreaterThanOrEqual(0.3);
    expect(rejected).toBeGreaterThan(0);
    // the gain comes from rules the seed did not state
    const learned = rulesOf(task).filter(
      (r) =>
        !r.misleading && !isStated(r, seedOf(task)[r.step] ?? '') && isStated(r, result.bestCandidate[r.step] ?? ''),
    );
    expect(learned.length).toBeGreaterThanOrEqual(2);
  });
});

describe('reflection cost', () => {
  it("a priced reflection model's calls are summed into the result's total_reflection_cost", async () => {
    const task = DEMO_TASKS[0] as DemoTask;
    const config = { ...demoRunConfig(task), budget: { maxMetricCalls: 80 } };
    const priced = buildRun(
      // the demo model answers as lmId 'demo' for both roles: only the reflection calls count here
      { ...config, prices: { demo: { inputPerMTok: 1_000, outputPerMTok: 2_000 } } },
      { rows: inlineRows(task.rows) },
    );
    const r = await optimize(priced.options);
    priced.dispose();
    expect(r.totalReflectionCost).toBeGreaterThan(0);
    expect(r.toDict().total_reflection_cost).toBe(r.totalReflectionCost);
  });
});
