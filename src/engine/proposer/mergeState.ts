// Merge bookkeeping, part of GepaState so a resumed run neither repeats a merge nor exceeds the cap.
export interface MergeState {
  /** Merges scheduled by recent reflective acceptances and not yet attempted. */
  mergesDue: number;
  /** Merges evaluated so far; never exceeds maxMergeInvocations. */
  totalMergesTested: number;
  lastIterFoundNewProgram: boolean;
  /** "i,j,ancestor" triplets already tried. */
  triedTriplets: string[];
  /** "i,j|desc" combinations already produced (desc: which program each component came from). */
  producedDescriptors: string[];
}

export function emptyMergeState(): MergeState {
  return {
    mergesDue: 0,
    totalMergesTested: 0,
    lastIterFoundNewProgram: false,
    triedTriplets: [],
    producedDescriptors: [],
  };
}
