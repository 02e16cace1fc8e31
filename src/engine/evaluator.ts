// Every evaluation goes through here: it enforces the hard metric-call cap before calling the
// adapter, counts each (candidate, example) evaluation exactly once, serves and fills the evaluation
// cache, validates what the adapter returned, and emits the evaluation and budget events.
import type { AbortSignalLike } from './types.ts';
import type { Candidate, EvaluationBatch, GepaAdapter } from './types.ts';
import type { CachedEvaluation, GepaState } from './state.ts';
import type { Emit } from './callbacks.ts';
import { candidateKey } from './candidateKey.ts';

export class BudgetExhaustedError extends Error {
  constructor(needed: number, remaining: number) {
    super(`budget exhausted: ${needed} metric calls needed, ${remaining} remain`);
    this.name = 'BudgetExhaustedError';
  }
}

export interface EvalRequest {
  iteration: number;
  set: 'train' | 'val';
  ids: number[];
  candidate: Candidate;
  captureTraces: boolean;
  candidateIdx: number | null;
  /** the program's parents when it is not registered yet (a child on its minibatch, a candidate being added) */
  parentIds?: (number | null)[];
  isSeedCandidate?: boolean;
}

export interface EvaluatorDeps {
  state: GepaState;
  adapter: GepaAdapter;
  data: { train: unknown[]; val: unknown[] };
  /** Val and train are the same list when no valset was given: cache keys must agree then. */
  sameSets: boolean;
  cap: number | null;
  failureScore: number;
  emit: Emit;
  signal: AbortSignalLike | undefined;
  onMetricCalls: (total: number) => void;
  /** remember committed cache keys until takeNewCacheKeys() (only when checkpoints are taken) */
  trackNewCacheKeys: boolean;
}

export class Evaluator {
  /** Cache entries of the current iteration: committed at its end, dropped when it is rolled back. */
  private pending = new Map<string, CachedEvaluation>();
  private sinceCheckpoint: string[] = [];
  /** calls of evaluations in flight: not counted yet, but promised, so concurrent ones cannot overrun the cap */
  private reserved = 0;

  constructor(private readonly d: EvaluatorDeps) {}

  remaining(): number | null {
    return this.d.cap === null ? null : this.d.cap - this.d.state.totalMetricCalls - this.reserved;
  }

  canAfford(calls: number): boolean {
    const r = this.remaining();
    return r === null || r >= calls;
  }

  commitCache(): void {
    const cache = this.d.state.evalCache;
    if (cache) {
      for (const [k, v] of this.pending) {
        if (this.d.trackNewCacheKeys && !(k in cache)) this.sinceCheckpoint.push(k);
        cache[k] = v;
      }
    }
    this.pending.clear();
  }

  /** Cache keys committed since the last call, in insertion order (for incremental checkpoints). */
  takeNewCacheKeys(): string[] {
    const keys = this.sinceCheckpoint;
    this.sinceCheckpoint = [];
    return keys;
  }

  dropPending(): void {
    this.pending.clear();
  }

  private key(set: 'train' | 'val', id: number, cand: string): string {
    return `${cand}|${this.d.sameSets ? 'train' : set}:${id}`;
  }

  private lookup(key: string): CachedEvaluation | undefined {
    return this.pending.get(key) ?? this.d.state.evalCache?.[key];
  }

