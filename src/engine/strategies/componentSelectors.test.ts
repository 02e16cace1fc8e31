import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import type { GepaState } from '../state.ts';
import type { Candidate, ComponentSelectorFn } from '../types.ts';
import { allComponents, makeComponentPicker, roundRobin } from './componentSelectors.ts';

/** Only what the pickers read: componentNames and roundRobinNext. */
const stateOf = (componentNames: string[], roundRobinNext: number[] = []) =>
  ({ componentNames, roundRobinNext }) as unknown as GepaState;
const cand: Candidate = { a: 'A', b: 'B', c: 'C' };
const picks = (pick: typeof roundRobin, s: GepaState, idx: number, n: number) =>
  Array.from({ length: n }, () => pick(s, idx, cand, new Rng(0)));

describe('round_robin', () => {
  it('cycles through the components', () =>
    expect(picks(roundRobin, stateOf(['a', 'b', 'c']), 0, 5)).toEqual([['a'], ['b'], ['c'], ['a'], ['b']]));
  it('advances the pointer stored in state.roundRobinNext', () => {
    const s = stateOf(['a', 'b', 'c']);
    roundRobin(s, 0, cand, new Rng(0));
    expect(s.roundRobinNext).toEqual([1]);
  });
  it('wraps the pointer back to 0', () => {
    const s = stateOf(['a', 'b'], [1]);
    expect([roundRobin(s, 0, cand, new Rng(0)), s.roundRobinNext]).toEqual([['b'], [0]]);
  });
  it('starts from the stored pointer', () =>
    expect(roundRobin(stateOf(['a', 'b', 'c'], [2]), 0, cand, new Rng(0))).toEqual(['c']));
  it('keeps one pointer per candidate', () => {
    const s = stateOf(['a', 'b', 'c'], [0, 0]);
    roundRobin(s, 0, cand, new Rng(0));
    roundRobin(s, 0, cand, new Rng(0));
    expect([roundRobin(s, 1, cand, new Rng(0)), s.roundRobinNext]).toEqual([['a'], [2, 1]]);
  });
  it('a candidate without a pointer starts at the first component', () => {
    const s = stateOf(['a', 'b'], [1]);
    expect([roundRobin(s, 3, cand, new Rng(0)), s.roundRobinNext[3]]).toEqual([['a'], 1]);
  });
  it('reduces an out-of-range pointer modulo the component count', () => {
    const s = stateOf(['a', 'b', 'c'], [5]);
    expect([roundRobin(s, 0, cand, new Rng(0)), s.roundRobinNext]).toEqual([['c'], [0]]);
  });
  it('a single component is always picked', () => {
    const s = stateOf(['only']);
    expect([picks(roundRobin, s, 0, 3), s.roundRobinNext]).toEqual([[['only'], ['only'], ['only']], [0]]);
  });
  it('does not draw from the rng', () => {
    const rng = new Rng(1);
    const st = rng.state();
    roundRobin(stateOf(['a', 'b']), 0, cand, rng);
    expect(rng.state()).toEqual(st);
  });
});

describe('all', () => {
  it('returns every component in order', () =>
    expect(allComponents(stateOf(['a', 'b', 'c']), 0, cand, new Rng(0))).toEqual(['a', 'b', 'c']));
  it("returns a copy, not the state's array", () => {
    const s = stateOf(['a', 'b']);
    allComponents(s, 0, cand, new Rng(0)).push('x');
    expect(s.componentNames).toEqual(['a', 'b']);
  });
  it('leaves the round-robin pointers alone', () => {
    const s = stateOf(['a', 'b'], [1]);
    allComponents(s, 0, cand, new Rng(0));
    expect(s.roundRobinNext).toEqual([1]);
  });
});

describe('makeComponentPicker', () => {
  const s = () => stateOf(['a', 'b', 'c']);
  it('round_robin is the round-robin picker', () => expect(makeComponentPicker('round_robin')).toBe(roundRobin));
  it('all is the all-components picker', () => expect(makeComponentPicker('all')).toBe(allComponents));
  it("a custom selector's choice is returned", () =>
    expect(makeComponentPicker(() => ['c', 'a'])(s(), 0, cand, new Rng(0))).toEqual(['c', 'a']));
  it('a custom selector receives state, index, candidate and rng', () => {
    let seen: Parameters<ComponentSelectorFn>[0] | null = null;
    const state = s();
    const rng = new Rng(0);
    makeComponentPicker((ctx) => {
      seen = ctx;
      return ['a'];
    })(state, 2, cand, rng);
    expect(seen).toEqual({ state, candidateIdx: 2, candidate: cand, rng });
  });
  it('a custom selector may use the rng', () =>
    expect(makeComponentPicker(({ rng }) => [rng.choice(['a', 'b', 'c'])])(s(), 0, cand, new Rng(4))).toEqual([
      new Rng(4).choice(['a', 'b', 'c']),
    ]));
  it('an unknown component throws, naming it', () =>
    expect(() => makeComponentPicker(() => ['a', 'zz'])(s(), 0, cand, new Rng(0))).toThrow(
      'moduleSelector returned unknown components: zz',
    ));
  it('lists every unknown component', () =>
    expect(() => makeComponentPicker(() => ['x', 'a', 'y'])(s(), 0, cand, new Rng(0))).toThrow(
      'unknown components: x, y',
    ));
  it('an empty list throws', () =>
    expect(() => makeComponentPicker(() => [])(s(), 0, cand, new Rng(0))).toThrow(
      'moduleSelector returned no components',
    ));
  it('component names are case-sensitive', () =>
    expect(() => makeComponentPicker(() => ['A'])(s(), 0, cand, new Rng(0))).toThrow(/unknown components: A/));
});
