// The stored runs, newest first: one row each with its figures and actions, and a box that picks it for
// comparison (A, then B). A row can open a form under it (the API keys a resume needs) and shows the
// error of its last action.
import { useState } from 'react';
import type { HistoryRow } from '../../store/storedRun.ts';
import { useNow } from '../common/useNow.ts';
import { formatScore, formatUsd } from '../common/format.ts';
import { statusTone } from '../common/tone.ts';
import { driverNote, formatBytes, formatWhen } from './historyFormat.ts';
import { HistoryRowActions } from './HistoryRowActions.tsx';
import { ResumeKeysForm } from './ResumeKeysForm.tsx';
import { useCompareStore } from '../../store/compareStore.ts';
import { pickRun } from '../../store/compareActions.ts';

/** label, class (alignment) and width; the run's name takes what is left */
const COLUMNS: [string, string | undefined, number | undefined][] = [
  ['Run (tick two to compare)', undefined, undefined],
  ['Status', undefined, 190],
  ['Best', 'num', 64],
  ['Budget used', 'num', 100],
  ['Cost', 'num', 64],
  ['Started', undefined, 100],
  ['Last activity', undefined, 100],
  ['Storage', 'num', 76],
  ['', undefined, 364],
];

function budgetText(used: number, cap: number | null): string {
  return cap === null
    ? used.toLocaleString('en-US')
    : `${used.toLocaleString('en-US')} / ${cap.toLocaleString('en-US')}`;
}

export function HistoryTable({ rows }: { rows: HistoryRow[] }) {
  const now = useNow(true, 60_000);
  const [asking, setAsking] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const pickA = useCompareStore((s) => s.query.a);
  const pickB = useCompareStore((s) => s.query.b);
  const setError = (runId: string, message: string | null) =>
    setErrors((e) => {
      const { [runId]: _old, ...rest } = e;
      return message === null ? rest : { ...rest, [runId]: message };
    });
  return (
    <table className="history-table" data-testid="history-table">
      <colgroup>
        {COLUMNS.map(([label, , width]) => (
          <col key={label} style={width === undefined ? undefined : { width }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {COLUMNS.map(([label, cls]) => (
            <th key={label} className={cls}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const r = row.record;
          const s = r.summary;
          const note = driverNote(row);
          const pick = r.id === pickA ? 'A' : r.id === pickB ? 'B' : null;
          return [
            <tr
              key={r.id}
              data-testid={`history-row-${r.id}`}
              data-status={row.status}
              className={asking === r.id ? 'expanded' : undefined}
            >
              <td className="history-run" title={`${r.name} (${r.id})`}>
                <label
                  className="pick"
                  title={pick ? `Picked as ${pick} for comparison (untick to unpick)` : 'Pick it for comparison'}
                >
                  <input
                    type="checkbox"
                    data-testid={`history-pick-${r.id}`}
                    checked={pick !== null}
                    onChange={() => pickRun(r.id)}
                  />
                  {pick && <span className={`pick-label pick-${pick.toLowerCase()}`}>{pick}</span>}
                </label>
                <span className="name">{r.name}</span>
                <span className="run-id muted">{r.id.slice(0, 8)}</span>
              </td>
              <td>
                <span className={`badge ${statusTone(row.status)}`}>{row.status}</span>
                {note && <span className="driver-note muted">{note}</span>}
              </td>
              <td className="num">{formatScore(s.bestScore)}</td>
              <td className="num" title={`${s.iterations} iterations, ${s.candidates} candidates`}>
                {budgetText(s.metricCalls, s.cap)}
              </td>
              <td className="num">{formatUsd(s.costUsd)}</td>
              <td className="when">{formatWhen(r.createdAt, now)}</td>
              <td className="when">{formatWhen(r.updatedAt, now)}</td>
              <td className="num">{formatBytes(r.bytes)}</td>
              <td className="actions">
                <HistoryRowActions
                  row={row}
                  onAskKeys={() => setAsking(asking === r.id ? null : r.id)}
                  onError={(m) => setError(r.id, m)}
                />
              </td>
            </tr>,
            asking === r.id && (
              <tr key={`${r.id}-keys`} className="row-extra">
                <td colSpan={COLUMNS.length}>
                  <ResumeKeysForm record={r} onDone={() => setAsking(null)} onError={(m) => setError(r.id, m)} />
                </td>
              </tr>
            ),
            errors[r.id] && (
              <tr key={`${r.id}-error`} className="row-extra">
                <td colSpan={COLUMNS.length} className="row-error" role="alert" data-testid={`history-error-${r.id}`}>
                  {errors[r.id]}
                </td>
              </tr>
            ),
          ];
        })}
      </tbody>
    </table>
  );
}
