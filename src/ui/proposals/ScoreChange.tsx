// Minibatch score before → after, with the change marked ▲ (better) or ▼ (worse).
import { formatScore, scoreDelta } from './proposalFormat.ts';

export function ScoreChange({ before, after }: { before: number | null; after: number | null }) {
  const delta = scoreDelta(before, after);
  return (
    <span className="score-change">
      <span>{formatScore(before)}</span>
      <span className="muted"> → </span>
      <span>{formatScore(after)}</span>
      {delta.text && <span className={`delta ${delta.trend}`}>{delta.text}</span>}
    </span>
  );
}
