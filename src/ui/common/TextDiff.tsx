// A word-level diff of two texts (the `diff` package), rendered as text nodes only: prompts and LM
// output are never interpreted as HTML.
import { diffWordsWithSpace } from 'diff';
import './textDiff.css';

export function TextDiff({ before, after, testId }: { before: string; after: string; testId?: string }) {
  const parts = diffWordsWithSpace(before, after);
  return (
    <pre className="text-diff" data-testid={testId}>
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i}>{p.value}</ins>
        ) : p.removed ? (
          <del key={i}>{p.value}</del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </pre>
  );
}
