// The demo model as an LLM judge: given a rubric prompt that asks for a JSON score and feedback, it
// compares the response with the reference answer when the prompt shows one (word overlap) and
// otherwise gives a hash-derived mid-range score, always as well-formed JSON on the prompt's scale.
import { hashText } from './hash.ts';

export function looksLikeJudgePrompt(text: string): boolean {
  return (
    /\bjson\b/i.test(text) &&
    /\bscore\b/i.test(text) &&
    /\b(rubric|grade|grading|judge|evaluat\w*|assess\w*|rate)\b/i.test(text)
  );
}

/** The text after a labelled line ("Reference answer:", "## Output" …) up to the next label or blank line. */
function section(text: string, label: RegExp): string | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = label.exec(lines[i] as string);
    if (!m) continue;
    const first = (lines[i] as string).slice(m.index + m[0].length).trim();
    const rest = [first];
    let j = i + 1;
    if (!first) while (j < lines.length && /^\s*$/.test(lines[j] as string)) j++;
    for (
      ;
      j < lines.length &&
      !/^\s*$/.test(lines[j] as string) &&
      !/^\s*(#|[A-Z][\w ]{0,30}:\s*$)/.test(lines[j] as string);
      j++
    )
      rest.push(lines[j] as string);
    const body = rest.join('\n').trim();
    if (body) return body;
  }
  return null;
}

/** A label line: "Label:" or a markdown heading "## Label". */
function labelled(name: string): RegExp {
  return new RegExp(`^\\s*(?:#+\\s*${name}\\b\\s*:?|${name}\\s*:)\\s*`, 'i');
}

function terms(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9]+(?:[.'-][a-z0-9]+)*/g) ?? []);
}

/** The top of the scale the prompt asks for: 10 for "1-10", 5 for "1 to 5", 100 for "0-100", else 1. */
function scaleOf(text: string): number {
  const m = /\b[01]\s*(?:-|–|to)\s*(5|10|100)\b/.exec(text);
  return m ? Number(m[1]) : 1;
}

export function judge(prompt: string): string {
  const reference = section(prompt, labelled('(?:expected|reference|gold|correct)(?: answer| output)?'));
  const response = section(
    prompt,
    labelled('(?:response|output(?: to grade)?|generated output|prediction|candidate answer|answer)'),
  );
  const scale = scaleOf(prompt);
  let score: number;
  let feedback: string;
  if (reference && response && !/^\(none( given)?\)$/i.test(reference)) {
    const want = terms(reference);
    const got = terms(response);
    const missing = [...want].filter((w) => !got.has(w));
    score = want.size === 0 ? 1 : (want.size - missing.length) / want.size;
    feedback =
      missing.length === 0
        ? 'The response contains everything the reference answer has.'
        : `The response covers ${want.size - missing.length} of ${want.size} key terms of the reference answer; ` +
          `it misses: ${missing.slice(0, 8).join(', ')}.`;
  } else {
    score = 0.3 + (hashText(prompt) % 7) / 10;
    feedback =
      'No reference answer was given; judged on the rubric alone, ' +
      'the response is plausible but could follow the rubric more closely.';
  }
  const scaled = Math.round(score * scale * 100) / 100;
  return JSON.stringify({ score: scaled, feedback: `[demo judge] ${feedback}` });
}
