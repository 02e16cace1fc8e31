import { describe, expect, it } from 'vitest';
import { CALLBACK_NAMES, evaluationEndFields, makeEmitter } from './callbacks.ts';
import type { CallbackEvents, CallbackHandlers } from './callbacks.ts';

// The 22 events of the reference (seed 001), in camelCase.
const REFERENCE_EVENTS = [
  'on_optimization_start',
  'on_optimization_end',
  'on_iteration_start',
  'on_iteration_end',
  'on_candidate_selected',
  'on_candidate_accepted',
  'on_candidate_rejected',
  'on_minibatch_sampled',
  'on_evaluation_start',
  'on_evaluation_end',
  'on_evaluation_skipped',
  'on_valset_evaluated',
  'on_reflective_dataset_built',
  'on_proposal_start',
  'on_proposal_end',
  'on_merge_attempted',
  'on_merge_accepted',
  'on_merge_rejected',
  'on_pareto_front_updated',
  'on_state_saved',
  'on_budget_updated',
  'on_error',
].map((s) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()));

const iterEnd = { iteration: 3, state: {} as CallbackEvents['onIterationEnd']['state'], proposalAccepted: true };
const boom = () => {
  throw new Error('boom');
};

describe('CALLBACK_NAMES', () => {
  it('has no duplicates', () => expect(new Set(CALLBACK_NAMES).size).toBe(CALLBACK_NAMES.length));
  it('lists the 22 reference events plus onWarning', () =>
    expect([...CALLBACK_NAMES].sort()).toEqual([...REFERENCE_EVENTS, 'onWarning'].sort()));
});

describe('makeEmitter', () => {
  it('calls handlers in order', () => {
    const log: string[] = [];
    makeEmitter([{ onIterationEnd: () => log.push('a') }, {}, { onIterationEnd: () => log.push('b') }])(
      'onIterationEnd',
      iterEnd,
    );
    expect(log).toEqual(['a', 'b']);
  });
  it('passes the event object', () => {
    let got: unknown = null;
    makeEmitter([{ onIterationEnd: (e) => (got = e) }])('onIterationEnd', iterEnd);
    expect(got).toBe(iterEnd);
  });
  it('only calls the handler for the emitted event', () => {
    const log: string[] = [];
    makeEmitter([{ onIterationStart: () => log.push('start'), onIterationEnd: () => log.push('end') }])(
      'onIterationEnd',
      iterEnd,
    );
    expect(log).toEqual(['end']);
  });
  it('calls methods with their object as this', () => {
    class Counter implements CallbackHandlers {
      n = 0;
      onIterationEnd() {
        this.n++;
      }
    }
    const c = new Counter();
    makeEmitter([c])('onIterationEnd', iterEnd);
    expect(c.n).toBe(1);
  });
  it('does nothing with no handlers', () => expect(() => makeEmitter([])('onIterationEnd', iterEnd)).not.toThrow());
  it('swallows a throwing handler', () =>
    expect(() => makeEmitter([{ onIterationEnd: boom }])('onIterationEnd', iterEnd)).not.toThrow());
  it('keeps calling later handlers after a throw', () => {
    const log: string[] = [];
    makeEmitter([{ onIterationEnd: boom }, { onIterationEnd: () => log.push('later') }])('onIterationEnd', iterEnd);
    expect(log).toEqual(['later']);
  });
  it('reports a throw as onWarning with the callback name', () => {
    const warnings: CallbackEvents['onWarning'][] = [];
    makeEmitter([{ onIterationEnd: boom }, { onWarning: (w) => warnings.push(w) }])('onIterationEnd', iterEnd);
    expect(warnings).toEqual([
      { iteration: 3, message: 'callback onIterationEnd threw: boom', source: 'onIterationEnd' },
    ]);
  });
  it('reports a non-Error throw', () => {
    const warnings: string[] = [];
    const h: CallbackHandlers = {
      onIterationEnd: () => {
        throw 'plain';
      },
      onWarning: (w) => warnings.push(w.message),
    };
    makeEmitter([h])('onIterationEnd', iterEnd);
    expect(warnings).toEqual(['callback onIterationEnd threw: plain']);
  });
  it('reports iteration 0 for events without one', () => {
    const its: number[] = [];
    const start = { seedCandidate: {}, trainsetSize: 1, valsetSize: 1, config: {} };
    makeEmitter([{ onOptimizationStart: boom, onWarning: (w) => its.push(w.iteration) }])('onOptimizationStart', start);
    expect(its).toEqual([0]);
  });
  it('warns once per throwing handler', () => {
    const sources: string[] = [];
    makeEmitter([{ onIterationEnd: boom }, { onIterationEnd: boom }, { onWarning: (w) => sources.push(w.source) }])(
      'onIterationEnd',
      iterEnd,
    );
    expect(sources).toEqual(['onIterationEnd', 'onIterationEnd']);
  });
  it('does not recurse when an onWarning handler throws', () => {
    let calls = 0;
    const emit = makeEmitter([{ onIterationEnd: boom, onWarning: () => (calls++, boom()) }]);
    expect([(() => emit('onIterationEnd', iterEnd))(), calls]).toEqual([undefined, 1]);
  });
  it('still reaches later onWarning handlers after one throws', () => {
    const log: string[] = [];
    makeEmitter([{ onWarning: boom }, { onWarning: (w) => log.push(w.source) }, { onIterationEnd: boom }])(
      'onIterationEnd',
      iterEnd,
    );
    expect(log).toEqual(['onIterationEnd']);
  });
  it('swallows a throwing onWarning emitted directly', () =>
    expect(() =>
      makeEmitter([{ onWarning: boom }])('onWarning', { iteration: 1, message: 'm', source: 's' }),
    ).not.toThrow());
});

describe('evaluationEndFields', () => {
  it('copies the batch fields', () =>
    expect(
      evaluationEndFields({ outputs: ['o'], scores: [1], trajectories: ['t'], objectiveScores: [{ a: 1 }] }),
    ).toEqual({ scores: [1], outputs: ['o'], trajectories: ['t'], objectiveScores: [{ a: 1 }] }));
  it('nulls missing trajectories and objective scores', () =>
    expect(evaluationEndFields({ outputs: [], scores: [] })).toMatchObject({
      trajectories: null,
      objectiveScores: null,
    }));
});
