import { describe, expect, it } from 'vitest';
import { GepaResult, RESULT_SCHEMA_VERSION } from './result.ts';
import type { GepaResultDict } from './result.ts';
import { STATE_VERSION, cloneState, deserializeState, serializeState } from './state.ts';
import type { GepaState } from './state.ts';
import { emptyFronts } from './paretoFront.ts';
import { emptySamplerState } from './strategies/batchSampler.ts';
import { emptyMergeState } from './proposer/mergeState.ts';
import { Rng } from './rng.ts';

// GEPAResult.to_dict() keys of the reference library.
const REFERENCE_KEYS = [
  'candidates',
  'parents',
  'val_aggregate_scores',
  'val_subscores',
  'best_outputs_valset',
  'per_val_instance_best_candidates',
  'val_aggregate_subscores',
  'per_objective_best_candidates',
  'objective_pareto_front',
  'discovery_eval_counts',
  'total_metric_calls',
  'num_full_val_evals',
  'run_dir',
  'seed',
  '_str_candidate_key',
  'best_idx',
  'total_reflection_cost',
  'validation_schema_version',
];

const result = (scores = [0.5, 0.9, 0.9]) =>
  new GepaResult(
    scores.map((_, i) => ({ sys: `prompt ${i}` })),
    scores.map((_, i) => (i === 0 ? [null] : [i - 1])),
    scores,
    scores.map((s) => [s, 1 - s]),
    [[1, 2], [0]],
    scores.map((_, i) => i * 5),
    null,
    null,
    null,
    [
      [
        [1, 'out a'],
        [2, { text: 'out b' }],
      ],
      [[0, 'out c']],
    ],
    42,
    3,
    7,
    'runs/x',
    0.25,
    'budget',
  );
const roundTrip = (r: GepaResult) => GepaResult.fromDict(JSON.parse(JSON.stringify(r.toDict())) as GepaResultDict);

function state(): GepaState {
  const fronts = emptyFronts(2);
  fronts.instance = { best: [1, 0.5], programs: [[0, 1], [1]] };
  return {
    version: STATE_VERSION,
    seed: 3,
    iteration: 2,
    componentNames: ['sys'],
    candidates: [{ sys: 'a' }, { sys: 'b' }],
    parents: [[null], [0]],
    discoveryIteration: [0, 2],
    valSubscores: [
      [1, 0],
      [1, 0.5],
    ],
    valObjectiveScores: [null, null],
    valAggregate: [0.5, 0.75],
    objectiveAggregates: [{}, {}],
    fronts,
    bestIdx: 1,
    discoveryEvalCounts: [0, 8],
    totalMetricCalls: 12,
    numFullValEvals: 2,
    lastImprovementIteration: 2,
    consecutiveErrors: 0,
    proposalCount: 2,
    roundRobinNext: [0, 0],
    rng: new Rng(3).state(),
    sampler: emptySamplerState(),
    merge: emptyMergeState(),
    trainsetAdded: [],
    bestOutputsValset: null,
    evalCache: null,
    elapsedMs: 0,
    totalReflectionCost: 0,
  };
}

describe('GepaResult.toDict', () => {
  it('has exactly the reference to_dict() keys, plus stop_reason (so fromDict keeps why the run ended)', () =>
    expect(Object.keys(result().toDict()).sort()).toEqual([...REFERENCE_KEYS, 'stop_reason'].sort()));
  it('keys val_subscores by string val id', () =>
    expect(result().toDict().val_subscores[1]).toEqual({ '0': 0.9, '1': expect.closeTo(0.1) }));
  it('keys per_val_instance_best_candidates by string val id', () =>
    expect(result().toDict().per_val_instance_best_candidates).toEqual({ '0': [1, 2], '1': [0] }));
  it('keys best_outputs_valset by string val id', () =>
    expect(Object.keys(result().toDict().best_outputs_valset ?? {})).toEqual(['0', '1']));
  it('writes best_idx', () => expect(result().toDict().best_idx).toBe(1));
  it('writes the schema version', () =>
    expect(result().toDict().validation_schema_version).toBe(RESULT_SCHEMA_VERSION));
  it('writes the scalar fields', () =>
    expect(result().toDict()).toMatchObject({
      total_metric_calls: 42,
      num_full_val_evals: 3,
      seed: 7,
      run_dir: 'runs/x',
      total_reflection_cost: 0.25,
      _str_candidate_key: null,
    }));
  it('copies candidates rather than sharing them', () => {
    const r = result();
    (r.toDict().candidates[0] as Record<string, string>).sys = 'changed';
    expect(r.candidates[0]?.sys).toBe('prompt 0');
  });
  it('is JSON-safe', () => expect(JSON.parse(JSON.stringify(result().toDict()))).toEqual(result().toDict()));
});

