// The demo tasks the model knows, and how it tells which step of which task a text belongs to: the
// step's own recogniser on the user message (or the reflection prompt's inputs) counts most, the
// instruction's wording breaks ties (the format step's inputs also contain a phone number).
import type { DemoSkill, DemoStep } from '../rules.ts';
import { contactsSkill } from './contacts.ts';
import { sentimentSkill } from './sentiment.ts';
import { unitsSkill } from './units.ts';

export const DEMO_SKILLS: readonly DemoSkill[] = [contactsSkill, unitsSkill, sentimentSkill];

export interface LocatedStep {
  skill: DemoSkill;
  step: DemoStep;
}

export function locateStep(inputs: string, instruction: string): LocatedStep | null {
  const lowerInstruction = instruction.toLowerCase();
  let best: LocatedStep | null = null;
  let bestScore = 0;
  for (const skill of DEMO_SKILLS) {
    for (const step of skill.steps) {
      const score = (step.recognizes(inputs) ? 2 : 0) + (step.hint.test(lowerInstruction) ? 1 : 0);
      if (score > bestScore) {
        best = { skill, step };
        bestScore = score;
      }
    }
  }
  return best;
}
