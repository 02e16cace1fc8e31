// The run view's proposals tab: which proposals were accepted, rejected or skipped and why. The table
// (filtered here, sorted and virtualised in ProposalsTable) sits beside the opened proposal.
import { useMemo, useRef, useState } from 'react';
import { useRunStore } from '../../store/runStore.ts';
import { useUiStore } from '../../store/uiStore.ts';
import { componentOptions, filterProposals, NO_FILTER, statusCounts, type ProposalFilter } from './proposalFilters.ts';
import { ProposalDetail } from './ProposalDetail.tsx';
import { ProposalsTable } from './ProposalsTable.tsx';
import { ProposalsToolbar } from './ProposalsToolbar.tsx';
import { useFillHeight } from '../common/useFillHeight.ts';
import './proposals.css';

export function ProposalsView() {
  const proposals = useRunStore((s) => s.proposals);
  const selectedId = useUiStore((s) => s.selectedProposal);
  const selectProposal = useUiStore((s) => s.selectProposal);
  const [filter, setFilter] = useState<ProposalFilter>(NO_FILTER);
  // applied in the same render as the control changes (searching is cheap: each row's text is lowered
  // once), so the rows never disagree with the filters on screen
  const rows = useMemo(() => filterProposals(proposals, filter), [proposals, filter]);
  const components = useMemo(() => componentOptions(proposals), [proposals]);
  const counts = useMemo(() => statusCounts(proposals), [proposals]);
  const viewRef = useRef<HTMLDivElement>(null);
  const height = useFillHeight(viewRef, 420, 12);
  const selected = useMemo(
    () => (selectedId === null ? undefined : proposals.find((p) => p.proposalId === selectedId)),
    [proposals, selectedId],
  );

  return (
    <div className="proposals-view" ref={viewRef} style={{ height }}>
      <div className="proposals-main">
        <ProposalsToolbar
          filter={filter}
          onChange={setFilter}
          components={components}
          counts={counts}
          shown={rows.length}
          total={proposals.length}
        />
        {proposals.length === 0 ? (
          <p className="proposals-empty panel muted">
            No proposals yet: the first arrives when the first iteration ends.
          </p>
        ) : (
          <ProposalsTable
            rows={rows}
            selectedId={selectedId}
            onSelect={selectProposal}
            empty={
              <>
                No proposal matches these filters.{' '}
                <button type="button" className="link" onClick={() => setFilter(NO_FILTER)}>
                  Clear the filters
                </button>
              </>
            }
          />
        )}
      </div>
      {selected ? (
        <ProposalDetail key={selected.proposalId} row={selected} />
      ) : (
        <div className="proposal-placeholder panel muted">
          Select a proposal to see its diff against the parent, the feedback the reflection LM saw, its raw output and
          the prompt it was sent. The arrow keys move through the table.
        </div>
      )}
    </div>
  );
}
