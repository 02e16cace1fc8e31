// Per-example scores of a candidate with its outputs and the expected answers (all as text), and the
// compared candidate's score beside each, to see where the two differ.
import { useMemo, useState } from 'react';
import type { CandidateView } from '../../store/runStore.ts';
import type { Example } from '../../tasks/types.ts';
import { formatScore } from '../common/format.ts';
import { scoreTone } from '../common/tone.ts';
import { exampleRows, filterRows } from './exampleRows.ts';
import type { ExampleFilter } from './exampleRows.ts';

interface Props {
  valExamples: readonly Example[];
  candidate: CandidateView;
  compare: CandidateView | null;
}

/** rows rendered at first: a 500-example valset would otherwise cost every candidate switch a long frame */
const PAGE = 100;

const tone = (s: number | null) => (s === null ? '' : scoreTone(s));

export function ExampleScores({ valExamples, candidate, compare }: Props) {
  const [filter, setFilter] = useState<ExampleFilter>('all');
  const [limit, setLimit] = useState(PAGE);
  const all = useMemo(() => exampleRows(valExamples, candidate, compare), [valExamples, candidate, compare]);
  const rows = useMemo(() => filterRows(all, filter), [all, filter]);
  const idx = candidate.row.candidateIdx;
  return (
    <section className="example-scores">
      <header className="section-head">
        <h4>Val examples</h4>
        <span className="muted">
          {rows.length} of {all.length}
        </span>
        <select
          value={filter}
          onChange={(e) => setFilter(e.target.value as ExampleFilter)}
          aria-label="filter examples"
        >
          <option value="all">all</option>
          <option value="imperfect">score below 1</option>
          {compare && <option value="differs">differs from #{compare.row.candidateIdx}</option>}
        </select>
      </header>
      <div className="example-table-wrap">
        <table className="example-table">
          <thead>
            <tr>
              <th>id</th>
              <th>input</th>
              <th>expected</th>
              <th>output of #{idx}</th>
              <th className="num">#{idx}</th>
              {compare && <th className="num">#{compare.row.candidateIdx}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map((r) => (
              <tr key={r.index}>
                <td className="ex-id">{r.id}</td>
                <td>
                  <pre>{r.input}</pre>
                </td>
                <td>
                  <pre>{r.expected}</pre>
                </td>
                <td>
                  <pre>{r.output}</pre>
                </td>
                <td className={`num score ${tone(r.score)}`}>{formatScore(r.score)}</td>
                {compare && <td className={`num score ${tone(r.compareScore)}`}>{formatScore(r.compareScore)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted empty-note">No examples match.</p>}
        {rows.length > limit && (
          <button type="button" className="show-more" onClick={() => setLimit((l) => l + 4 * PAGE)}>
            Show {Math.min(4 * PAGE, rows.length - limit)} more of {rows.length - limit} remaining
          </button>
        )}
      </div>
    </section>
  );
}
