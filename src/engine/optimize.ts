// The GEPA loop. Each iteration is atomic: an abort mid-iteration rolls the state back to the last
// iteration boundary, so a checkpoint (taken after every iteration) resumes to exactly the run that
// would have happened without the interruption.
import type { GepaOptions } from './types.ts';
import type { GepaState } from './state.ts';
import { STATE_VERSION, createState } from './state.ts';
import { resolveConfig, describeConfig } from './config.ts';
import { makeEmitter } from './callbacks.ts';
import type { CallbackHandlers, TrainsetHandle } from './callbacks.ts';
import { Rng } from './rng.ts';
import { makeCandidateSelector } from './strategies/candidateSelectors.ts';
import { makeComponentPicker } from './strategies/componentSelectors.ts';
import { checkStop } from './strategies/stopConditions.ts';
import { reflectiveIterationCost } from './budget.ts';
import { BudgetExhaustedError, Evaluator } from './evaluator.ts';
import type { RunContext } from './context.ts';
import { registerCandidate } from './registerCandidate.ts';
import { reflectiveIteration } from './proposer/reflective.ts';
import { overlappedIteration, pendingCost, finishPending } from './proposer/overlappedRounds.ts';
import { tasksPerRound } from './strategies/proposalSampling.ts';
import { acceptMerge, proposeMerge, registerMerge } from './proposer/mergeProposer.ts';
import { GepaResult } from './result.ts';
import { GepaConfigError } from './types.ts';

class AbortedError extends Error {}

function checkResumable(state: GepaState, opts: GepaOptions, valsetSize: number): void {
  if (state.version !== STATE_VERSION)
    throw new GepaConfigError('resumeFrom', `state version ${String(state.version)} is not ${STATE_VERSION}`);
  if (state.valSubscores[0]?.length !== valsetSize)
    throw new GepaConfigError(
      'resumeFrom',
      `the checkpoint was scored on ${state.valSubscores[0]?.length ?? 0} val examples, this valset has ${valsetSize}`,
    );
  const seed = state.candidates[0] ?? {};
  const same =
    Object.keys(opts.seedCandidate).length === Object.keys(seed).length &&
    Object.entries(opts.seedCandidate).every(([k, v]) => seed[k] === v);
  if (!same) throw new GepaConfigError('resumeFrom', 'the checkpoint belongs to a run with a different seed candidate');
}

/** The small, mutable parts an iteration changes before it commits; restored when it is aborted. */
const ITERATION_FIELDS = [
  'rng',
  'sampler',
  'merge',
  'roundRobinNext',
  'totalMetricCalls',
  'numFullValEvals',
  'consecutiveErrors',
  'proposalCount',
  'totalReflectionCost',
  'pendingRound',
] as const satisfies readonly (keyof GepaState)[];

function snapshot(s: GepaState): string {
  return JSON.stringify(ITERATION_FIELDS.map((k) => s[k]));
}

function restore(s: GepaState, snap: string): void {
  const values = JSON.parse(snap) as unknown[];
  ITERATION_FIELDS.forEach((k, i) => Object.assign(s, { [k]: values[i] }));
}

