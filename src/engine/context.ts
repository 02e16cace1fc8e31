// What one running optimisation shares between the loop and the proposers.
import type { AbortSignalLike } from './types.ts';
import type { GepaAdapter, GepaOptions } from './types.ts';
import type { GepaState } from './state.ts';
import type { ResolvedConfig } from './config.ts';
import type { Emit } from './callbacks.ts';
import type { Rng } from './rng.ts';
import type { Evaluator } from './evaluator.ts';
import type { TrackingEvent, ProposalRow } from './tracking.ts';
import type { CandidateSelector } from './strategies/candidateSelectors.ts';
import type { ComponentPicker } from './strategies/componentSelectors.ts';

export interface RunContext {
  options: GepaOptions;
  config: ResolvedConfig;
  state: GepaState;
  rng: Rng;
  adapter: GepaAdapter;
  trainset: unknown[];
  valset: unknown[];
  evaluator: Evaluator;
  emit: Emit;
  track: (e: TrackingEvent) => void;
  /** Whether a tracking consumer listens: rows that copy the fronts are only built then. */
  tracking: boolean;
  selector: CandidateSelector;
  pickComponents: ComponentPicker;
  signal: AbortSignalLike | undefined;
  /** Throws the abort reason when the run's signal has fired; called after every await. */
  checkAborted: () => void;
}

export type ProposalDraft = Omit<ProposalRow, 'proposalId' | 'metricCallsAt'>;

/** Emits a proposal row with the next id. */
export function trackProposal(ctx: RunContext, row: ProposalDraft): void {
  ctx.track({
    type: 'proposal',
    row: { ...row, proposalId: ctx.state.proposalCount++, metricCallsAt: ctx.state.totalMetricCalls },
  });
}

export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