describe('GepaResult.fromDict', () => {
  it('round-trips toDict through JSON', () => expect(roundTrip(result()).toDict()).toEqual(result().toDict()));
  it('keeps why the run ended', () => expect(roundTrip(result()).stopReason).toBe('budget'));
  it('reads an export without stop_reason as an unknown reason', () => {
    const { stop_reason: _, ...d } = result().toDict();
    expect(GepaResult.fromDict(d).stopReason).toBe('');
  });
  it('restores subscores as arrays', () => expect(roundTrip(result()).valSubscores).toEqual(result().valSubscores));
  it('restores per-instance fronts as arrays', () =>
    expect(roundTrip(result()).perValInstanceBestCandidates).toEqual([[1, 2], [0]]));
  it('restores best outputs', () => expect(roundTrip(result()).bestOutputsValset).toEqual(result().bestOutputsValset));
  it('orders val ids numerically beyond 9', () => {
    const d = result().toDict();
    d.val_subscores = [
      Object.fromEntries(['10', '2', '0', '1', '9', '3', '4', '5', '6', '7', '8'].map((k) => [k, Number(k)])),
    ];
    expect(GepaResult.fromDict(d).valSubscores[0]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
  it('keeps null best outputs null', () =>
    expect(GepaResult.fromDict({ ...result().toDict(), best_outputs_valset: null }).bestOutputsValset).toBeNull());
  it('defaults a missing reflection cost to 0', () => {
    const d = result().toDict() as Partial<GepaResultDict>;
    delete d.total_reflection_cost;
    expect(GepaResult.fromDict(d as GepaResultDict).totalReflectionCost).toBe(0);
  });
});

describe('GepaResult.bestIdx', () => {
  it('picks the first maximum', () => expect(result([0.5, 0.9, 0.9]).bestIdx).toBe(1));
  it('picks a later strict maximum', () => expect(result([0.5, 0.4, 0.95]).bestIdx).toBe(2));
  it('picks 0 when all tie', () => expect(result([0.3, 0.3]).bestIdx).toBe(0));
  it('handles negative scores', () => expect(result([-2, -1, -3]).bestIdx).toBe(1));
  it('gives the best candidate', () => expect(result([0.1, 0.2, 0.9]).bestCandidate).toEqual({ sys: 'prompt 2' }));
  it('counts candidates', () => expect(result([0.1, 0.2, 0.9]).numCandidates).toBe(3));
});

describe('GepaResult.fromState', () => {
  it('takes per-instance fronts from the state', () =>
    expect(GepaResult.fromState(state()).toDict().per_val_instance_best_candidates).toEqual({ '0': [0, 1], '1': [1] }));
  it('has null objective fields without objectives', () =>
    expect(GepaResult.fromState(state()).toDict()).toMatchObject({
      val_aggregate_subscores: null,
      per_objective_best_candidates: null,
      objective_pareto_front: null,
    }));
  it('carries counters, seed and stop reason', () =>
    expect(GepaResult.fromState(state(), 'done')).toMatchObject({
      totalMetricCalls: 12,
      numFullValEvals: 2,
      seed: 3,
      stopReason: 'done',
      bestIdx: 1,
    }));
  it('does not share arrays with the state', () => {
    const s = state();
    const r = GepaResult.fromState(s);
    s.valAggregate[0] = 99;
    s.candidates[0] = { sys: 'z' };
    expect([r.valAggregateScores[0], r.candidates[0]]).toEqual([0.5, { sys: 'a' }]);
  });
});

describe('state serialisation', () => {
  it('round-trips serializeState / deserializeState', () =>
    expect(deserializeState(serializeState(state()))).toEqual(state()));
  it('rejects another version', () =>
    expect(() => deserializeState(JSON.stringify({ ...state(), version: STATE_VERSION + 1 }))).toThrow(/version/));
  it('rejects a missing version', () =>
    expect(() => deserializeState('{"iteration": 1}')).toThrow(/Unsupported GEPA state version undefined/));
  it('rejects text that is not JSON', () => expect(() => deserializeState('not json')).toThrow());
  it('cloneState gives an equal, detached copy', () => {
    const s = state();
    const c = cloneState(s);
    c.candidates[0] = { sys: 'changed' };
    expect([c.candidates[1], s.candidates[0]]).toEqual([{ sys: 'b' }, { sys: 'a' }]);
  });
});
