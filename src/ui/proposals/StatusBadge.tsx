// A proposal's status as a coloured badge; the reason (why it was rejected or skipped) shows on hover.
import type { ProposalStatus } from '../../engine/tracking.ts';
import { reasonText } from './proposalFormat.ts';

const TONE: Record<ProposalStatus, string> = { accepted: 'good', rejected: 'bad', skipped: 'neutral' };

export function StatusBadge({ status, reason }: { status: ProposalStatus; reason: string }) {
  return (
    <span className={`badge ${TONE[status]}`} title={reason ? reasonText(reason) : undefined}>
      {status}
    </span>
  );
}
