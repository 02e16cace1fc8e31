import { describe, expect, it } from 'vitest';
import type { ProposalRow } from '../../engine/index.ts';
import type { CandidateView } from '../../store/runStore.ts';
import {
  axisEnd,
  candidatePoints,
  describeTarget,
  proposalTicks,
  shapeObjectiveChart,
  shapeScoreChart,
} from './scoreChartData.ts';
import { candidateView } from '../__fixtures__/candidateView.ts';

const proposal = (id: number, patch: Partial<ProposalRow>): ProposalRow => ({
  proposalId: id,
  iteration: id,
  kind: 'reflective',
  component: 'p',
  status: 'rejected',
  reason: '',
  candidateIdx: -1,
  parentIds: [0],
  subsampleScoreBefore: 1,
  subsampleScoreAfter: 2,
  parentText: '',
  prompt: '',
  rawLmOutput: '',
  proposedText: '',
  minibatchIds: [0, 1, 2, 3],
  feedbackRecords: [],
  metricCallsAt: 10 * id,
  ...patch,
});
const cand = (idx: number, score: number, calls: number): CandidateView => ({
  row: {
    iteration: idx,
    candidateIdx: idx,
    parentIds: [],
    valsetScore: score,
    isBest: false,
    origin: idx ? 'reflective' : 'seed',
    texts: {},
    metricCallsAtDiscovery: calls,
  },
  valScores: [],
  outputs: [],
});

describe('scoreChartData', () => {
  it('normalises minibatch sums by the minibatch size', () => {
    const [t] = proposalTicks([proposal(1, { status: 'accepted', candidateIdx: 3 })]);
    expect(t).toMatchObject({ before: 0.25, after: 0.5, accepted: true, x: 10, candidateIdx: 3 });
  });

  it('leaves out skipped proposals and those without both scores', () => {
    const ticks = proposalTicks([
      proposal(1, { status: 'skipped' }),
      proposal(2, { subsampleScoreAfter: null }),
      proposal(3, { minibatchIds: [] }),
      proposal(4, {}),
    ]);
    expect(ticks.map((t) => t.id)).toEqual([4]);
  });

  it('places candidates at their discovery, skipping holes', () => {
    expect(candidatePoints([cand(0, 0.4, 20), undefined, cand(2, 0.6, 80)])).toEqual([
      { idx: 0, x: 20, y: 0.4, origin: 'seed', iteration: 0 },
      { idx: 2, x: 80, y: 0.6, origin: 'reflective', iteration: 2 },
    ]);
  });

  it('runs the lines on to the calls used so far', () => {
    const data = shapeScoreChart(
      [{ metricCalls: 20, iteration: 0, bestScore: 0.4, paretoAggregate: 0.5 }],
      candidatePoints([cand(0, 0.4, 20)]),
      [],
      { used: 35, cap: 200 },
    );
    expect(data.best).toEqual([
      { x: 20, y: 0.4 },
      { x: 35, y: 0.4 },
    ]);
    expect(data.front[1]).toEqual({ x: 35, y: 0.5 });
    expect(data.xMax).toBe(50);
  });

  it('keeps only the points where a line changes, and its end', () => {
    const point = (metricCalls: number, bestScore: number) => ({
      metricCalls,
      iteration: 0,
      bestScore,
      paretoAggregate: 1,
    });
    const data = shapeScoreChart([point(10, 0.2), point(20, 0.2), point(30, 0.5), point(40, 0.5)], [], [], {
      used: 40,
      cap: null,
    });
    expect(data.best).toEqual([
      { x: 10, y: 0.2 },
      { x: 30, y: 0.5 },
      { x: 40, y: 0.5 },
    ]);
    expect(data.front).toEqual([
      { x: 10, y: 1 },
      { x: 40, y: 1 },
    ]);
  });

  it('ends the axis at a round number past the data, the cap at most', () => {
    expect(
      shapeScoreChart([], candidatePoints([cand(0, 0.4, 50)]), proposalTicks([proposal(9, {})]), {
        used: 60,
        cap: null,
      }).xMax,
    ).toBe(100);
    expect(axisEnd(0, null)).toBe(10);
    expect(axisEnd(183, 2000)).toBe(250);
    expect(axisEnd(460, 2000)).toBe(1000);
    expect(axisEnd(1900, 2000)).toBe(2000);
    expect(axisEnd(2010, 2000)).toBe(2010);
  });

  it('describes hovered marks in words', () => {
    const [point] = candidatePoints([cand(2, 0.6, 80)]);
    expect(describeTarget({ kind: 'candidate', point: point! })[0]).toBe('Candidate #2 (reflective)');
    const [tick] = proposalTicks([proposal(4, {})]);
    expect(describeTarget({ kind: 'tick', tick: tick! }).slice(0, 2)).toEqual([
      'Proposal #4: rejected',
      'minibatch 0.250 → 0.500',
    ]);
  });
});

describe('the chart of one objective', () => {
  const objectives = (aggregate: Record<string, number>) => ({ perExample: [aggregate], aggregate });
  const candidates: CandidateView[] = [
    candidateView(0, { metricCallsAtDiscovery: 5, objectives: objectives({ brevity: 0.2, correctness: 1 }) }),
    candidateView(1, { metricCallsAtDiscovery: 30, parentIds: [0], objectives: objectives({ brevity: 0.7 }) }),
    candidateView(2, { metricCallsAtDiscovery: 40 }),
  ];

  it('puts each candidate at its valset mean, the best mean as the line, no front line or ticks', () => {
    const d = shapeObjectiveChart(candidates, 'brevity', { used: 50, cap: 100 });
    expect(d.candidates.map((p) => [p.idx, p.y])).toEqual([
      [0, 0.2],
      [1, 0.7],
    ]);
    expect(d.best).toEqual([
      { x: 5, y: 0.2 },
      { x: 30, y: 0.7 },
      { x: 50, y: 0.7 },
    ]);
    expect([d.front, d.ticks, d.view, d.yDomain]).toEqual([[], [], 'brevity', [0, 1]]);
    expect(describeTarget({ kind: 'candidate', point: d.candidates[1]! })[1]).toBe('brevity 0.700 (valset mean)');
  });

  it('widens the y axis for an objective outside [0, 1]; the score chart keeps [0, 1]', () => {
    const long = [candidateView(0, { objectives: objectives({ words: 42 }) })];
    expect(shapeObjectiveChart(long, 'words', { used: 5, cap: null }).yDomain).toEqual([0, 42]);
    expect(shapeScoreChart([], [], [], { used: 0, cap: null })).toMatchObject({ yDomain: [0, 1], view: '' });
  });
});