  async run(req: EvalRequest): Promise<EvaluationBatch> {
    const { state, adapter, emit } = this.d;
    const data = req.set === 'train' ? this.d.data.train : this.d.data.val;
    const inputs = req.ids.map((id) => data[id]);
    const parents = req.parentIds ?? (req.candidateIdx === null ? [] : (state.parents[req.candidateIdx] ?? []));
    const parentIds = parents.filter((p): p is number => p !== null);
    emit('onEvaluationStart', {
      iteration: req.iteration,
      candidateIdx: req.candidateIdx,
      batchSize: req.ids.length,
      captureTraces: req.captureTraces,
      parentIds,
      inputs,
      isSeedCandidate: !!req.isSeedCandidate,
    });
    // Traces are never cached, so an evaluation that captures them always runs.
    const useCache = state.evalCache !== null && !req.captureTraces;
    const cand = useCache ? candidateKey(req.candidate) : '';
    const hits = new Map<number, CachedEvaluation>();
    const missPositions: number[] = [];
    req.ids.forEach((id, pos) => {
      const hit = useCache ? this.lookup(this.key(req.set, id, cand)) : undefined;
      if (hit) hits.set(pos, hit);
      else missPositions.push(pos);
    });
    if (!this.canAfford(missPositions.length))
      throw new BudgetExhaustedError(missPositions.length, this.remaining() as number);

    let fresh: EvaluationBatch = {
      outputs: [],
      scores: [],
      trajectories: req.captureTraces ? [] : null,
      objectiveScores: null,
    };
    if (missPositions.length > 0) {
      const batch = missPositions.map((p) => inputs[p]);
      this.reserved += batch.length;
      try {
        fresh = await adapter.evaluate(batch, req.candidate, req.captureTraces, this.d.signal);
      } finally {
        this.reserved -= batch.length;
      }
      // counted before validation: the adapter did the work even if its reply is malformed
      state.totalMetricCalls += batch.length;
      emit('onBudgetUpdated', {
        iteration: req.iteration,
        metricCallsUsed: state.totalMetricCalls,
        metricCallsDelta: batch.length,
        metricCallsRemaining: this.remaining(),
      });
      this.d.onMetricCalls(state.totalMetricCalls);
      this.validate(fresh, batch.length);
    }

    // Reassemble in request order from hits and fresh results, into arrays of the final length (a
    // full valset evaluation would otherwise regrow them several times).
    const n = req.ids.length;
    const out: EvaluationBatch = {
      outputs: new Array<unknown>(n),
      scores: new Array<number>(n),
      trajectories: fresh.trajectories ?? null,
      objectiveScores: null,
    };
    const anyObjectives = !!fresh.objectiveScores || [...hits.values()].some((h) => h.objectiveScores);
    // without objective scores no per-example objects are made
    const objectives = anyObjectives ? new Array<Record<string, number>>(n) : null;
    let f = 0;
    req.ids.forEach((id, pos) => {
      const hit = hits.get(pos);
      if (hit) {
        out.outputs[pos] = hit.output;
        out.scores[pos] = hit.score;
        if (objectives) objectives[pos] = hit.objectiveScores ?? {};
        return;
      }
      const score = fresh.scores[f] as number;
      const output = fresh.outputs[f];
      const obj = fresh.objectiveScores?.[f];
      out.outputs[pos] = output;
      out.scores[pos] = score;
      if (objectives) objectives[pos] = obj ?? {};
      if (useCache)
        this.pending.set(
          this.key(req.set, id, cand),
          obj ? { score, output, objectiveScores: obj } : { score, output },
        );
      f++;
    });
    if (objectives) out.objectiveScores = objectives;
    emit('onEvaluationEnd', {
      iteration: req.iteration,
      candidateIdx: req.candidateIdx,
      scores: out.scores,
      hasTrajectories: !!out.trajectories && out.trajectories.length > 0,
      parentIds: [...parentIds],
      outputs: out.outputs,
      trajectories: out.trajectories ?? null,
      objectiveScores: out.objectiveScores ?? null,
      isSeedCandidate: !!req.isSeedCandidate,
    });
    return out;
  }

  /** The adapter contract, checked: one score per example; a non-finite score becomes the failure score. */
  private validate(b: EvaluationBatch, n: number): void {
    if (!b || !Array.isArray(b.scores) || !Array.isArray(b.outputs))
      throw new Error('adapter.evaluate must return { outputs, scores }');
    if (b.scores.length !== n || b.outputs.length !== n) {
      throw new Error(
        `adapter.evaluate returned ${b.scores.length} scores and ${b.outputs.length} outputs for ${n} examples`,
      );
    }
    if (b.trajectories && b.trajectories.length !== n)
      throw new Error(`adapter.evaluate returned ${b.trajectories.length} trajectories for ${n} examples`);
    if (b.objectiveScores && b.objectiveScores.length !== n)
      throw new Error(`adapter.evaluate returned ${b.objectiveScores.length} objective score sets for ${n} examples`);
    for (let k = 0; k < n; k++) {
      const s = b.scores[k];
      if (typeof s !== 'number' || !Number.isFinite(s)) b.scores[k] = this.d.failureScore;
    }
  }
}
