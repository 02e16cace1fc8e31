// Per-example wins and losses: on the val examples both runs scored (matched by id when both datasets
// map one, else by input text), A's best candidate against B's. Counts, then the list, filterable by
// outcome; a row opens to the full input and both outputs. All text is rendered as text.
import { useState } from 'react';
import type { Comparison, ExampleOutcome, Outcome } from '../../store/compareModel.ts';
import { firstLine, formatScore } from '../common/format.ts';

const LIMIT = 200;
const WINNER_LABEL: Record<Outcome, string> = { a: 'A wins', b: 'B wins', tie: 'tie' };

function Row({ o }: { o: ExampleOutcome }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <tr
        className={`cmp-example ${open ? 'open' : ''}`}
        data-testid="compare-example"
        data-winner={o.winner}
        onClick={() => setOpen(!open)}
        title="Show the input and both outputs"
      >
        <td className="cmp-input">
          {firstLine(o.input, 120)}
          <span className="muted cmp-id">{o.idA === o.idB ? o.idA : `${o.idA} / ${o.idB}`}</span>
        </td>
        <td className="cmp-expected">{o.expected ?? '—'}</td>
        <td className="num">{formatScore(o.scoreA)}</td>
        <td className="num">{formatScore(o.scoreB)}</td>
        <td>
          <span className={`cmp-winner cmp-winner-${o.winner}`}>{WINNER_LABEL[o.winner]}</span>
        </td>
      </tr>
      {open && (
        <tr className="cmp-example-detail">
          <td colSpan={5}>
            <div className="cmp-detail-grid">
              <div>
                <h5>Input</h5>
                <pre>{o.input}</pre>
              </div>
              <div>
                <h5>A's output</h5>
                <pre>{o.outputA}</pre>
              </div>
              <div>
                <h5>B's output</h5>
                <pre>{o.outputB}</pre>
              </div>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

export function CompareExamples({ comparison }: { comparison: Comparison }) {
  const ex = comparison.examples;
  const [only, setOnly] = useState<Outcome | 'all'>('all');
  const rows = only === 'all' ? ex.shared : ex.shared.filter((o) => o.winner === only);
  const counts: [Outcome | 'all', string, number][] = [
    ['all', 'shared', ex.shared.length],
    ['a', 'A wins', ex.winsA],
    ['b', 'B wins', ex.winsB],
    ['tie', 'ties', ex.ties],
  ];
  return (
    <section className="panel compare-examples" data-testid="compare-examples">
      <header className="panel-head">
        <h3>Per-example wins and losses</h3>
        <span className="muted">
          best candidates on the val examples both runs scored, matched by{' '}
          {ex.matchedBy === 'id' ? 'example id' : 'input text'}
          {ex.onlyA + ex.onlyB > 0 && ` · ${ex.onlyA} only in A, ${ex.onlyB} only in B`}
        </span>
      </header>
      <div className="cmp-counts" role="group" aria-label="show examples by outcome">
        {counts.map(([key, label, n]) => (
          <button
            key={key}
            type="button"
            className={`cmp-count ${only === key ? 'active' : ''} ${key === 'all' ? '' : `cmp-winner-${key}`}`}
            data-testid={`compare-count-${key}`}
            aria-pressed={only === key}
            onClick={() => setOnly(key)}
          >
            <strong>{n}</strong> {label}
          </button>
        ))}
      </div>
      {ex.shared.length === 0 ? (
        <p className="muted">The two runs share no scored val example.</p>
      ) : (
        <table className="compare-table">
          <colgroup>
            <col />
            <col style={{ width: '18%' }} />
            <col style={{ width: 70 }} />
            <col style={{ width: 70 }} />
            <col style={{ width: 80 }} />
          </colgroup>
          <thead>
            <tr>
              <th>Example</th>
              <th>Expected</th>
              <th className="num">A</th>
              <th className="num">B</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, LIMIT).map((o) => (
              <Row key={o.key} o={o} />
            ))}
          </tbody>
        </table>
      )}
      {rows.length > LIMIT && (
        <p className="muted">
          The first {LIMIT} of {rows.length} are listed.
        </p>
      )}
    </section>
  );
}
