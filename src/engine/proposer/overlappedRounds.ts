// Overlapped rounds (`overlapRounds` with several proposals a round). A lock-step round waits for its
// winners' valset evaluations (the longest stage: the whole valset per winner) before the next round can
// start. Here iteration k scores and admits round k-1's winners while it proposes round k from them (a
// round proposed from the pool without them mostly rediscovered the fix they carry: measured, it needed
// about 1.5x the calls); round k then waits, decided, in the state (`pendingRound`) for iteration k+1.
// What each stage sees is fixed by the iteration number, never by which call returns first, so the run
// stays reproducible, and a checkpoint taken between iterations holds the waiting round, so a resume
// continues it exactly.
import type { RunContext } from '../context.ts';
import type { Candidate } from '../types.ts';
import { admitRound, proposeRound, reportRejected, scoreWinners, winnersCost } from './reflective.ts';
import type { DecidedRound, ReflectiveOutcome, SpeculativeParent } from './reflective.ts';

/** The metric calls the waiting round's valset stage may still spend (0 when none waits). */
export function pendingCost(ctx: RunContext): number {
  const round = ctx.state.pendingRound;
  return round ? winnersCost(ctx, round) : 0;
}

/** Scores and admits the waiting round alone (before a merge, or when the run ends); the indices it added. */
export async function finishPending(ctx: RunContext): Promise<number[]> {
  const round = ctx.state.pendingRound;
  if (!round) return [];
  const scored = await scoreWinners(ctx, round);
  ctx.state.pendingRound = null;
  return admitRound(ctx, round, scored).accepted;
}

/**
 * One overlapped iteration. The waiting round's first selected child is the new round's parent: it enters
 * the pool (as the pool's next index) unless its valset gate stops it, so the new round proposes from it
 * while it is still being scored, and the two stages run together. A new round whose parent the gate
 * stopped is void: its proposals are reported rejected and their calls are spent (the gate stops few).
 */
export async function overlappedIteration(ctx: RunContext, iteration: number): Promise<ReflectiveOutcome> {
  const { state } = ctx;
  const pending = state.pendingRound ?? null;
  const poolSize = state.candidates.length;
  const first = pending?.selected[0];
  const leader = first === undefined ? undefined : pending?.proposals[first];
  const parent: SpeculativeParent | undefined = leader && {
    idx: poolSize,
    candidate: leader.child as Candidate,
    parentIdx: leader.task.parentIdx,
  };
  const deferred: (() => void)[] = [];
  // the new round starts first: at a shared concurrency limit its few calls (the critical path) queue
  // ahead of the valset stage's many; its random draws also come first, then the waiting round's gate's
  const proposing = proposeRound(ctx, iteration, pending ? winnersCost(ctx, pending) : 0, parent, deferred);
  const scoring = pending ? scoreWinners(ctx, pending) : Promise.resolve(null);
  // both settle before either failure counts (see settleAll): an abort rolls the whole iteration back
  const [decided, scored] = await Promise.allSettled([proposing, scoring]);
  if (scored.status === 'rejected') throw scored.reason;
  if (decided.status === 'rejected') throw decided.reason;

  const round = decided.value;
  const gateStopped = first !== undefined && !!scored.value?.stopped.has(first);
  if (gateStopped) {
    // the pointer set for the speculative parent belongs to no candidate; the index goes to the next one
    state.roundRobinNext.length = Math.min(state.roundRobinNext.length, poolSize);
    voidRound(ctx, round, deferred);
  }
  const accepted = pending && scored.value ? admitRound(ctx, pending, scored.value).accepted : [];
  for (const report of deferred) report();
  if (round.selected.length > 0) {
    state.pendingRound = round;
  } else {
    // nothing to score: the round's rejections are reported now
    state.pendingRound = null;
    admitRound(ctx, round, { stopped: new Map(), valsets: [] });
  }
  return { accepted };
}

/** A round whose speculative parent was stopped by its valset gate: nothing of it can enter the pool. */
function voidRound(ctx: RunContext, round: DecidedRound, deferred: (() => void)[]): void {
  const reason = "its parent, a child of the previous round, was stopped by that child's valset gate";
  for (const p of round.proposals) p.orphan = true;
  const open = round.proposals.filter((p) => !p.done);
  round.selected = [];
  round.duplicates = [];
  for (const p of open) {
    p.done = true;
    deferred.push(() => reportRejected(ctx, round.iteration, p, reason));
  }
}
