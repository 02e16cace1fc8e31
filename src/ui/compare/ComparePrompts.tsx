// The two best prompts as a word diff, one per component (program step): A's text → B's text, removed
// words struck through, added ones underlined. Rendered as text, never HTML.
import type { Comparison } from '../../store/compareModel.ts';
import '../common/textDiff.css';

export function ComparePrompts({ comparison }: { comparison: Comparison }) {
  const { prompts, a, b } = comparison;
  return (
    <section className="panel compare-prompts" data-testid="compare-prompts">
      <header className="panel-head">
        <h3>Best prompts</h3>
        <span className="muted">
          A's candidate #{a.bestIdx ?? '—'} → B's candidate #{b.bestIdx ?? '—'}: <del>only in A</del>{' '}
          <ins>only in B</ins>
        </span>
      </header>
      {prompts.length === 0 && <p className="muted">Neither run has a candidate yet.</p>}
      {prompts.map((p) => (
        <div key={p.component} className="cmp-prompt" data-testid={`compare-prompt-${p.component}`}>
          <h4>
            {p.component}
            <span className="muted">
              {p.same
                ? ' · the same text'
                : p.a === undefined
                  ? ' · only in B'
                  : p.b === undefined
                    ? ' · only in A'
                    : ''}
            </span>
          </h4>
          <pre className="text-diff">
            {p.parts.map(([op, text], i) =>
              op === 1 ? (
                <ins key={i}>{text}</ins>
              ) : op === -1 ? (
                <del key={i}>{text}</del>
              ) : (
                <span key={i}>{text}</span>
              ),
            )}
          </pre>
        </div>
      ))}
    </section>
  );
}
