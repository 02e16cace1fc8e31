// Which part the demo model plays for a conversation, and its answer in that part. A reflection
// prompt (a fenced instruction plus "# Example" sections with feedback) is checked first, then a
// judge prompt (a rubric asking for a JSON score); anything else is a task question.
import type { ChatMessage } from '../types.ts';
import { looksLikeReflectionPrompt } from './reflectionPromptParse.ts';
import { proposeRevision } from './reflectionRole.ts';
import { judge, looksLikeJudgePrompt } from './judgeRole.ts';
import { answerAsTaskLm } from './taskRole.ts';

export type DemoRole = 'reflection' | 'judge' | 'task';

export function demoRoleOf(messages: readonly ChatMessage[]): DemoRole {
  const text = messages.map((m) => m.content).join('\n\n');
  if (looksLikeReflectionPrompt(text)) return 'reflection';
  if (looksLikeJudgePrompt(text)) return 'judge';
  return 'task';
}

export function respond(messages: readonly ChatMessage[]): { role: DemoRole; text: string } {
  const role = demoRoleOf(messages);
  const text = messages.map((m) => m.content).join('\n\n');
  if (role === 'reflection') return { role, text: proposeRevision(text).reply };
  if (role === 'judge') return { role, text: judge(text) };
  return { role, text: answerAsTaskLm(messages) };
}
