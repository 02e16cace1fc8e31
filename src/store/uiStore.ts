// What the user is looking at: the selected candidate and proposal, the candidate to diff against,
// and the active view. Kept apart from run data so selecting never re-renders the charts' data.
import { create } from 'zustand';

export type View = 'setup' | 'run' | 'history' | 'compare';
/** 'best': an inference-time search's best output per task */
export type RunTab = 'overview' | 'proposals' | 'candidates' | 'matrix' | 'best';

export interface UiStore {
  view: View;
  runTab: RunTab;
  selectedCandidate: number | null;
  compareCandidate: number | null;
  selectedProposal: number | null;
  showRejectedInLineage: boolean;
  setView(view: View): void;
  setRunTab(tab: RunTab): void;
  selectCandidate(idx: number | null): void;
  setCompare(idx: number | null): void;
  selectProposal(id: number | null): void;
  toggleRejectedInLineage(): void;
  /** Shows a (new, resumed or imported) run from its overview, with nothing selected. */
  openRunOverview(): void;
}

export const useUiStore = create<UiStore>()((set) => ({
  view: 'setup',
  runTab: 'overview',
  selectedCandidate: null,
  compareCandidate: null,
  selectedProposal: null,
  showRejectedInLineage: false,
  setView: (view) => set({ view }),
  setRunTab: (runTab) => set({ runTab }),
  selectCandidate: (selectedCandidate) => set({ selectedCandidate }),
  setCompare: (compareCandidate) => set({ compareCandidate }),
  selectProposal: (selectedProposal) => set({ selectedProposal }),
  toggleRejectedInLineage: () => set((s) => ({ showRejectedInLineage: !s.showRejectedInLineage })),
  openRunOverview: () =>
    set({ selectedCandidate: null, selectedProposal: null, compareCandidate: null, runTab: 'overview', view: 'run' }),
}));
