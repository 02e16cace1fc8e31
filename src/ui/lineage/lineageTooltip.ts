// What hovering a lineage node says: for a candidate its index, score, origin and the first line of
// each component; for a rejected proposal why it was rejected. Plain strings, rendered as text.
import type { ProposalRow } from '../../engine/index.ts';
import type { CandidateView } from '../../store/runStore.ts';
import { firstLine, formatScore } from '../common/format.ts';
import type { LineageNode } from './lineageLayout.ts';

export function describeLineageNode(
  node: LineageNode,
  candidates: readonly (CandidateView | undefined)[],
  proposalById: (id: number) => ProposalRow | undefined,
): string[] {
  if (node.kind === 'candidate') {
    const c = candidates[node.key];
    if (!c) return [`Candidate #${node.key}`];
    const r = c.row;
    const parents = r.parentIds.length ? ` from ${r.parentIds.map((p) => `#${p}`).join(' + ')}` : '';
    return [
      `Candidate #${r.candidateIdx} · val ${formatScore(r.valsetScore)}`,
      `${r.origin}${parents} · iteration ${r.iteration}`,
      ...Object.entries(r.texts).map(([name, text]) => `${name}: ${firstLine(text) || '(empty)'}`),
    ];
  }
  const p = proposalById(node.key);
  if (!p) return [`Proposal #${node.key} (rejected)`];
  const n = p.minibatchIds.length || 1;
  const scores =
    p.subsampleScoreBefore !== null && p.subsampleScoreAfter !== null
      ? ` · minibatch ${formatScore(p.subsampleScoreBefore / n)} → ${formatScore(p.subsampleScoreAfter / n)}`
      : '';
  return [
    `Proposal #${p.proposalId} (rejected) · ${p.component}`,
    `iteration ${p.iteration}${scores}`,
    ...(p.reason ? [firstLine(p.reason)] : []),
  ];
}
