// The demo model as a reflection LM. It reads the current instruction and the examples' feedback,
// finds which hidden rule the failures point to (the symptom counted most often wins) and rewrites
// the instruction to state it. It is imperfect on purpose, decided by a hash of the prompt (shares in
// SHARES below): some replies have no fence or a truncated one (the engine must reject them), some
// add a plausible but misleading rule, some lose a sentence of the old instruction, some fix the
// second most common problem. So proposals get rejected, and Pareto selection and merge have work.
import type { DemoRule } from './rules.ts';
import { isStated } from './rules.ts';
import { hashText, pick } from './hash.ts';
import { parseReflectionPrompt } from './reflectionPromptParse.ts';
import { appendSentence, dropSentence, removeRule, sentencesOf } from './instructionEdit.ts';
import { DEMO_SKILLS, locateStep } from './skills/index.ts';

export type ReflectionKind =
  'best' | 'second_choice' | 'dropped_sentence' | 'misleading' | 'unfenced' | 'truncated' | 'no_pattern';

export interface Revision {
  kind: ReflectionKind;
  /** the instruction the reply proposes (also for unfenced and truncated replies, which carry it badly) */
  instruction: string;
  reply: string;
}

/** Per cent of replies of each imperfect kind; the rest are the best fix. */
export const SHARES = { unfenced: 14, truncated: 7, misleading: 19, dropped_sentence: 10, second_choice: 10 } as const;
const UNFENCED = SHARES.unfenced;
const TRUNCATED = UNFENCED + SHARES.truncated;
const MISLEADING = TRUNCATED + SHARES.misleading;
const DROPPED = MISLEADING + SHARES.dropped_sentence;
const SECOND = DROPPED + SHARES.second_choice;

export interface RankedAction {
  rule: DemoRule;
  remove: boolean;
  count: number;
}

/** Fixes the feedback points to, most frequent first (ties in rule order). */
export function rankActions(prompt: string): { actions: RankedAction[]; current: string; step: string | null } {
  const { currentInstruction: current, records } = parseReflectionPrompt(prompt);
  const located = locateStep(records.map((r) => r.inputs).join('\n'), current);
  if (!located) return { actions: [], current, step: null };
  const actions: RankedAction[] = [];
  for (const rule of located.skill.rules) {
    if (rule.step !== located.step.name) continue;
    const stated = isStated(rule, current);
    if (rule.misleading ? !stated : stated) continue;
    const count = records.filter((r) => rule.symptom(r)).length;
    if (count > 0) actions.push({ rule, remove: !!rule.misleading, count });
  }
  actions.sort((a, b) => b.count - a.count);
  return { actions, current, step: located.step.name };
}

function apply(current: string, action: RankedAction, h: number): string {
  return action.remove ? removeRule(current, action.rule) : appendSentence(current, pick(action.rule.phrasings, h));
}

function fenced(lesson: string, instruction: string): string {
  return `The feedback shows that ${lesson}. Here is the revised instruction:\n\n\`\`\`\n${instruction}\n\`\`\``;
}

/** A plausible rule that does not help: a misleading one of this step, else one meant for another step. */
function distractor(current: string, step: string | null, h: number): DemoRule {
  const all = DEMO_SKILLS.flatMap((s) => s.rules);
  const misleading = all.filter((r) => r.step === step && r.misleading && !isStated(r, current));
  return pick(misleading.length > 0 ? misleading : all.filter((r) => r.step !== step && !r.misleading), h);
}

export function proposeRevision(prompt: string): Revision {
  const h = hashText(prompt);
  const roll = h % 100;
  const { actions, current, step } = rankActions(prompt);
  const best = actions[0];
  if (!best) {
    const instruction = appendSentence(current, 'Read the input carefully and check the answer before replying.');
    return {
      kind: 'no_pattern',
      instruction,
      reply:
        'I could not find a repeated mistake in the feedback, so I only tightened the wording:\n\n' +
        `\`\`\`\n${instruction}\n\`\`\``,
    };
  }
  const lesson = best.remove
    ? `the instruction's own advice misleads the model: ${best.rule.lesson}`
    : best.rule.lesson;
  const improved = apply(current, best, h >>> 8);
  if (roll < UNFENCED) {
    const said = best.remove
      ? 'I would remove the advice that causes it.'
      : `I would add: ${pick(best.rule.phrasings, h >>> 8)}`;
    return { kind: 'unfenced', instruction: improved, reply: `The feedback shows that ${lesson}. ${said}` };
  }
  if (roll < TRUNCATED) {
    return {
      kind: 'truncated',
      instruction: improved,
      reply: `Here is the revised instruction:\n\n\`\`\`\n${improved.slice(0, Math.ceil(improved.length * 0.6))}`,
    };
  }
  if (roll < MISLEADING) {
    const wrong = distractor(current, step, h >>> 8);
    const instruction = appendSentence(current, pick(wrong.phrasings, h >>> 12));
    return { kind: 'misleading', instruction, reply: fenced(wrong.lesson, instruction) };
  }
  const sentences = sentencesOf(current);
  if (roll < DROPPED && sentences.length >= 2) {
    const instruction = apply(dropSentence(current, pick(sentences, h >>> 12)), best, h >>> 8);
    return { kind: 'dropped_sentence', instruction, reply: fenced(lesson, instruction) };
  }
  const second = actions[1];
  if (roll < SECOND && second) {
    const instruction = apply(current, second, h >>> 8);
    const why = second.remove
      ? `the instruction's own advice misleads the model: ${second.rule.lesson}`
      : second.rule.lesson;
    return { kind: 'second_choice', instruction, reply: fenced(why, instruction) };
  }
  return { kind: 'best', instruction: improved, reply: fenced(lesson, improved) };
}
