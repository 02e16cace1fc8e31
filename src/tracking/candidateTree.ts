// The candidate tree an HTML renderer draws after each accepted candidate: the candidates so far, as the
// tracking stream reported them. A renderer is injected (the HTML report can replace the plain one).
import type { CandidateRow } from '../engine/index.ts';

export interface CandidateTree {
  /** by candidate index; parents always come before their children */
  candidates: CandidateRow[];
  /** the best candidate so far (highest valset score; the earliest on a tie) */
  bestIdx: number;
}

export type CandidateTreeHtml = (tree: CandidateTree) => string;
