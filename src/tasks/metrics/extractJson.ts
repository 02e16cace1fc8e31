// LMs wrap JSON in prose or in a ``` fence. This finds the JSON anyway: the whole text, then the first
// fenced block, then the outermost {...}; if none parses, it reports the parser's complaint.
import { errorMessage } from '../../engine/index.ts';

export type JsonExtraction = { ok: true; value: unknown } | { ok: false; error: string };

function tryParse(text: string): JsonExtraction {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, error: errorMessage(err) };
  }
}

export function extractJson(text: string): JsonExtraction {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'the text is empty' };
  const whole = tryParse(trimmed);
  if (whole.ok) return whole;
  const fence = /```[\w-]*[ \t]*\r?\n?([\s\S]*?)```/.exec(trimmed);
  const fenced = fence ? tryParse((fence[1] as string).trim()) : undefined;
  if (fenced?.ok) return fenced;
  const open = trimmed.indexOf('{');
  const close = trimmed.lastIndexOf('}');
  if (open !== -1 && close > open) {
    const braced = tryParse(trimmed.slice(open, close + 1));
    if (braced.ok) return braced;
    return fenced ?? braced;
  }
  return fenced ?? whole;
}

export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
