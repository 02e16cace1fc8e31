// The reflection step of one proposal: the reflection LM (or a custom proposer) asked once per
// component, its replies turned into new texts, failures kept per component with their reason.
import type { Candidate, ReflectiveDataset } from '../types.ts';
import type { RunContext } from '../context.ts';
import { buildReflectionPrompt, templateFor } from './reflectionPrompt.ts';
import { extractInstruction } from './extractInstruction.ts';

/** Added to the prompt when a reply is asked again: what was wrong with the last one. */
export const RETRY_NOTE =
  '\n\nYour previous reply did not contain the new instruction in a complete ``` fenced block. ' +
  'Reply again with the full new instruction inside ``` fences.';

export interface ProposedTexts {
  texts: Record<string, string>;
  prompts: Record<string, string>;
  raw: Record<string, string>;
  failures: Record<string, string>;
  /** what the reflection calls reported costing (0 when they report nothing) */
  cost: number;
}

export async function proposeTexts(
  ctx: RunContext,
  parent: Candidate,
  dataset: ReflectiveDataset,
  components: string[],
): Promise<ProposedTexts> {
  const custom = ctx.options.customCandidateProposer ?? ctx.adapter.proposeNewTexts?.bind(ctx.adapter);
  if (custom) {
    const texts = await custom(parent, dataset, components, ctx.signal);
    const failures: Record<string, string> = {};
    const kept: Record<string, string> = {};
    for (const c of components) {
      const t = texts[c];
      if (typeof t === 'string' && t.trim() !== '') kept[c] = t;
      else failures[c] = 'the proposer returned no text for this component';
    }
    return { texts: kept, prompts: {}, raw: { ...texts }, failures, cost: 0 };
  }
  const lm = ctx.options.reflectionLm!;
  const prompts: Record<string, string> = {};
  for (const c of components) {
    prompts[c] = buildReflectionPrompt(
      templateFor(ctx.options.reflectionPromptTemplate, c),
      parent[c] ?? '',
      dataset[c] ?? [],
    );
  }
  const out: ProposedTexts = { texts: {}, prompts, raw: {}, failures: {}, cost: 0 };
  // one call per component, in parallel; results are keyed by component so order cannot matter. A reply
  // with no usable instruction is asked again (reflectionRetries): the minibatch it reflects on is paid for
  let asking = components;
  for (let attempt = 0; asking.length > 0 && attempt <= ctx.config.reflectionRetries; attempt++) {
    const prompt = (c: string) => (prompts[c] as string) + (attempt > 0 ? RETRY_NOTE : '');
    const replies = await Promise.all(asking.map((c) => lm(prompt(c), ctx.signal)));
    asking.forEach((c, k) => {
      const reply = replies[k];
      const raw = typeof reply === 'string' ? reply : typeof reply?.text === 'string' ? reply.text : '';
      const cost = typeof reply === 'object' ? reply?.cost : undefined;
      if (typeof cost === 'number' && Number.isFinite(cost)) out.cost += cost;
      out.raw[c] = raw;
      const ex = extractInstruction(raw);
      if (ex.ok) {
        out.texts[c] = ex.text;
        delete out.failures[c];
        if (attempt > 0) out.prompts[c] = prompt(c);
      } else out.failures[c] = ex.reason;
    });
    asking = asking.filter((c) => c in out.failures);
  }
  return out;
}
