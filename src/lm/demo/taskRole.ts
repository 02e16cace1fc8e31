// The demo model as a task LM: the system messages are the instruction, the user messages the
// question. It answers the demo task step it recognises, following the hidden rules the instruction
// states and making each missing rule's characteristic mistake. Like a real model it sometimes
// overlooks a stated rule: for about SLIP_PERCENT % of (instruction, question) pairs, decided by a
// hash of both, so rewording an instruction changes which examples it gets wrong (which gives
// candidates different strengths, and the Pareto front and merges something to work with). For
// anything it does not recognise it says plainly that it is a simulation.
import type { ChatMessage } from '../types.ts';
import { hashText, pick } from './hash.ts';
import { statedRuleIds } from './rules.ts';
import { locateStep } from './skills/index.ts';

export const SLIP_PERCENT = 6;

export function answerAsTaskLm(messages: readonly ChatMessage[]): string {
  const instruction = messages
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n');
  const user = messages
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n');
  const located = locateStep(user, instruction);
  if (!located) {
    const firstLine = user.trim().split('\n')[0]?.slice(0, 80) ?? '';
    return (
      '[demo model] I am an offline simulation that only knows the built-in demo tasks, ' +
      `so I cannot really answer "${firstLine}".`
    );
  }
  const stated = statedRuleIds(located.skill, located.step.name, instruction);
  const slip = hashText(`${instruction}\u0000${user}`);
  if (stated.size > 0 && slip % 100 < SLIP_PERCENT) stated.delete(pick([...stated], slip >>> 8));
  // the hash of the question alone: whether an answer gets wrapped is a property of the example
  return located.step.answer(user, (id) => stated.has(id), hashText(user));
}
