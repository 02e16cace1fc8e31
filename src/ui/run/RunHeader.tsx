// The run header: status, budget progress and headline numbers, LM usage, controls, export/import and
// the latest warnings. An imported run shows the same numbers without the controls.
import { useRunStore } from '../../store/runStore.ts';
import { RecentLog } from './RecentLog.tsx';
import { RunControls } from './RunControls.tsx';
import { RunProgress } from './RunProgress.tsx';
import { RunTransfer } from './RunTransfer.tsx';
import { TrackingOutcome } from './TrackingOutcome.tsx';
import { UsageSummary } from './UsageSummary.tsx';
import { statusTone } from '../common/tone.ts';
import { stopLimitReason } from './stopLimitReason.ts';
import './run.css';
import './stopLimitReason.css';

const READ_ONLY_LABELS = {
  import: 'read-only import',
  stored: 'read-only: saved run',
  'other-tab': 'read-only: driven in another tab',
} as const;
const READ_ONLY_TITLES = {
  import: 'Opened from an exported file: views only, no controls',
  stored: 'A run saved in this browser: resume it from the history to continue',
  'other-tab': 'Another tab is running this run; this view follows it live',
} as const;

export function RunHeader() {
  const status = useRunStore((s) => s.status);
  const statusMessage = useRunStore((s) => s.statusMessage);
  const readOnly = useRunStore((s) => s.readOnly);
  const readOnlySource = useRunStore((s) => s.readOnlySource);
  const name = useRunStore((s) => s.config?.name ?? 'GEPA run');
  const tone = statusTone(status);
  const limitReason = stopLimitReason(status, statusMessage);
  return (
    <section className="panel run-header" aria-label="run">
      <div className="run-header-top">
        <span data-testid="run-status" className={`badge run-status-badge${tone === 'neutral' ? '' : ` ${tone}`}`}>
          {status}
        </span>
        <h2 className="run-title" title={name}>
          {name}
        </h2>
        {readOnly && (
          <span className="badge warn" title={READ_ONLY_TITLES[readOnlySource ?? 'import']}>
            {READ_ONLY_LABELS[readOnlySource ?? 'import']}
          </span>
        )}
        {/* the message takes the free width and is cut first, so the buttons stay on this line */}
        <span
          data-testid="run-status-message"
          className={`run-status-message${status === 'error' ? ' error' : ''}`}
          title={statusMessage}
        >
          {limitReason === null ? statusMessage : ''}
        </span>
        {!readOnly && <RunControls />}
        <RunTransfer canExport={status !== 'idle' || readOnly} />
      </div>
      {limitReason !== null && (
        <p className="run-stop-limit" data-testid="run-stop-limit">
          <strong>Stopped:</strong> {limitReason}
          <span className="muted"> — a stop limit of this run&apos;s setup, reached before its budget was spent</span>
        </p>
      )}
      <RunProgress />
      <div className="run-header-bottom">
        <UsageSummary />
        <RecentLog />
      </div>
      <TrackingOutcome />
    </section>
  );
}
