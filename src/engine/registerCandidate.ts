// Adding an accepted program to the run: score it on the whole valset, then update lineage, fronts,
// best program and round-robin pointer in one synchronous step (no await after the evaluation, so an
// abort can never leave a half-added candidate), and emit the events and tracking rows.
import type { Candidate, EvaluationBatch } from './types.ts';
import type { RunContext } from './context.ts';
import { sum } from './context.ts';
import type { CachedEvaluation, GepaState } from './state.ts';
import { frontMembers, paretoAggregate, updateFronts } from './paretoFront.ts';
import { GepaConfigError } from './types.ts';

export interface Registered {
  idx: number;
  average: number;
  isBest: boolean;
}

function objectiveMeans(per: Record<string, number>[] | null): Record<string, number> {
  if (!per || per.length === 0) return {};
  const totals: Record<string, number> = {};
  for (const objs of per) for (const [k, v] of Object.entries(objs)) totals[k] = (totals[k] ?? 0) + v;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(totals)) out[k] = v / per.length;
  return out;
}

// The same object as `{ ...xs }`, several times faster: spreading an array into an object literal
// takes V8's slow path, and this runs twice per candidate over the whole valset.
function byIndex<T>(xs: readonly T[]): Record<number, T> {
  const out: Record<number, T> = {};
  for (let i = 0; i < xs.length; i++) out[i] = xs[i] as T;
  return out;
}

/** Results already paid for on some val examples (a merge's subsample, a gate's examples), by val id. */
export function knownResults(ids: readonly number[], batch: EvaluationBatch): Map<number, CachedEvaluation> {
  return new Map(
    ids.map((v, k) => [
      v,
      {
        score: batch.scores[k] as number,
        output: batch.outputs[k],
        ...(batch.objectiveScores?.[k] ? { objectiveScores: batch.objectiveScores[k] } : {}),
      },
    ]),
  );
}

/** A program's valset results, ready to be added: what was evaluated now and what was known before. */
export interface ValsetEvaluation {
  missing: number[];
  fresh: EvaluationBatch;
  known: Map<number, CachedEvaluation>;
  /** metric calls spent before this evaluation (the candidate's discovery_eval_counts entry) */
  callsBefore: number;
}

/**
 * Scores a program on the val examples `known` does not already hold, as candidate `idx` (the index it
 * will get). Adds nothing to the state, so several can run at once and be added in order afterwards.
 * @param known val results already paid for (a merge's subsample), reused instead of re-evaluated
 */
export async function evaluateOnValset(
  ctx: RunContext,
  iteration: number,
  candidate: Candidate,
  idx: number,
  parents: (number | null)[],
  origin: 'seed' | 'reflective' | 'merge',
  known: Map<number, CachedEvaluation> = new Map(),
  callsBefore = ctx.state.totalMetricCalls,
): Promise<ValsetEvaluation> {
  const V = ctx.valset.length;
  const missing = Array.from({ length: V }, (_, v) => v).filter((v) => !known.has(v));
  const fresh: EvaluationBatch = missing.length
    ? await ctx.evaluator.run({
        iteration,
        set: 'val',
        ids: missing,
        candidate,
        captureTraces: false,
        candidateIdx: idx,
        parentIds: parents,
        isSeedCandidate: origin === 'seed',
      })
    : { outputs: [], scores: [] };
  ctx.checkAborted();
  return { missing, fresh, known, callsBefore };
}

/**
 * @param known val results already paid for (a merge's subsample), reused instead of re-evaluated
 */
export async function registerCandidate(
  ctx: RunContext,
  iteration: number,
  candidate: Candidate,
  parents: (number | null)[],
  origin: 'seed' | 'reflective' | 'merge',
  known: Map<number, CachedEvaluation> = new Map(),
): Promise<Registered> {
  const idx = ctx.state.candidates.length;
  const evaluation = await evaluateOnValset(ctx, iteration, candidate, idx, parents, origin, known);
  return addCandidate(ctx, iteration, candidate, parents, origin, evaluation);
}

/** The round-robin pointer a new candidate starts from: its parents' furthest. */
export function inheritedPointer(state: GepaState, parents: readonly (number | null)[]): number {
  const pointers = parents.filter((p): p is number => p !== null).map((p) => state.roundRobinNext[p] ?? 0);
  return pointers.length ? Math.max(...pointers) : 0;
}

