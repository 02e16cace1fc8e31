// Tokens and cost per LM role, and what the evaluation cache saved.
import { useRunStore } from '../../store/runStore.ts';
import { cacheLine, usageRows } from './usageRows.ts';

export function UsageSummary() {
  const usage = useRunStore((s) => s.usage);
  const rows = usageRows(usage);
  const cache = cacheLine(usage);
  if (rows.length === 0 && !cache) return <span className="usage muted">no LM calls yet</span>;
  return (
    <ul className="usage" aria-label="LM usage">
      {rows.map((r) => (
        <li key={r.role}>
          <span className="usage-role">{r.role}</span> {r.tokens} · {r.calls} · <strong>{r.cost}</strong>
        </li>
      ))}
      {cache && <li className="usage-cache">{cache}</li>}
    </ul>
  );
}
