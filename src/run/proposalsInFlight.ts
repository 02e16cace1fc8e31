// How many of a round's proposals are reflecting right now, from the engine's onProposalStart and
// onProposalEnd: the run view's "3 of 4 proposals in flight". Quiet for a round of one proposal (the
// reference's behaviour, and most runs): it reports only once a second proposal of the same iteration
// starts, so single-proposal runs report nothing new.
import type { RunEvent } from './runEvent.ts';

type InFlightEvent = Extract<RunEvent, { type: 'inFlight' }>;

export interface ProposalsInFlight {
  start(iteration: number): void;
  end(iteration: number): void;
  /** the iteration is over: anything still counted (a proposal that never ended) is not in flight any more */
  iterationEnded(iteration: number): void;
}

export function proposalsInFlight(emit: (event: InFlightEvent) => void): ProposalsInFlight {
  let iteration = -1;
  let started = 0;
  let ended = 0;
  let reported = false;
  const report = () => {
    reported = true;
    emit({ type: 'inFlight', iteration, started, inFlight: Math.max(0, started - ended) });
  };
  const enter = (i: number) => {
    if (i === iteration) return;
    iteration = i;
    started = 0;
    ended = 0;
    reported = false;
  };
  return {
    start(i) {
      enter(i);
      started++;
      if (started > 1) report();
    },
    end(i) {
      enter(i);
      ended++;
      if (reported) report();
    },
    iterationEnded(i) {
      if (i === iteration && reported && started > ended) {
        ended = started;
        report();
      }
    },
  };
}
