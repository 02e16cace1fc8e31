// The last few warnings and errors of the run, one line each; the full message on hover.
import { useRunStore } from '../../store/runStore.ts';
import { recentProblems } from './runStats.ts';

export function RecentLog() {
  const logs = useRunStore((s) => s.logs);
  const problems = recentProblems(logs, 2);
  if (problems.length === 0) return null;
  return (
    <ul className="recent-log" aria-label="recent warnings and errors">
      {problems.map((l, i) => (
        <li key={`${l.at}-${i}`} className={l.level} title={l.message}>
          <span className="log-level">{l.level}</span>
          {l.iteration !== undefined && <span className="muted">it {l.iteration}</span>}
          <span className="log-message">{l.message}</span>
        </li>
      ))}
    </ul>
  );
}
