// A word-level diff (the `diff` package, as the studio's proposal view uses) in a compact form for the
// report: [op, text] pairs, op 0 kept, 1 added, -1 removed. Kept and removed parts rebuild the old text,
// kept and added the new one, so a proposal carries its diff instead of both texts.
import { diffWordsWithSpace } from 'diff';

export type DiffOp = 0 | 1 | -1;
export type DiffPart = [DiffOp, string];

export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [[0, before]] : [];
  return diffWordsWithSpace(before, after).map((p): DiffPart => [p.added ? 1 : p.removed ? -1 : 0, p.value]);
}

/** The text on one side of a diff: -1 the old text, 1 the new one. */
export function diffSide(parts: readonly DiffPart[], side: -1 | 1): string {
  return parts
    .filter(([op]) => op === 0 || op === side)
    .map(([, text]) => text)
    .join('');
}
