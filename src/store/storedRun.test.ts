import { describe, expect, it } from 'vitest';
import { historyRows, shownStatus, storedRunView } from './storedRun.ts';
import type { RunRecord } from '../storage/types.ts';
import type { RunEvent } from '../run/runEvent.ts';
import type { CandidateRow, ProposalRow } from '../engine/index.ts';
import type { RunConfig } from '../run/runConfig.ts';

const record = (id: string, status: RunRecord['status'], createdAt: number): RunRecord => ({
  id,
  name: id,
  config: { name: id } as RunConfig,
  status,
  statusMessage: '',
  createdAt,
  updatedAt: createdAt + 10,
  summary: { bestScore: null, candidates: 0, iterations: 0, metricCalls: 0, cap: null, costUsd: 0 },
  bytes: 100,
});

const candidate = (candidateIdx: number): RunEvent => ({
  type: 'candidate',
  row: { candidateIdx, valsetScore: 0.5 } as CandidateRow,
  valScores: [],
  outputs: [],
});
const proposal = (proposalId: number): RunEvent => ({ type: 'proposal', row: { proposalId } as ProposalRow });

describe('stored runs', () => {
  it('a running or paused record no tab drives shows as interrupted', () => {
    expect(shownStatus({ status: 'running' }, null)).toBe('interrupted');
    expect(shownStatus({ status: 'paused' }, null)).toBe('interrupted');
    expect(shownStatus({ status: 'running' }, 'other-tab')).toBe('running');
    expect(shownStatus({ status: 'finished' }, null)).toBe('finished');
  });

  it('lists newest first, with who drives each run', () => {
    const rows = historyRows(
      [record('a', 'finished', 1), record('b', 'running', 3), record('c', 'running', 2)],
      new Set(['b', 'c']),
      'c',
    );
    expect(rows.map((r) => [r.record.id, r.status, r.driver])).toEqual([
      ['b', 'running', 'other-tab'],
      ['c', 'running', 'this-tab'],
      ['a', 'finished', null],
    ]);
  });

  it('a stored run has nothing in flight; a run another tab drives shows what it has', () => {
    const log: RunEvent[] = [
      { type: 'status', status: 'running' },
      { type: 'inFlight', iteration: 3, started: 4, inFlight: 2 },
    ];
    expect(storedRunView(record('a', 'running', 1), log, 'interrupted').inFlight).toBeNull();
    expect(storedRunView(record('a', 'running', 1), log, null).inFlight).toEqual({
      iteration: 3,
      started: 4,
      inFlight: 2,
    });
  });

  it('folds the log into read-only views, leaving out an interrupted iteration that was redone', () => {
    const log: RunEvent[] = [
      { type: 'status', status: 'running' },
      candidate(0),
      { type: 'checkpoint', iteration: 0 },
      proposal(0),
      { type: 'resumed', fromIteration: 0 },
      { type: 'status', status: 'running' },
      proposal(0),
      candidate(1),
      { type: 'checkpoint', iteration: 1 },
      proposal(1),
    ];
    const view = storedRunView(record('r', 'running', 5), log, 'interrupted');
    expect(view).toMatchObject({
      runId: 'r',
      readOnly: true,
      readOnlySource: 'stored',
      status: 'interrupted',
      startedAt: 5,
      endedAt: 15,
    });
    expect(view.statusMessage).toMatch(/continues after iteration 1/);
    expect(view.candidates.map((c) => c.row.candidateIdx)).toEqual([0, 1]);
    expect(view.proposals.map((p) => p.proposalId)).toEqual([0, 1]);
  });

  it('a run another tab drives keeps the status its events tell', () => {
    const view = storedRunView(record('r', 'running', 5), [{ type: 'status', status: 'pausing' }], null);
    expect(view).toMatchObject({ status: 'pausing', readOnlySource: 'other-tab', endedAt: null });
  });
});