export async function optimize<Data, Trajectory, Output>(
  opts: GepaOptions<Data, Trajectory, Output>,
): Promise<GepaResult> {
  const options = opts as GepaOptions;
  const config = resolveConfig(options);
  const trainset: unknown[] = [...options.trainset];
  // a copy even without a valset: items added to the trainset mid-run must not grow the valset
  const valset: unknown[] = [...(options.valset ?? options.trainset)];
  const valsetSize = valset.length;
  const handlers: CallbackHandlers[] =
    options.callbacks === undefined ? [] : Array.isArray(options.callbacks) ? options.callbacks : [options.callbacks];
  const emit = makeEmitter(handlers);
  const track = (e: Parameters<NonNullable<GepaOptions['onTrackingEvent']>>[0]) => {
    try {
      options.onTrackingEvent?.(e);
    } catch (err) {
      emit('onWarning', {
        iteration: state.iteration,
        message: `tracking consumer threw: ${String(err)}`,
        source: 'onTrackingEvent',
      });
    }
  };

  const resumed = !!options.resumeFrom;
  if (options.resumeFrom) checkResumable(options.resumeFrom, options, valsetSize);
  const state: GepaState = options.resumeFrom
    ? (JSON.parse(JSON.stringify(options.resumeFrom)) as GepaState)
    : createState({
        seed: config.seed,
        componentNames: Object.keys(options.seedCandidate),
        valsetSize,
        trackBestOutputs: config.trackBestOutputs,
        cacheEvaluation: config.cacheEvaluation,
      });
  if (config.cacheEvaluation && !state.evalCache) state.evalCache = {};
  // checkpoints from before reflection costs were counted, or from before rounds could overlap
  state.totalReflectionCost ??= 0;
  state.pendingRound ??= null;
  trainset.push(...state.trainsetAdded);
  const rng = new Rng(state.rng);
  const syncRng = () => (state.rng = rng.state());

  const signal = options.signal;
  const clock = options.clock;
  let sessionStart = clock ? clock() : 0;
  const elapsed = () => state.elapsedMs + (clock ? clock() - sessionStart : 0);

  const evaluator = new Evaluator({
    state,
    adapter: options.adapter,
    data: { train: trainset, val: valset },
    sameSets: !options.valset,
    cap: config.metricCallCap,
    failureScore: config.failureScore,
    emit,
    signal,
    trackNewCacheKeys: !!options.checkpoint,
    onMetricCalls: (total) =>
      track({ type: 'metrics', iteration: state.iteration + 1, metrics: { total_metric_calls: total } }),
  });
  const ctx: RunContext = {
    options,
    config,
    state,
    rng,
    adapter: options.adapter,
    trainset,
    valset,
    evaluator,
    emit,
    track,
    tracking: !!options.onTrackingEvent,
    selector: makeCandidateSelector(config.candidateSelectionStrategy, config.frontierType, {
      epsilon: config.epsilon,
      topK: config.topK,
    }),
    pickComponents: makeComponentPicker(config.moduleSelector),
    signal,
    checkAborted: () => {
      if (signal?.aborted) throw new AbortedError('aborted');
    },
  };

  const saveCheckpoint = async (iteration: number) => {
    syncRng();
    if (clock) {
      const now = clock();
      state.elapsedMs += now - sessionStart;
      sessionStart = now;
    }
    if (!options.checkpoint) return;
    const where = await options.checkpoint(state, { newCacheKeys: evaluator.takeNewCacheKeys() });
    emit('onStateSaved', { iteration, runDir: typeof where === 'string' ? where : null });
  };

  emit('onOptimizationStart', {
    seedCandidate: { ...options.seedCandidate },
    trainsetSize: trainset.length,
    valsetSize,
    config: describeConfig(config),
  });

  let stopReason = '';
  if (!resumed) {
    try {
      await registerCandidate(ctx, 0, options.seedCandidate, [null], 'seed');
    } catch (err) {
      if (err instanceof AbortedError) {
        stopReason = 'aborted before the seed was scored';
      } else {
        emit('onError', { iteration: 0, exception: err, willContinue: false });
        throw err;
      }
    }
    if (stopReason) throw new Error(`GEPA run ${stopReason}`);
    evaluator.commitCache();
    await saveCheckpoint(0);
  }

  const trainsetLoader: TrainsetHandle = {
    get size() {
      return trainset.length;
    },
    addItems(items) {
      trainset.push(...items);
      state.trainsetAdded.push(...items);
    },
  };

  const V = valsetSize;
  // rounds overlap only when there are several proposals a round (overlapRounds with 'single' sampling would
  // propose from a pool that lacks the one candidate the last round may have added)
  const overlap = config.overlapRounds && tasksPerRound(config.samplingStrategy) > 1;
  for (;;) {
    if (signal?.aborted) {
      stopReason = 'aborted';
      break;
    }
    // a decided round still waiting for its valset stage is finished (drained) before the run ends on a
    // stop condition, the budget (which kept its calls) or errors: its proposals are paid for
    let ending = '';
    const stop = config.stopCondition ? checkStop(config.stopCondition, { state, elapsedMs: elapsed() }) : null;
    if (stop) ending = stop;
    else if (state.consecutiveErrors >= config.maxConsecutiveErrors)
      ending = `${state.consecutiveErrors} consecutive iterations failed`;
    else {
      // the last rounds may use a smaller minibatch (see roundMinibatchSize): only a round that could not add
      // even a one-example proposal's child to the pool ends the run
      const cost = reflectiveIterationCost(1, V) + pendingCost(ctx);
      if (!evaluator.canAfford(cost))
        ending = `budget: the next iteration may need ${cost} metric calls and ${evaluator.remaining()} remain`;
    }
    if (ending && !state.pendingRound) {
      stopReason = ending;
      break;
    }

    const iteration = state.iteration + 1;
    syncRng();
    const snap = snapshot(state);
    const rollback = () => {
      restore(state, snap);
      rng.setState(state.rng);
      evaluator.dropPending();
    };
    emit('onIterationStart', { iteration, state, trainsetLoader });
    let accepted = false;
    try {
      const m = state.merge;
      const mergeDue = () =>
        config.useMerge &&
        m.mergesDue > 0 &&
        m.lastIterFoundNewProgram &&
        m.totalMergesTested < config.maxMergeInvocations;
      // as the reference: every candidate a round adds schedules a merge
      const scheduleMerges = (added: number) => {
        for (let k = 0; k < added && config.useMerge; k++) {
          m.lastIterFoundNewProgram = true;
          // scheduled plus tested never exceeds the cap: the cap is hard
          if (m.totalMergesTested + m.mergesDue < config.maxMergeInvocations) m.mergesDue++;
        }
      };
      let handled = false;
      const merging = mergeDue();
      if (state.pendingRound && (ending || merging)) {
        // a waiting round is finished alone when the run ends, and before a merge, which must see its winners
        const added = await finishPending(ctx);
        accepted = added.length > 0;
        scheduleMerges(added.length);
        handled = !!ending;
      }
      if (handled) {
        // the run ends after this iteration
      } else if (merging) {
        m.lastIterFoundNewProgram = false;
        const out = await proposeMerge(ctx, iteration);
        if ('proposal' in out) {
          handled = true;
          accepted = (await registerMerge(ctx, iteration, out.proposal, acceptMerge(out.proposal))).kind === 'accepted';
        }
      } else {
        m.lastIterFoundNewProgram = false;
      }
      if (!handled) {
        const out = overlap ? await overlappedIteration(ctx, iteration) : await reflectiveIteration(ctx, iteration);
        accepted = accepted || out.accepted.length > 0;
        scheduleMerges(out.accepted.length);
      }
      state.consecutiveErrors = 0;
    } catch (err) {
      if (err instanceof AbortedError || (signal?.aborted && !(err instanceof BudgetExhaustedError))) {
        // the interrupted iteration's work is discarded; a resume redoes it exactly
        rollback();
        stopReason = 'aborted';
        break;
      }
      if (err instanceof BudgetExhaustedError) {
        const spent = state.totalMetricCalls;
        rollback();
        state.totalMetricCalls = spent; // calls already made stay counted
        stopReason = err.message;
        break;
      }
      const willContinue = !config.raiseOnException && state.consecutiveErrors + 1 < config.maxConsecutiveErrors;
      emit('onError', { iteration, exception: err, willContinue });
      if (config.raiseOnException) throw err;
      state.consecutiveErrors++;
    }
    state.iteration = iteration;
    evaluator.commitCache();
    emit('onIterationEnd', { iteration, state, proposalAccepted: accepted });
    await saveCheckpoint(iteration);
  }
  syncRng();

  const result = GepaResult.fromState(state, stopReason);
  emit('onOptimizationEnd', {
    bestCandidateIdx: result.bestIdx,
    totalIterations: state.iteration,
    totalMetricCalls: state.totalMetricCalls,
    finalState: state,
    stopReason,
  });
  track({
    type: 'summary',
    summary: {
      bestCandidateIdx: result.bestIdx,
      bestValsetScore: result.valAggregateScores[result.bestIdx] as number,
      totalIterations: state.iteration,
      totalCandidates: state.candidates.length,
      totalMetricCalls: state.totalMetricCalls,
      stopReason,
      seed: { ...(state.candidates[0] ?? {}) },
      best: { ...result.bestCandidate },
    },
  });
  return result;
}
