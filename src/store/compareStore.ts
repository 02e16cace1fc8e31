// The history's filters and picked runs (mirrored in the URL, historyRoute.ts) and the comparison of the
// two picked runs as the compare view shows it. Filled by compareActions.ts.
import { create } from 'zustand';
import type { Comparison } from './compareModel.ts';
import { EMPTY_QUERY } from './historyRoute.ts';
import type { HistoryQuery } from './historyRoute.ts';

export interface CompareState {
  query: HistoryQuery;
  comparison: Comparison | null;
  /** the two run ids `comparison` was computed for */
  of: [string, string] | null;
  loading: boolean;
  /** why the comparison could not be made (a run no longer stored) */
  error: string | null;
}

export const useCompareStore = create<CompareState>()(() => ({
  query: EMPTY_QUERY,
  comparison: null,
  of: null,
  loading: false,
  error: null,
}));
