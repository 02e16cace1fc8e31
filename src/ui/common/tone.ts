// The one mapping from a status or a score to the colour of its badge (the `good` / `bad` / `warn` /
// `neutral` classes of styles.css), so a run, a stored run, a proposal and a score read alike
// wherever they are shown.
import type { ProposalStatus } from '../../engine/tracking.ts';
import type { RunStatus } from '../../run/runEvent.ts';

export type Tone = 'good' | 'bad' | 'warn' | 'neutral';

/** A live or a stored run (a stored run's status is one of the run statuses). */
export function statusTone(status: RunStatus): Tone {
  switch (status) {
    case 'running':
    case 'finished':
      return 'good';
    case 'error':
      return 'bad';
    case 'pausing':
    case 'paused':
    case 'stopping':
    case 'stopped':
    case 'interrupted':
      return 'warn';
    default:
      return 'neutral';
  }
}

export function proposalTone(status: ProposalStatus): Tone {
  return status === 'accepted' ? 'good' : status === 'rejected' ? 'bad' : 'neutral';
}

/** A metric score in [0, 1]: full marks, none, or partial. */
export function scoreTone(score: number): Tone {
  return score >= 1 ? 'good' : score <= 0 ? 'bad' : 'warn';
}
