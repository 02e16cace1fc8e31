// Word diff of each component against another candidate (by default the first parent).
import type { CandidateView } from '../../store/runStore.ts';
import { TextDiff } from '../common/TextDiff.tsx';
import { formatScore } from '../common/format.ts';

interface Props {
  candidate: CandidateView;
  target: CandidateView | null;
  candidates: readonly (CandidateView | undefined)[];
  onChoose(idx: number | null): void;
}

export function CandidateCompare({ candidate, target, candidates, onChoose }: Props) {
  const idx = candidate.row.candidateIdx;
  const components = Object.keys(candidate.row.texts);
  return (
    <section className="candidate-compare">
      <header className="section-head">
        <h4>Compare with</h4>
        <select
          data-testid="candidate-compare"
          value={target ? String(target.row.candidateIdx) : ''}
          onChange={(e) => onChoose(e.target.value === '' ? null : Number(e.target.value))}
        >
          {!target && <option value="">choose a candidate…</option>}
          {candidates.map((c) =>
            c && c.row.candidateIdx !== idx ? (
              <option key={c.row.candidateIdx} value={c.row.candidateIdx}>
                #{c.row.candidateIdx} · {formatScore(c.row.valsetScore)} · {c.row.origin}
                {candidate.row.parentIds.includes(c.row.candidateIdx) ? ' (parent)' : ''}
              </option>
            ) : null,
          )}
        </select>
        {target && (
          <span className="muted">
            removed from #{target.row.candidateIdx} struck through, added in #{idx} highlighted
          </span>
        )}
      </header>
      {target ? (
        <div data-testid="candidate-diff" className="candidate-diff">
          {components.map((name) => (
            <div key={name} className="component-block">
              <div className="component-name">{name}</div>
              <TextDiff before={target.row.texts[name] ?? ''} after={candidate.row.texts[name] ?? ''} />
            </div>
          ))}
        </div>
      ) : (
        <p className="muted">The seed has no parent: choose a candidate to see how it differs.</p>
      )}
    </section>
  );
}
