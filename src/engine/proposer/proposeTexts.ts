// The reflection step of one proposal: the reflection LM (or a custom proposer) asked once per
// component, its replies turned into new texts, failures kept per component with their reason.
import type { Candidate, ReflectiveDataset } from '../types.ts';
import type { RunContext } from '../context.ts';
import { buildReflectionPrompt, templateFor } from './reflectionPrompt.ts';
import { extractInstruction } from './extractInstruction.ts';

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
  // one call per component, in parallel; results are keyed by component so order cannot matter
  const replies = await Promise.all(components.map((c) => lm(prompts[c] as string, ctx.signal)));
  const out: ProposedTexts = { texts: {}, prompts, raw: {}, failures: {}, cost: 0 };
  components.forEach((c, k) => {
    const reply = replies[k];
    const raw = typeof reply === 'string' ? reply : typeof reply?.text === 'string' ? reply.text : '';
    const cost = typeof reply === 'object' ? reply?.cost : undefined;
    if (typeof cost === 'number' && Number.isFinite(cost)) out.cost += cost;
    out.raw[c] = raw;
    const ex = extractInstruction(raw);
    if (ex.ok) out.texts[c] = ex.text;
    else out.failures[c] = ex.reason;
  });
  return out;
}
