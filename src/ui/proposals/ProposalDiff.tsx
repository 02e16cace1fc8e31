// The proposal's text change: a word diff of the parent's text against the proposed text (for a merge,
// the common ancestor's candidate JSON against the merged candidate's). When the reflection output held
// no usable text (no fence, or a truncated one), nothing was tested: a diff against the raw reply would
// interleave two unrelated texts, so the parent's text and the raw reply are shown side by side instead.
import type { ProposalRow } from '../../engine/tracking.ts';
import { TextDiff } from '../common/TextDiff.tsx';
import { reasonText } from './proposalFormat.ts';

function Legend() {
  return (
    <p className="diff-legend muted">
      <del>removed</del> <ins>added</ins>
    </p>
  );
}

export function ProposalDiff({ row }: { row: ProposalRow }) {
  if (row.proposedText === '' && row.rawLmOutput === '') {
    if (row.parentText === '')
      return <p className="muted note">No text was proposed{row.reason ? `: ${reasonText(row.reason)}.` : '.'}</p>;
    return (
      <>
        <p className="muted note">No text was proposed. The parent's text:</p>
        <pre className="text-diff" data-testid="proposal-diff">
          {row.parentText}
        </pre>
      </>
    );
  }
  if (row.proposedText === '') {
    return (
      <>
        <p className="muted note">
          The reflection output held no usable text ({reasonText(row.reason)}), so nothing was tested. The parent's
          text, then what the LM replied:
        </p>
        <pre className="text-diff" data-testid="proposal-diff">
          {row.parentText}
        </pre>
        <pre className="text-diff raw-reply">{row.rawLmOutput}</pre>
      </>
    );
  }
  return (
    <>
      <Legend />
      <TextDiff before={row.parentText} after={row.proposedText} testId="proposal-diff" />
    </>
  );
}
