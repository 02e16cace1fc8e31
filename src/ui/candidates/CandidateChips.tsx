// Parents or children of a candidate as chips that open the candidate they name.
import { formatScore } from '../common/format.ts';
import type { CandidateView } from '../../store/runStore.ts';

interface Props {
  label: string;
  testId: string;
  indices: readonly number[];
  candidates: readonly (CandidateView | undefined)[];
  empty: string;
  onOpen(idx: number): void;
}

export function CandidateChips({ label, testId, indices, candidates, empty, onOpen }: Props) {
  return (
    <div className="chip-row" data-testid={testId}>
      <span className="chip-label">{label}</span>
      {indices.length === 0 && <span className="muted">{empty}</span>}
      {indices.map((idx) => (
        <button key={idx} type="button" className="chip" onClick={() => onOpen(idx)} title={`open candidate #${idx}`}>
          #{idx} <span className="muted">{formatScore(candidates[idx]?.row.valsetScore)}</span>
        </button>
      ))}
    </div>
  );
}
