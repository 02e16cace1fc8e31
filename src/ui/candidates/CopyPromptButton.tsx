// "Copy prompt": the candidate's component texts to the clipboard, with a brief confirmation (or the
// reason it failed: the clipboard needs a secure context and the page's focus).
import { useEffect, useState } from 'react';
import { promptText } from './candidateInfo.ts';

export function CopyPromptButton({ texts }: { texts: Record<string, string> }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const id = setTimeout(() => setState('idle'), 1800);
    return () => clearTimeout(id);
  }, [state]);
  const copy = () => {
    navigator.clipboard.writeText(promptText(texts)).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button type="button" data-testid="copy-prompt" className="primary" onClick={copy}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy prompt'}
    </button>
  );
}
