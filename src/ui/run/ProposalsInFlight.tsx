// "3 of 4 proposals in flight" beside the budget while a round of several proposals is reflecting; nothing
// for a round of one (most runs), nor once the run is not running.
import { useRunStore } from '../../store/runStore.ts';

export function ProposalsInFlight() {
  const f = useRunStore((s) => (s.status === 'running' ? s.inFlight : null));
  if (!f) return null;
  return (
    <span
      className="in-flight"
      data-testid="run-in-flight"
      title={`Iteration ${f.iteration}: ${f.started} proposals started; these are still waiting for the reflection LM`}
    >
      {f.inFlight} of {f.started} proposals in flight
    </span>
  );
}
