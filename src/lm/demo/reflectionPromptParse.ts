// Reading a GEPA reflection prompt: the current instruction is the first fenced block; the examples
// are "# Example N" sections with "## Inputs", "## Generated Outputs", "## Final Output" and
// "## Feedback" subsections (the shape the engine's reflection prompt and the adapters produce).
import { DEFAULT_REFLECTION_TEMPLATE } from '../../engine/index.ts';
import type { FeedbackRecord } from './rules.ts';
import { feedbackFailed } from './feedback.ts';

export interface ParsedReflectionPrompt {
  currentInstruction: string;
  records: FeedbackRecord[];
}

const FENCE = /```[^\n`]*\n([\s\S]*?)\n?```/;
/** the default template's closing request, which would otherwise read as part of the last feedback */
const TEMPLATE_TAIL = DEFAULT_REFLECTION_TEMPLATE.split('{{examples}}')[1] ?? '';

export function looksLikeReflectionPrompt(text: string): boolean {
  return FENCE.test(text) && /^#{1,3}\s*Example\s+\d+/m.test(text) && /feedback/i.test(text);
}

function sections(chunk: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = chunk.split(/^##\s+(.+?)\s*$/m);
  for (let i = 1; i < parts.length; i += 2) out.set((parts[i] as string).toLowerCase(), (parts[i + 1] ?? '').trim());
  return out;
}

function find(sec: Map<string, string>, test: (name: string) => boolean): string {
  for (const [name, body] of sec) if (test(name)) return body;
  return '';
}

export function parseReflectionPrompt(prompt: string): ParsedReflectionPrompt {
  const fence = FENCE.exec(prompt);
  const currentInstruction = (fence?.[1] ?? '').trim();
  let afterFence = prompt.slice((fence?.index ?? 0) + (fence?.[0].length ?? 0));
  if (TEMPLATE_TAIL && afterFence.endsWith(TEMPLATE_TAIL)) afterFence = afterFence.slice(0, -TEMPLATE_TAIL.length);
  const chunks = afterFence.split(/^#\s*Example\s+\d+\s*$/m).slice(1);
  const records = chunks.map((chunk): FeedbackRecord => {
    const sec = sections(chunk);
    const feedback = find(sec, (n) => n.includes('feedback'));
    return {
      inputs: find(sec, (n) => n.includes('input')),
      output: find(sec, (n) => n.includes('output') && !n.includes('final')),
      finalOutput: find(sec, (n) => n.includes('final')),
      feedback,
      failed: feedbackFailed(feedback),
    };
  });
  return { currentInstruction, records };
}
