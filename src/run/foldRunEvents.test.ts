import { describe, expect, it } from 'vitest';
import type { CandidateRow, ProposalRow } from '../engine/index.ts';
import { sentimentTask } from '../tasks/demos/index.ts';
import { DEFAULT_RUN_OPTIONS } from './runConfig.ts';
import type { RunConfig } from './runConfig.ts';
import type { RunEvent } from './runEvent.ts';
import { emptyExportedRun } from './exportFormat.ts';
import { foldRunEvents } from './foldRunEvents.ts';

const config = {
  version: 1,
  name: 'x',
  program: sentimentTask.program,
  metric: sentimentTask.metric,
  budget: { maxMetricCalls: 50 },
  options: DEFAULT_RUN_OPTIONS,
  dataset: { fileName: 'f', rows: [], mapping: sentimentTask.fields, split: { valFraction: 0.5, seed: 0 } },
  taskLm: { provider: 'demo', baseUrl: 'offline', model: 'demo' },
  reflectionLm: { provider: 'demo', baseUrl: 'offline', model: 'demo' },
} as RunConfig;

const row = (candidateIdx: number, isBest: boolean): CandidateRow => ({
  iteration: candidateIdx,
  candidateIdx,
  parentIds: [],
  valsetScore: candidateIdx / 10,
  isBest,
  origin: 'reflective',
  texts: { s: `t${candidateIdx}` },
  metricCallsAtDiscovery: 0,
});

describe('foldRunEvents', () => {
  it('folds a run: candidates by index, only the latest best flagged, rows and points in order, rest replaced', () => {
    const run = emptyExportedRun('r1', config);
    const events: RunEvent[] = [
      { type: 'status', status: 'running' },
      { type: 'examples', train: 4, val: [{ id: 'a' }, { id: 'b' }] },
      { type: 'candidate', row: row(0, true), valScores: [0, 1], outputs: ['x', 'y'] },
      { type: 'proposal', row: { proposalId: 0 } as ProposalRow },
      { type: 'candidate', row: row(1, true), valScores: [1, 1], outputs: ['x', 'y'] },
      { type: 'front', programs: [[1], [0, 1]] },
      { type: 'score', point: { metricCalls: 10, iteration: 1, bestScore: 0.1, paretoAggregate: 1 } },
      { type: 'budget', used: 12, cap: 50, iteration: 1 },
      { type: 'log', level: 'info', message: 'ignored' },
      { type: 'status', status: 'finished', message: 'budget' },
    ];
    Object.assign(run, foldRunEvents(run, events));
    expect(run.candidates.map((c) => [c.row.candidateIdx, c.row.isBest])).toEqual([
      [0, false],
      [1, true],
    ]);
    expect(run.proposals).toHaveLength(1);
    expect(run.front).toEqual([[1], [0, 1]]);
    expect(run.scores).toHaveLength(1);
    expect(run.budget).toEqual({ used: 12, cap: 50, iteration: 1 });
    expect(run.trainCount).toBe(4);
    expect([run.status, run.statusMessage]).toEqual(['finished', 'budget']);
  });
});
