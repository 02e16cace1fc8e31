// Editing an instruction the way the demo reflection role does: one rule per line appended, and
// "sentences" (lines, or sentences within a line) that can be dropped or removed whole.
import type { DemoRule } from './rules.ts';
import { isStated } from './rules.ts';

/** The instruction's sentences in order: each line, split where a sentence end meets a capital. */
export function sentencesOf(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=["“(]?[A-Z])/))
    .map((s) => s.trim())
    .filter(Boolean);
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t]{2,}/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export function dropSentence(text: string, sentence: string): string {
  const at = text.indexOf(sentence);
  return at < 0 ? text : tidy(text.slice(0, at) + text.slice(at + sentence.length));
}

/** Removes every sentence that states the rule. */
export function removeRule(text: string, rule: DemoRule): string {
  return sentencesOf(text)
    .filter((s) => isStated(rule, s))
    .reduce((acc, s) => dropSentence(acc, s), text);
}

export function appendSentence(text: string, sentence: string): string {
  const base = text.trim();
  return base ? `${base}\n${sentence}` : sentence;
}
