// Text helpers shared by the builtin metrics: SQuAD-style answer normalisation and short quoted
// excerpts for feedback (the reflection LM reads the feedback, so long outputs are clipped, not pasted).
export interface NormalizeOptions {
  caseSensitive?: boolean;
}

/** SQuAD's normalize_answer: lower case, drop punctuation, drop articles (a, an, the), squeeze spaces. */
export function normalizeAnswer(text: string, options: NormalizeOptions = {}): string {
  const cased = options.caseSensitive ? text : text.toLowerCase();
  return cased
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\b(a|an|the)\b/gi, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

export function tokens(text: string): string[] {
  const normalized = normalizeAnswer(text);
  return normalized ? normalized.split(' ') : [];
}

/** Collapses runs of whitespace (and, unless case-sensitive, case) for containment checks. */
export function squeeze(text: string, options: NormalizeOptions = {}): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return options.caseSensitive ? s : s.toLowerCase();
}

/** `"text"`, clipped in the middle of long text so both the start and the end stay visible. */
export function quote(text: string, max = 300): string {
  if (text.length <= max) return `"${text}"`;
  const half = Math.floor((max - 20) / 2);
  return `"${text.slice(0, half)}… [${text.length - 2 * half} characters omitted] …${text.slice(-half)}"`;
}

export function list(items: string[], max = 12): string {
  const shown = items
    .slice(0, max)
    .map((s) => `"${s}"`)
    .join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