/** Adds an evaluated program to the pool: one synchronous step, so an abort never leaves half a candidate. */
export function addCandidate(
  ctx: RunContext,
  iteration: number,
  candidate: Candidate,
  parents: (number | null)[],
  origin: 'seed' | 'reflective' | 'merge',
  evaluation: ValsetEvaluation,
): Registered {
  const { state } = ctx;
  const idx = state.candidates.length;
  const V = ctx.valset.length;
  const { missing, fresh, known, callsBefore } = evaluation;

  const scores: number[] = new Array<number>(V);
  const outputs: unknown[] = new Array<unknown>(V);
  const anyObjectives = !!fresh.objectiveScores || [...known.values()].some((r) => r.objectiveScores);
  // per-example objective objects only when some example has objective scores
  const perExampleObjectives = anyObjectives ? new Array<Record<string, number>>(V) : null;
  missing.forEach((v, k) => {
    scores[v] = fresh.scores[k] as number;
    outputs[v] = fresh.outputs[k];
    if (perExampleObjectives) perExampleObjectives[v] = fresh.objectiveScores?.[k] ?? {};
  });
  for (const [v, r] of known) {
    scores[v] = r.score;
    outputs[v] = r.output;
    if (perExampleObjectives) perExampleObjectives[v] = r.objectiveScores ?? {};
  }
  const frontier = ctx.config.frontierType;
  if (origin === 'seed' && frontier !== 'instance' && !perExampleObjectives) {
    // an objective-based front cannot exist without objective scores: running on the instance front instead
    // would quietly be a different run than the one asked for
    throw new GepaConfigError(
      'frontierType',
      `'${frontier}' ranks candidates by objective scores, but the adapter returned none for the seed ` +
        "(evaluate() gave no objectiveScores); use frontierType 'instance' or return objective scores",
    );
  }
  const average = V > 0 ? sum(scores) / V : 0;
  const objAgg = objectiveMeans(perExampleObjectives);

  state.numFullValEvals++;
  state.candidates.push({ ...candidate });
  state.parents.push([...parents]);
  state.discoveryIteration.push(iteration);
  state.valSubscores.push(scores);
  state.valObjectiveScores.push(perExampleObjectives);
  state.valAggregate.push(average);
  state.objectiveAggregates.push(objAgg);
  state.discoveryEvalCounts.push(callsBefore);
  // a pointer already there was set while the candidate was a speculative parent (overlapRounds)
  state.roundRobinNext[idx] ??= inheritedPointer(state, parents);

  const previousBest = idx === 0 ? -Infinity : (state.valAggregate[state.bestIdx] as number);
  const isBest = average > previousBest;
  if (isBest) {
    state.bestIdx = idx;
    state.lastImprovementIteration = iteration;
  }
  if (state.bestOutputsValset) {
    const inst = state.fronts.instance;
    scores.forEach((s, v) => {
      const prev = inst.best[v];
      const list = state.bestOutputsValset?.[v];
      if (!list || prev === undefined) return;
      if (prev === null || s > prev) state.bestOutputsValset![v] = [[idx, outputs[v]]];
      else if (s === prev) list.push([idx, outputs[v]]);
    });
  }
  const frontUpdate = updateFronts(state.fronts, idx, scores, perExampleObjectives, objAgg);

  ctx.emit('onValsetEvaluated', {
    iteration,
    candidateIdx: idx,
    candidate,
    scoresByValId: byIndex(scores),
    averageScore: average,
    numExamplesEvaluated: V,
    totalValsetSize: V,
    parentIds: parents.filter((p): p is number => p !== null),
    isBestProgram: isBest,
    // always given (the reference only fills it with trackBestOutputs): the studio shows every candidate's outputs
    outputsByValId: byIndex(outputs),
  });
  if (frontUpdate.changed) {
    ctx.emit('onParetoFrontUpdated', {
      iteration,
      newFront: frontMembers(state.fronts),
      displacedCandidates: frontUpdate.displaced,
    });
  }
  // tracking rows copy the scores and the fronts: only built when someone consumes them
  if (ctx.tracking) {
    ctx.track({
      type: 'candidate',
      row: {
        iteration,
        candidateIdx: idx,
        parentIds: parents.filter((p): p is number => p !== null),
        valsetScore: average,
        isBest,
        origin,
        texts: { ...candidate },
        metricCallsAtDiscovery: state.totalMetricCalls,
        valScores: scores.slice(),
        outputs: outputs.slice(),
        ...(perExampleObjectives
          ? { valObjectiveScores: perExampleObjectives.map((o) => ({ ...o })), objectiveAggregate: { ...objAgg } }
          : {}),
      },
    });
    ctx.track({ type: 'valsetScores', row: { iteration, candidateIdx: idx, scores: scores.slice() } });
    ctx.track({
      type: 'valsetParetoFront',
      row: {
        iteration,
        best: state.fronts.instance.best.map((b) => b ?? 0),
        programs: state.fronts.instance.programs.map((p) => p.slice()),
      },
    });
    if (perExampleObjectives) {
      ctx.track({ type: 'objectiveScores', row: { iteration, candidateIdx: idx, objectives: objAgg } });
      ctx.track({
        type: 'objectiveParetoFront',
        row: {
          iteration,
          best: { ...state.fronts.objective.best },
          programs: JSON.parse(JSON.stringify(state.fronts.objective.programs)),
        },
      });
    }
    const metrics: Record<string, number> = {
      val_program_average: average,
      best_score_on_valset: state.valAggregate[state.bestIdx] as number,
      valset_pareto_front_agg: paretoAggregate(state.fronts),
      total_metric_calls: state.totalMetricCalls,
    };
    for (const [k, v] of Object.entries(objAgg)) metrics[`objective/${k}`] = v;
    ctx.track({ type: 'metrics', iteration, metrics });
  }
  return { idx, average, isBest };
}
