// Every callback event carries every field the reference `gepa` library's event types list for it
// (gepa/core/callbacks.py, camelCased). One table, walked over the events of a few runs that between
// them fire every event.
import { describe, expect, it } from 'vitest';
import { optimize } from './optimize.ts';
import type { CallbackHandlers, CallbackName } from './callbacks.ts';
import { CALLBACK_NAMES } from './callbacks.ts';
import type { GepaOptions } from './types.ts';
import { keywordAdapter, keywordRunOptions } from './__fixtures__/keywordTask.ts';
import type { KeywordExample } from './__fixtures__/keywordTask.ts';

const REFERENCE_FIELDS: Record<Exclude<CallbackName, 'onWarning'>, string[]> = {
  onOptimizationStart: ['seedCandidate', 'trainsetSize', 'valsetSize', 'config'],
  onOptimizationEnd: ['bestCandidateIdx', 'totalIterations', 'totalMetricCalls', 'finalState'],
  onIterationStart: ['iteration', 'state', 'trainsetLoader'],
  onIterationEnd: ['iteration', 'state', 'proposalAccepted'],
  onCandidateSelected: ['iteration', 'candidateIdx', 'candidate', 'score'],
  onMinibatchSampled: ['iteration', 'minibatchIds', 'trainsetSize'],
  onEvaluationStart: [
    'iteration',
    'candidateIdx',
    'batchSize',
    'captureTraces',
    'parentIds',
    'inputs',
    'isSeedCandidate',
  ],
  onEvaluationEnd: [
    'iteration',
    'candidateIdx',
    'scores',
    'hasTrajectories',
    'parentIds',
    'outputs',
    'trajectories',
    'objectiveScores',
    'isSeedCandidate',
  ],
  onEvaluationSkipped: ['iteration', 'candidateIdx', 'reason', 'scores', 'isSeedCandidate'],
  onReflectiveDatasetBuilt: ['iteration', 'iterationId', 'candidateIdx', 'components', 'dataset'],
  onProposalStart: ['iteration', 'parentCandidate', 'components', 'reflectiveDataset'],
  onProposalEnd: ['iteration', 'newInstructions', 'prompts', 'rawLmOutputs', 'metadata'],
  onCandidateAccepted: ['iteration', 'newCandidateIdx', 'newScore', 'parentIds'],
  onCandidateRejected: ['iteration', 'oldScore', 'newScore', 'reason'],
  onMergeAttempted: ['iteration', 'parentIds', 'mergedCandidate'],
  onMergeAccepted: ['iteration', 'newCandidateIdx', 'parentIds'],
  onMergeRejected: ['iteration', 'parentIds', 'reason'],
  onParetoFrontUpdated: ['iteration', 'newFront', 'displacedCandidates'],
  onValsetEvaluated: [
    'iteration',
    'candidateIdx',
    'candidate',
    'scoresByValId',
    'averageScore',
    'numExamplesEvaluated',
    'totalValsetSize',
    'parentIds',
    'isBestProgram',
    'outputsByValId',
  ],
  onStateSaved: ['iteration', 'runDir'],
  onBudgetUpdated: ['iteration', 'metricCallsUsed', 'metricCallsDelta', 'metricCallsRemaining'],
  onError: ['iteration', 'exception', 'willContinue'],
};

async function collect(over: Partial<GepaOptions<KeywordExample>>): Promise<Map<CallbackName, object[]>> {
  const seen = new Map<CallbackName, object[]>();
  const callbacks = Object.fromEntries(
    CALLBACK_NAMES.map((name) => [name, (e: object) => seen.set(name, [...(seen.get(name) ?? []), e])]),
  ) as CallbackHandlers;
  await optimize(keywordRunOptions({ ...over, callbacks }));
  return seen;
}

describe('callback event fields', () => {
  it('every event of the reference fires with every field the reference lists for it', async () => {
    const runs = await Promise.all([
      // merges accepted and rejected, checkpoints saved
      collect({ maxMetricCalls: 900, seed: 1, checkpoint: () => 'runs/x' }),
      collect({ maxMetricCalls: 900, seed: 4 }),
      // a failing evaluation (onError), an evaluation skipped for lack of feedback records
      collect({ maxMetricCalls: 120, adapter: keywordAdapter({ failOnCalls: [3] }) }),
      collect({
        maxMetricCalls: 60,
        adapter: {
          ...keywordAdapter(),
          makeReflectiveDataset: (_c, _b, comps) => Object.fromEntries(comps.map((k) => [k, []])),
        },
      }),
    ]);
    for (const [name, fields] of Object.entries(REFERENCE_FIELDS)) {
      const events = runs.flatMap((r) => r.get(name as CallbackName) ?? []);
      expect(events.length, `${name} never fired`).toBeGreaterThan(0);
      for (const e of events) for (const f of fields) expect(e, `${name}.${f}`).toHaveProperty(f);
    }
  });
});
