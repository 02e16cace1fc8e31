// The run history as the history page shows it: every stored run with the status to show and who drives
// it, and the origin's storage figures. Filled by the history actions (historyActions.ts).
import { create } from 'zustand';
import type { StorageFigures } from '../worker/runLibrary.ts';
import type { HistoryRow } from './storedRun.ts';

export interface HistoryState {
  rows: HistoryRow[];
  /** the first read has answered (rows may still be empty) */
  loaded: boolean;
  /** why the stored runs could not be read */
  error: string | null;
  figures: StorageFigures | null;
}

export const useHistoryStore = create<HistoryState>()(() => ({ rows: [], loaded: false, error: null, figures: null }));
