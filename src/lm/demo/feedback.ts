// Reading answers and feedback the way the demo model's roles need: labels, numbers and contact
// fields out of free text, and whether a feedback text reports a failure.

/** Whether feedback reports that the example was not (fully) right. */
export function feedbackFailed(feedback: string): boolean {
  const score = /\bscore\b\D{0,4}(\d+(?:\.\d+)?)/i.exec(feedback);
  if (score) return Number(score[1]) < 1;
  // a verdict up front decides ("Correct: … as expected" is a success despite the word "expected")
  if (/^\W*(?:correct|exact match|perfect)\b/i.test(feedback)) return false;
  if (
    new RegExp(
      String.raw`\b(incorrect|wrong|mismatch|missing|expected|not (?:one of|valid|a number|correct|equal)|` +
        String.raw`could not|does not|doesn't|failed)\b`,
      'i',
    ).test(feedback)
  )
    return true;
  return !/\b(correct|exact match|matches|perfect)\b/i.test(feedback);
}

/** The value if the whole text is one number (thousands separators allowed), else null. */
export function bareNumber(text: string): number | null {
  const t = text.trim().replace(/,(?=\d{3}\b)/g, '');
  if (!/^[-−]?\d+(?:\.\d+)?$/.test(t)) return null;
  return Number(t.replace('−', '-'));
}

export interface ContactFields {
  name?: string;
  company?: string;
  phone?: string;
}

/** Contact fields from a JSON object or from "name: …" lines; null when neither is there. */
export function contactFields(text: string): ContactFields | null {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const obj: unknown = JSON.parse(trimmed);
      if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
        const out: ContactFields = {};
        for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
          const key = k.toLowerCase();
          if ((key === 'name' || key === 'company' || key === 'phone') && typeof v === 'string') out[key] = v;
        }
        return out;
      }
    } catch {
      // not JSON: fall through to the line form
    }
  }
  const out: ContactFields = {};
  for (const m of text.matchAll(/^\s*[-*]?\s*(name|company|phone)\s*[:=]\s*(.*?)\s*$/gim)) {
    out[(m[1] as string).toLowerCase() as keyof ContactFields] = m[2] as string;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** Whether the text is a JSON object. */
export function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text.trim());
    return !!v && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}
