// A multi-objective run's per-objective Pareto front in the candidate view: for each objective, the
// candidates with the best valset mean on it and where the open candidate stands; folded below, every
// candidate's objective means with the front's cells marked. Nothing shows for a run without objectives.
import { useState } from 'react';
import type { CandidateView } from '../../store/runStore.ts';
import { formatScore } from '../common/format.ts';
import type { ObjectiveFront } from '../common/objectives.ts';

interface Props {
  fronts: readonly ObjectiveFront[];
  candidate: CandidateView;
  candidates: readonly (CandidateView | undefined)[];
  onOpen(idx: number): void;
}

/** chips shown per front before "and N more": a front of many ties is read from the table below */
const CHIPS = 12;

export function ObjectiveFronts({ fronts, candidate, candidates, onOpen }: Props) {
  const [showAll, setShowAll] = useState(false);
  if (fronts.length === 0) return null;
  const idx = candidate.row.candidateIdx;
  const onFront = fronts.filter((f) => f.programs.includes(idx)).map((f) => f.name);
  return (
    <section className="objective-fronts" data-testid="objective-fronts">
      <header className="section-head">
        <h4>Per-objective Pareto front</h4>
        <span className="muted">the candidates with the best valset mean on each objective</span>
        {onFront.length > 0 && (
          <span className="badge good" data-testid="objective-front-badge">
            #{idx} is best on {onFront.join(', ')}
          </span>
        )}
      </header>
      <table className="objective-table">
        <thead>
          <tr>
            <th>objective</th>
            <th className="num">#{idx}</th>
            <th className="num">best</th>
            <th>on its front</th>
          </tr>
        </thead>
        <tbody>
          {fronts.map((f) => {
            const mine = candidate.objectives?.aggregate[f.name];
            return (
              <tr key={f.name} data-testid={`objective-front-${f.name}`}>
                <td className="objective-name">{f.name}</td>
                <td className={`num${f.programs.includes(idx) ? ' on-front' : ''}`}>{formatScore(mine)}</td>
                <td className="num">{formatScore(f.best)}</td>
                <td className="chip-row">
                  {f.programs.slice(0, CHIPS).map((p) => (
                    <button
                      key={p}
                      type="button"
                      className={`chip${p === idx ? ' current' : ''}`}
                      onClick={() => onOpen(p)}
                      title={`open candidate #${p}`}
                    >
                      #{p} <span className="muted">{formatScore(candidates[p]?.row.valsetScore)}</span>
                    </button>
                  ))}
                  {f.programs.length > CHIPS && <span className="muted">and {f.programs.length - CHIPS} more</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <details className="objective-all" onToggle={(e) => setShowAll(e.currentTarget.open)}>
        <summary>Every candidate’s objective means</summary>
        {showAll && <AllCandidates fronts={fronts} candidates={candidates} current={idx} onOpen={onOpen} />}
      </details>
    </section>
  );
}

function AllCandidates({
  fronts,
  candidates,
  current,
  onOpen,
}: {
  fronts: readonly ObjectiveFront[];
  candidates: readonly (CandidateView | undefined)[];
  current: number;
  onOpen(idx: number): void;
}) {
  return (
    <div className="objective-all-scroll">
      <table className="objective-table" data-testid="objective-means">
        <thead>
          <tr>
            <th>candidate</th>
            <th className="num">val score</th>
            {fronts.map((f) => (
              <th key={f.name} className="num">
                {f.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) =>
            c ? (
              <tr
                key={c.row.candidateIdx}
                className={c.row.candidateIdx === current ? 'current' : undefined}
                onClick={() => onOpen(c.row.candidateIdx)}
              >
                <td>#{c.row.candidateIdx}</td>
                <td className="num">{formatScore(c.row.valsetScore)}</td>
                {fronts.map((f) => {
                  const best = f.programs.includes(c.row.candidateIdx);
                  return (
                    <td
                      key={f.name}
                      className={`num${best ? ' on-front' : ''}`}
                      title={best ? 'on the front' : undefined}
                    >
                      {formatScore(c.objectives?.aggregate[f.name])}
                      <span className="front-star" aria-hidden>
                        {best ? '★' : ''}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
    </div>
  );
}
