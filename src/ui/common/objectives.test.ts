import { describe, expect, it } from 'vitest';
import { candidateView } from '../__fixtures__/candidateView.ts';
import {
  objectiveBestSeries,
  objectiveDomain,
  objectiveFronts,
  objectiveNames,
  objectiveValues,
} from './objectives.ts';

const withObjectives = (idx: number, calls: number, aggregate: Record<string, number>) =>
  candidateView(idx, {
    metricCallsAtDiscovery: calls,
    objectives: { perExample: [aggregate, aggregate], aggregate },
  });

const run = [
  withObjectives(0, 4, { correctness: 0.5, brevity: 0.9 }),
  withObjectives(1, 20, { correctness: 0.8, brevity: 0.4 }),
  undefined,
  withObjectives(3, 12, { correctness: 0.8, brevity: 0.6 }),
];

describe('objectives', () => {
  it('names the objectives in the order the metric gave them; none without objectives', () => {
    expect(objectiveNames(run)).toEqual(['correctness', 'brevity']);
    expect(objectiveNames([candidateView(0)])).toEqual([]);
  });

  it('each objective front holds the candidates with the best valset mean, ties included', () => {
    expect(objectiveFronts(run)).toEqual([
      { name: 'correctness', best: 0.8, programs: [1, 3] },
      { name: 'brevity', best: 0.9, programs: [0] },
    ]);
    expect(objectiveFronts([candidateView(0)])).toEqual([]);
  });

  it('the best mean over metric calls steps up when a candidate found later beats it, and runs on to now', () => {
    expect(objectiveBestSeries(run, 'correctness', 30)).toEqual([
      { x: 4, y: 0.5 },
      { x: 12, y: 0.8 },
      { x: 30, y: 0.8 },
    ]);
    expect(objectiveBestSeries(run, 'brevity', 10)).toEqual([
      { x: 4, y: 0.9 },
      { x: 10, y: 0.9 },
    ]);
    expect(objectiveBestSeries(run, 'missing', 10)).toEqual([]);
  });

  it('keeps the scores’ [0, 1] scale unless an objective lies outside it', () => {
    expect(objectiveDomain(objectiveValues(run, 'brevity'))).toEqual([0, 1]);
    expect(objectiveDomain([-2, 0.5, 40, Number.NaN])).toEqual([-2, 40]);
    expect(objectiveValues(run, 'correctness')).toHaveLength(9);
  });
});
