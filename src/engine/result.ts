// The result of a run, with the reference GEPAResult's fields and its to_dict() JSON shape
// (snake_case), so Python users can load an export as they would a GEPAResult dict.
import type { Candidate } from './types.ts';
import type { GepaState } from './state.ts';

export const RESULT_SCHEMA_VERSION = 2;

export interface GepaResultDict {
  candidates: Candidate[];
  parents: (number | null)[][];
  val_aggregate_scores: number[];
  val_subscores: Record<string, number>[];
  best_outputs_valset: Record<string, [number, unknown][]> | null;
  per_val_instance_best_candidates: Record<string, number[]>;
  val_aggregate_subscores: Record<string, number>[] | null;
  per_objective_best_candidates: Record<string, number[]> | null;
  objective_pareto_front: Record<string, number> | null;
  discovery_eval_counts: number[];
  total_metric_calls: number | null;
  num_full_val_evals: number | null;
  run_dir: string | null;
  seed: number | null;
  _str_candidate_key: string | null;
  best_idx: number;
  total_reflection_cost: number;
  validation_schema_version: number;
  /** not in the reference's dict: why the run ended (absent in exports from before it was added) */
  stop_reason?: string;
}

export class GepaResult {
  constructor(
    readonly candidates: Candidate[],
    readonly parents: (number | null)[][],
    readonly valAggregateScores: number[],
    readonly valSubscores: number[][],
    readonly perValInstanceBestCandidates: number[][],
    readonly discoveryEvalCounts: number[],
    readonly valAggregateSubscores: Record<string, number>[] | null,
    readonly perObjectiveBestCandidates: Record<string, number[]> | null,
    readonly objectivePareto: Record<string, number> | null,
    readonly bestOutputsValset: [number, unknown][][] | null,
    readonly totalMetricCalls: number | null,
    readonly numFullValEvals: number | null,
    readonly seed: number | null,
    readonly runDir: string | null = null,
    readonly totalReflectionCost = 0,
    readonly stopReason = '',
  ) {}

  get bestIdx(): number {
    let best = 0;
    this.valAggregateScores.forEach((s, i) => {
      if (s > (this.valAggregateScores[best] as number)) best = i;
    });
    return best;
  }

  get bestCandidate(): Candidate {
    return this.candidates[this.bestIdx] as Candidate;
  }

  get numCandidates(): number {
    return this.candidates.length;
  }

  static fromState(state: GepaState, stopReason = ''): GepaResult {
    const hasObjectives = state.objectiveAggregates.some((o) => Object.keys(o).length > 0);
    const objPrograms = state.fronts.objective.programs;
    return new GepaResult(
      state.candidates.map((c) => ({ ...c })),
      state.parents.map((p) => [...p]),
      [...state.valAggregate],
      state.valSubscores.map((s) => [...s]),
      state.fronts.instance.programs.map((p) => [...p]),
      [...state.discoveryEvalCounts],
      hasObjectives ? state.objectiveAggregates.map((o) => ({ ...o })) : null,
      Object.keys(objPrograms).length ? JSON.parse(JSON.stringify(objPrograms)) : null,
      Object.keys(state.fronts.objective.best).length ? { ...state.fronts.objective.best } : null,
      state.bestOutputsValset ? JSON.parse(JSON.stringify(state.bestOutputsValset)) : null,
      state.totalMetricCalls,
      state.numFullValEvals,
      state.seed,
      null,
      state.totalReflectionCost ?? 0,
      stopReason,
    );
  }

  toDict(): GepaResultDict {
    const byId = <T>(xs: T[]): Record<string, T> => Object.fromEntries(xs.map((x, i) => [String(i), x]));
    return {
      candidates: this.candidates.map((c) => ({ ...c })),
      parents: this.parents.map((p) => [...p]),
      val_aggregate_scores: [...this.valAggregateScores],
      val_subscores: this.valSubscores.map((s) => byId(s)),
      best_outputs_valset: this.bestOutputsValset ? byId(this.bestOutputsValset) : null,
      per_val_instance_best_candidates: byId(this.perValInstanceBestCandidates.map((p) => [...p])),
      val_aggregate_subscores: this.valAggregateSubscores,
      per_objective_best_candidates: this.perObjectiveBestCandidates,
      objective_pareto_front: this.objectivePareto,
      discovery_eval_counts: [...this.discoveryEvalCounts],
      total_metric_calls: this.totalMetricCalls,
      num_full_val_evals: this.numFullValEvals,
      run_dir: this.runDir,
      seed: this.seed,
      _str_candidate_key: null,
      best_idx: this.bestIdx,
      total_reflection_cost: this.totalReflectionCost,
      validation_schema_version: RESULT_SCHEMA_VERSION,
      stop_reason: this.stopReason,
    };
  }

  static fromDict(d: GepaResultDict): GepaResult {
    const ordered = <T>(rec: Record<string, T> | null | undefined): T[] =>
      rec
        ? Object.keys(rec)
            .sort((a, b) => Number(a) - Number(b))
            .map((k) => rec[k] as T)
        : [];
    return new GepaResult(
      d.candidates,
      d.parents,
      d.val_aggregate_scores,
      d.val_subscores.map((s) => ordered(s)),
      ordered(d.per_val_instance_best_candidates),
      d.discovery_eval_counts,
      d.val_aggregate_subscores,
      d.per_objective_best_candidates,
      d.objective_pareto_front,
      d.best_outputs_valset ? ordered(d.best_outputs_valset) : null,
      d.total_metric_calls,
      d.num_full_val_evals,
      d.seed,
      d.run_dir,
      d.total_reflection_cost ?? 0,
      d.stop_reason ?? '',
    );
  }
}
