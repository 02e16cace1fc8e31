import { describe, expect, it } from 'vitest';
import type { CandidateRow, GepaResultDict, ProposalRow, RunSummary } from '../engine/index.ts';
import { demoRunConfig } from './demoRunConfig.ts';
import { sentimentTask } from '../tasks/demos/index.ts';
import { emptyExportedRun } from './exportFormat.ts';
import type { ExportedRun } from './exportFormat.ts';
import { exportEvents } from './exportEvents.ts';
import { foldRunEvents } from './foldRunEvents.ts';
import { emptySummary, foldSummary } from './recordSummary.ts';

const row = (candidateIdx: number, valsetScore: number, isBest: boolean): CandidateRow => ({
  iteration: candidateIdx,
  candidateIdx,
  parentIds: candidateIdx ? [0] : [],
  valsetScore,
  isBest,
  origin: candidateIdx ? 'reflective' : 'seed',
  texts: { classify: `text ${candidateIdx}` },
  metricCallsAtDiscovery: candidateIdx * 10,
});

const run: ExportedRun = {
  ...emptyExportedRun('run-9', demoRunConfig(sentimentTask)),
  status: 'finished',
  statusMessage: 'budget spent',
  candidates: [
    { row: row(0, 0.5, false), valScores: [1, 0], outputs: ['a', 'b'] },
    { row: row(1, 1, true), valScores: [1, 1], outputs: ['a', 'c'] },
  ],
  proposals: [{ proposalId: 0, status: 'accepted', component: 'classify' } as ProposalRow],
  front: [[0, 1], [1]],
  scores: [
    { metricCalls: 2, iteration: 0, bestScore: 0.5, paretoAggregate: 0.5 },
    { metricCalls: 10, iteration: 1, bestScore: 1, paretoAggregate: 1 },
  ],
  budget: { used: 12, cap: 20, iteration: 1 },
  valExamples: [
    { id: 'x', review: 'r1', answer: 'positive' },
    { id: 'y', review: 'r2', answer: 'negative' },
  ],
  trainCount: 4,
  usage: {
    byRole: {},
    total: { calls: 3, cachedCalls: 0, inputTokens: 1, outputTokens: 2, costUsd: 0.25 },
    cacheHits: 0,
    cacheSavedUsd: 0,
  } as unknown as ExportedRun['usage'],
  summary: {
    bestCandidateIdx: 1,
    bestValsetScore: 1,
    totalIterations: 1,
    totalCandidates: 2,
    totalMetricCalls: 12,
  } as RunSummary,
  result: { candidates: [], val_aggregate_scores: [0.5, 1] } as unknown as GepaResultDict,
};

describe('exportEvents', () => {
  it('folds back into the exported run, with the final status last', () => {
    const events = exportEvents(run);
    expect(events[events.length - 1]).toEqual({ type: 'status', status: 'finished', message: 'budget spent' });
    const { runId: _r, config: _c, ...fields } = run;
    expect({ ...emptyExportedRun(null, null), ...foldRunEvents(emptyExportedRun(null, null), events) }).toMatchObject(
      fields,
    );
  });

  it('gives the history record the run’s headline numbers', () => {
    expect(exportEvents(run).reduce(foldSummary, emptySummary())).toEqual({
      bestScore: 1,
      candidates: 2,
      iterations: 1,
      metricCalls: 12,
      cap: 20,
      costUsd: 0.25,
    });
  });

  it('leaves out what an export does not have', () => {
    const types = exportEvents({ ...emptyExportedRun(null, null), status: 'stopped' }).map((e) => e.type);
    expect(types).toEqual(['examples', 'front', 'budget', 'status']);
  });
});
