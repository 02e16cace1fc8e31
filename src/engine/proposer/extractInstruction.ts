// Taking the new text out of the reflection LM's reply. Only a complete fenced block counts: a reply
// without a fence, or with an opening fence that never closes (a truncated reply), is rejected rather
// than adopted as a prompt.
export type Extraction = { ok: true; text: string } | { ok: false; reason: string };

const FENCE = /^[ \t]*(`{3,}|~{3,})[^\n`]*$/gm;

export function extractInstruction(reply: string): Extraction {
  const raw = reply.replace(/\r\n?/g, '\n');
  const fences = [...raw.matchAll(FENCE)];
  if (fences.length === 0) return { ok: false, reason: 'no fenced block in the reflection output' };
  const open = fences[0] as RegExpMatchArray;
  const marker = (open[1] as string)[0] as string;
  const openLen = (open[1] as string).length;
  // the block closes at the last fence of the same kind and at least the same length
  const close = [...fences.slice(1)]
    .reverse()
    .find(
      (f) => (f[1] as string)[0] === marker && (f[1] as string).length >= openLen && /^[ \t]*[`~]+[ \t]*$/.test(f[0]),
    );
  if (!close) return { ok: false, reason: 'unterminated fenced block (the reflection output looks truncated)' };
  const start = (open.index as number) + open[0].length + 1;
  const end = close.index as number;
  const text = raw
    .slice(start, Math.max(start, end))
    .replace(/\s+$/, '')
    .replace(/^\s*\n/, '');
  if (text.trim().length === 0) return { ok: false, reason: 'empty fenced block in the reflection output' };
  return { ok: true, text };
}
