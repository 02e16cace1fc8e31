// How the candidate list and the score matrix order their candidates: by val score or by index.
import type { CandidateSort } from './candidateInfo.ts';

interface CandidateSortSelectProps {
  caption: string;
  /** what is sorted, for screen readers */
  label: string;
  value: CandidateSort;
  onChange(sort: CandidateSort): void;
}

export function CandidateSortSelect({ caption, label, value, onChange }: CandidateSortSelectProps) {
  return (
    <label className="muted">
      {caption}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as CandidateSort)} aria-label={label}>
        <option value="score">by val score</option>
        <option value="index">by index</option>
      </select>
    </label>
  );
}
