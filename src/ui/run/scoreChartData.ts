// Data shaping for the score chart, apart from any drawing: the best-score and Pareto-aggregate lines
// as step series over metric calls, accepted candidates as points, and each proposal's minibatch
// before → after as a tick. Minibatch scores arrive as sums, so they are divided by the minibatch size
// to sit on the same [0, 1] axis as val scores.
import type { CandidateRow, ProposalRow } from '../../engine/index.ts';
import type { CandidateView } from '../../store/runStore.ts';
import type { ScorePoint } from '../../run/runEvent.ts';
import { formatScore } from '../common/format.ts';
import { objectiveBestSeries, objectiveDomain } from '../common/objectives.ts';
import { describeBin } from './proposalDensity.ts';
import type { DensityBin } from './proposalDensity.ts';

export interface LinePoint {
  x: number;
  y: number;
}

export interface CandidatePoint {
  idx: number;
  x: number;
  y: number;
  origin: CandidateRow['origin'];
  iteration: number;
  /** the objective y is the valset mean of (the chart shows one objective); absent: y is the val score */
  objective?: string;
}

export interface ProposalTick {
  id: number;
  x: number;
  before: number;
  after: number;
  accepted: boolean;
  iteration: number;
  candidateIdx: number;
}

export type ChartTarget =
  | { kind: 'candidate'; point: CandidatePoint }
  | { kind: 'tick'; tick: ProposalTick }
  | { kind: 'bin'; bin: DensityBin };

export interface ScoreChartData {
  best: LinePoint[];
  front: LinePoint[];
  candidates: CandidatePoint[];
  ticks: ProposalTick[];
  /** the right end of the x axis: a round number a little past the data, at most the budget cap */
  xMax: number;
  /** the y axis: [0, 1] for scores; an objective's values may lie outside it */
  yDomain: [number, number];
  /** what the chart shows: '' for the score, else the objective's name (a change redraws every mark) */
  view: string;
}

/**
 * A step series that runs on to `until` at its last value, so the line reaches "now". Only the points
 * where the value changes are kept (a step line through the others draws the same): a run of thousands
 * of iterations changes its best score a few dozen times.
 */
function series(scores: readonly ScorePoint[], pick: (p: ScorePoint) => number, until: number): LinePoint[] {
  const out: LinePoint[] = [];
  for (const p of scores) {
    const y = pick(p);
    if (out.length === 0 || out[out.length - 1]!.y !== y) out.push({ x: p.metricCalls, y });
  }
  const last = out[out.length - 1];
  const end = Math.max(until, scores[scores.length - 1]?.metricCalls ?? 0);
  if (last && end > last.x) out.push({ x: end, y: last.y });
  return out;
}

export function proposalTicks(proposals: readonly ProposalRow[]): ProposalTick[] {
  const ticks: ProposalTick[] = [];
  for (const p of proposals) {
    const n = p.minibatchIds.length;
    if (p.status === 'skipped' || n === 0 || p.subsampleScoreBefore === null || p.subsampleScoreAfter === null)
      continue;
    ticks.push({
      id: p.proposalId,
      x: p.metricCallsAt,
      before: p.subsampleScoreBefore / n,
      after: p.subsampleScoreAfter / n,
      accepted: p.status === 'accepted',
      iteration: p.iteration,
      candidateIdx: p.candidateIdx,
    });
  }
  return ticks;
}

export function candidatePoints(candidates: readonly (CandidateView | undefined)[]): CandidatePoint[] {
  const out: CandidatePoint[] = [];
  for (const c of candidates) {
    if (!c) continue;
    const r = c.row;
    out.push({
      idx: r.candidateIdx,
      x: r.metricCallsAtDiscovery,
      y: r.valsetScore,
      origin: r.origin,
      iteration: r.iteration,
    });
  }
  return out;
}

/**
 * Points and ticks come in already shaped: they change only when candidates or proposals do, the lines
 * with every budget tick.
 */
export function shapeScoreChart(
  scores: readonly ScorePoint[],
  points: CandidatePoint[],
  ticks: ProposalTick[],
  budget: { used: number; cap: number | null },
): ScoreChartData {
  const lastX = Math.max(
    budget.used,
    scores[scores.length - 1]?.metricCalls ?? 0,
    ...points.map((p) => p.x),
    ticks[ticks.length - 1]?.x ?? 0,
  );
  return {
    best: series(scores, (p) => p.bestScore, budget.used),
    front: series(scores, (p) => p.paretoAggregate, budget.used),
    candidates: points,
    ticks,
    xMax: axisEnd(lastX, budget.cap),
    yDomain: [0, 1],
    view: '',
  };
}

/**
 * One objective instead of the score: its best valset mean over metric calls, and each candidate at its
 * own mean. No Pareto-aggregate line and no minibatch ticks: those are about the score.
 */
export function shapeObjectiveChart(
  candidates: readonly (CandidateView | undefined)[],
  name: string,
  budget: { used: number; cap: number | null },
): ScoreChartData {
  const points: CandidatePoint[] = [];
  for (const c of candidates) {
    const y = c?.objectives?.aggregate[name];
    if (!c || y === undefined) continue;
    const r = c.row;
    points.push({
      idx: r.candidateIdx,
      x: r.metricCallsAtDiscovery,
      y,
      origin: r.origin,
      iteration: r.iteration,
      objective: name,
    });
  }
  const lastX = Math.max(budget.used, ...points.map((p) => p.x));
  return {
    best: objectiveBestSeries(candidates, name, budget.used),
    front: [],
    candidates: points,
    ticks: [],
    xMax: axisEnd(lastX, budget.cap),
    yDomain: objectiveDomain(points.map((p) => p.y)),
    view: name,
  };
}

/**
 * The x axis runs to the next round number (1, 2, 2.5 or 5 × 10ⁿ) at least 10 % past the data, never
 * past the cap: the data fills the chart early in a run, and the axis rescales only a few times per run
 * (each rescale moves every mark), not on every metric call.
 */
export function axisEnd(lastX: number, cap: number | null): number {
  const want = Math.max(10, lastX * 1.1);
  const magnitude = 10 ** Math.floor(Math.log10(want));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((v) => v >= want) ?? 10 * magnitude;
  return cap !== null && cap > 0 ? Math.max(Math.min(step, cap), lastX) : step;
}

/** The tooltip lines for a hovered mark. */
export function describeTarget(t: ChartTarget): string[] {
  if (t.kind === 'candidate') {
    const p = t.point;
    return [
      `Candidate #${p.idx} (${p.origin})`,
      p.objective ? `${p.objective} ${formatScore(p.y)} (valset mean)` : `val score ${formatScore(p.y)}`,
      `iteration ${p.iteration} · found at ${p.x} metric calls`,
    ];
  }
  if (t.kind === 'bin') return describeBin(t.bin);
  const k = t.tick;
  return [
    `Proposal #${k.id}: ${k.accepted ? `accepted as #${k.candidateIdx}` : 'rejected'}`,
    `minibatch ${formatScore(k.before)} → ${formatScore(k.after)}`,
    `iteration ${k.iteration} · at ${k.x} metric calls`,
  ];
}
