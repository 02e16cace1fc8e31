// Moving between the run's tabs from a chart, the lineage or a chip: one place decides what opening a
// candidate or a proposal selects, so every view jumps the same way.
import { useUiStore } from '../../store/uiStore.ts';

/** Select a candidate, compare it with its default (first parent) again, and show the candidates tab. */
export function openCandidate(idx: number): void {
  const ui = useUiStore.getState();
  ui.selectCandidate(idx);
  ui.setCompare(null);
  ui.setRunTab('candidates');
}

export function openProposal(proposalId: number): void {
  const ui = useUiStore.getState();
  ui.selectProposal(proposalId);
  ui.setRunTab('proposals');
}
