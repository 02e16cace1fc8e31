import { describe, expect, it } from 'vitest';
import { autoBudget } from '../../engine/index.ts';
import { budgetFor, budgetMode, explainBudget, proposalRange, switchBudgetMode } from './budgetExplain.ts';

const base = { trainSize: 35, valSize: 15, numComponents: 1, minibatchSize: 3 };

describe('budget explanation', () => {
  it('counts proposals between all accepted and all rejected', () => {
    // 285 left: accepted ones cost 21 → 13; rejected ones cost 6 while 21 remain affordable → 45
    expect(proposalRange(285, 3, 15)).toEqual({ min: 13, max: 45 });
    expect(proposalRange(20, 3, 15)).toEqual({ min: 0, max: 0 });
    expect(proposalRange(21, 3, 15)).toEqual({ min: 1, max: 1 });
  });

  it('says how many full valset evaluations a metric-call cap buys', () => {
    const e = explainBudget({ ...base, budget: { maxMetricCalls: 300 } });
    expect(e.cap).toBe(300);
    expect(e.lines[0]).toBe('300 metric calls = 20 full evaluations of the 15-example valset.');
    expect(e.lines.join(' ')).toContain('13–45 proposals');
    expect(e.warnings).toEqual([]);
    expect(e.blocking).toBe(false);
  });

  it('uses the engine formula for auto budgets', () => {
    const e = explainBudget({ ...base, budget: { auto: 'light' } });
    expect(e.cap).toBe(autoBudget(1, 6, 15));
    expect(e.lines[0]).toMatch(/^Auto \(light\) = /);
  });

  it('counts train and val examples for max full evaluations, as dspy does', () => {
    const e = explainBudget({ ...base, budget: { maxFullEvals: 2 } });
    expect(e.cap).toBe(100);
    expect(e.lines[1]).toContain('about 6.7 full evaluations');
  });

  it('blocks a budget that cannot score the seed', () => {
    const e = explainBudget({ ...base, budget: { maxMetricCalls: 10 } });
    expect(e.blocking).toBe(true);
    expect(e.warnings[0]).toContain('cannot even score the seed');
    expect(e.warnings[0]).toContain(String(budgetFor(3, 3, 15)));
  });

  it('warns when fewer than three proposals are guaranteed', () => {
    const e = explainBudget({ ...base, budget: { maxMetricCalls: 50 } });
    expect(e.blocking).toBe(false);
    expect(e.warnings[0]).toMatch(/^Only 1 proposal is guaranteed/);
  });

  it('one proposal per round says nothing about rounds', () => {
    const e = explainBudget({ ...base, budget: { maxMetricCalls: 300 }, perRound: { proposals: 1, kept: 1 } });
    expect(e.lines.join(' ')).not.toContain('round');
  });

  it('counts rounds when a round makes several proposals, and warns when few are guaranteed', () => {
    const e = explainBudget({ ...base, budget: { maxMetricCalls: 300 }, perRound: { proposals: 4, kept: 4 } });
    expect(e.lines.join(' ')).toContain('At 4 proposals per round that is 4–');
    expect(e.lines.join(' ')).toContain('a round spends 24 calls on minibatches before any proposal is accepted');
    expect(e.warnings).toEqual([]);
    const small = explainBudget({ ...base, budget: { maxMetricCalls: 200 }, perRound: { proposals: 8, kept: 8 } });
    expect(small.warnings[0]).toMatch(/^Only 1 round is guaranteed at 8 proposals per round/);
  });

  it('explains nothing without a valset and reports invalid values', () => {
    expect(explainBudget({ ...base, valSize: 0, budget: { maxMetricCalls: 300 } }).cap).toBeNull();
    const bad = explainBudget({ ...base, budget: { maxMetricCalls: 2.5 } });
    expect(bad.blocking).toBe(true);
    expect(bad.warnings[0]).toContain('positive integer');
  });
});

describe('budget modes', () => {
  it('names the mode of a budget', () => {
    expect(budgetMode({ auto: 'heavy' })).toBe('auto');
    expect(budgetMode({ maxMetricCalls: 1 })).toBe('maxMetricCalls');
    expect(budgetMode({ maxFullEvals: 1 })).toBe('maxFullEvals');
  });

  it('keeps about the same number of metric calls when switching', () => {
    expect(switchBudgetMode('maxMetricCalls', 412, 50)).toEqual({ maxMetricCalls: 412 });
    expect(switchBudgetMode('maxFullEvals', 412, 50)).toEqual({ maxFullEvals: 8 });
    expect(switchBudgetMode('maxFullEvals', null, 0)).toEqual({ maxFullEvals: 5 });
    expect(switchBudgetMode('auto', 412, 50)).toEqual({ auto: 'light' });
  });
});

describe('a budget that buys nothing', () => {
  it('says the run would only score the seed', () => {
    const e = explainBudget({ ...base, budget: { maxMetricCalls: 30 } });
    expect(e.lines[1]).toContain('nothing is left for a proposal');
    expect(e.warnings[0]).toMatch(
      /^The run would only score the seed prompt\. 3 proposals take at least 78 metric calls/,
    );
  });
});
