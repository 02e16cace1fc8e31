// A proposal's status as a coloured badge; the reason (why it was rejected or skipped) shows on hover.
import type { ProposalStatus } from '../../engine/tracking.ts';
import { proposalTone } from '../common/tone.ts';
import { reasonText } from './proposalFormat.ts';

export function StatusBadge({ status, reason }: { status: ProposalStatus; reason: string }) {
  return (
    <span className={`badge ${proposalTone(status)}`} title={reason ? reasonText(reason) : undefined}>
      {status}
    </span>
  );
}
