// A long LM text in a <pre>, clamped to a few lines with a toggle to show it all, so the prompt (often
// hundreds of lines) does not push the rest of the detail pane out of reach. Text nodes only.
import { useState } from 'react';
import { formatCount, lineCount } from './proposalFormat.ts';

// a text this short shows in full, without a toggle
const CLAMP_LINES = 14;
const CLAMP_CHARS = 1400;

export function LongText({ text, testId, label }: { text: string; testId: string; label: string }) {
  const lines = lineCount(text);
  const long = lines > CLAMP_LINES || text.length > CLAMP_CHARS;
  const [expanded, setExpanded] = useState(false);
  return (
    <div className="long-text">
      <pre className={`text-block${long && !expanded ? ' clamped' : ''}`} data-testid={testId} aria-label={label}>
        {text}
      </pre>
      {long && (
        <button type="button" className="link" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Collapse' : `Show all ${formatCount(lines)} lines`}
        </button>
      )}
    </div>
  );
}
