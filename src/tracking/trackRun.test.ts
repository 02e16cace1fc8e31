import { describe, expect, it } from 'vitest';
import type { CandidateTrackingRow, ProposalRow, TrackingEvent } from '../engine/index.ts';
import { recordingTracker } from './recordingTracker.testkit.ts';
import type { TrackerCall } from './recordingTracker.testkit.ts';
import { CANDIDATE_COLUMNS, PROPOSAL_COLUMNS, summaryRecord, trackRun } from './trackRun.ts';

const candidate = (idx: number, parentIds: number[], score: number, isBest: boolean): CandidateTrackingRow => ({
  iteration: idx,
  candidateIdx: idx,
  parentIds,
  valsetScore: score,
  isBest,
  origin: idx === 0 ? 'seed' : parentIds.length > 1 ? 'merge' : 'reflective',
  texts: { system: `text ${idx}`, extract: `steps ${idx}` },
  metricCallsAtDiscovery: 10 * idx,
  valScores: [score, score],
  outputs: ['a', 'b'],
});

const proposal = (over: Partial<ProposalRow>): ProposalRow => ({
  proposalId: 0,
  iteration: 1,
  kind: 'reflective',
  component: 'system',
  status: 'accepted',
  reason: '',
  candidateIdx: 1,
  parentIds: [0],
  subsampleScoreBefore: 1,
  subsampleScoreAfter: 2,
  parentText: 'text 0',
  prompt: 'the prompt',
  rawLmOutput: '```new```',
  proposedText: 'new',
  minibatchIds: [0],
  feedbackRecords: [],
  metricCallsAt: 12,
  ...over,
});

function feed(events: TrackingEvent[]): TrackerCall[] {
  const t = recordingTracker();
  const on = trackRun(t, { treeHtml: (tree) => `${tree.candidates.length} candidates, best ${tree.bestIdx}` });
  events.forEach(on);
  return t.calls;
}

const tables = (calls: TrackerCall[], name: string) =>
  calls.filter((c): c is Extract<TrackerCall, { call: 'table' }> => c.call === 'table' && c.name === name);

describe('trackRun', () => {
  it('logs every scalar with its iteration as the step', () => {
    const calls = feed([{ type: 'metrics', iteration: 2, metrics: { 'subsample/before': 1, 'subsample/after': 2 } }]);
    expect(calls).toEqual([{ call: 'metrics', step: 2, values: { 'subsample/before': 1, 'subsample/after': 2 } }]);
  });

  it("appends a candidates row with the seed's columns, text:<component> included, and redraws the tree", () => {
    const calls = feed([
      { type: 'candidate', row: candidate(0, [], 0.25, true) },
      { type: 'candidate', row: candidate(1, [0], 0.5, true) },
      { type: 'candidate', row: candidate(2, [1, 0], 0.4, false) },
    ]);
    const rows = tables(calls, 'candidates');
    expect(rows[0]?.columns).toEqual([...CANDIDATE_COLUMNS, 'text:system', 'text:extract']);
    expect(rows.map((r) => r.rows[0])).toEqual([
      [0, 0, '[]', 0.25, true, 'text 0', 'steps 0'],
      [1, 1, '[0]', 0.5, true, 'text 1', 'steps 1'],
      [2, 2, '[1, 0]', 0.4, false, 'text 2', 'steps 2'],
    ]);
    const trees = calls.filter((c) => c.call === 'html');
    expect(trees).toEqual([
      { call: 'html', name: 'candidate_tree', html: '1 candidates, best 0' },
      { call: 'html', name: 'candidate_tree', html: '2 candidates, best 1' },
      { call: 'html', name: 'candidate_tree', html: '3 candidates, best 1' },
    ]);
  });

  it("logs one proposals row per reflection call with the seed's columns; merges and skipped rounds made none", () => {
    const calls = feed([
      { type: 'proposal', row: proposal({}) },
      { type: 'proposal', row: proposal({ status: 'rejected', candidateIdx: -1, subsampleScoreAfter: 0.5 }) },
      { type: 'proposal', row: proposal({ status: 'skipped', component: '' }) },
      { type: 'proposal', row: proposal({ kind: 'merge', parentIds: [1, 2] }) },
    ]);
    const rows = tables(calls, 'proposals');
    expect(rows[0]?.columns).toEqual([...PROPOSAL_COLUMNS]);
    expect(rows.map((r) => r.rows[0])).toEqual([
      [1, 'system', 'accepted', 1, '[0]', 1, 2, 'the prompt', '```new```', 'new'],
      [1, 'system', 'rejected', -1, '[0]', 1, 0.5, 'the prompt', '```new```', 'new'],
    ]);
  });

  it('grows the valset score and front matrices', () => {
    const calls = feed([
      { type: 'candidate', row: candidate(1, [0], 0.5, true) },
      { type: 'valsetScores', row: { iteration: 1, candidateIdx: 1, scores: [1, 0] } },
      { type: 'valsetParetoFront', row: { iteration: 1, best: [1, 0.5], programs: [[1], [0, 1]] } },
    ]);
    expect(tables(calls, 'valset_scores')).toEqual([
      {
        call: 'table',
        name: 'valset_scores',
        columns: ['candidate_idx', 'parent_ids', '0', '1'],
        rows: [[1, '[0]', 1, 0]],
      },
    ]);
    expect(tables(calls, 'valset_pareto_front')[0]).toEqual({
      call: 'table',
      name: 'valset_pareto_front',
      columns: ['iteration', 'val_id', 'best_score', 'program_ids'],
      rows: [
        [1, '0', 1, '[1]'],
        [1, '1', 0.5, '[0, 1]'],
      ],
    });
  });

  it("maps the engine's summary to the seed's summary keys", () => {
    const summary = {
      bestCandidateIdx: 3,
      bestValsetScore: 0.9,
      totalIterations: 7,
      totalCandidates: 5,
      totalMetricCalls: 200,
      stopReason: 'budget',
      seed: { system: 'seed text' },
      best: { system: 'best text' },
    };
    expect(summaryRecord(summary)).toEqual({
      best_candidate_idx: 3,
      best_valset_score: 0.9,
      total_iterations: 7,
      total_candidates: 5,
      'seed/system': 'seed text',
      'best/system': 'best text',
    });
    expect(feed([{ type: 'summary', summary }])).toEqual([{ call: 'summary', values: summaryRecord(summary) }]);
  });
});
