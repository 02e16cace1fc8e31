// The engine wants the reflection LM as `(prompt) => text` (with the call's cost when known, summed into the
// result's total_reflection_cost); this turns any LanguageModel into one.
import type { ReflectionLm } from '../engine/index.ts';
import type { Completion, LanguageModel } from '../lm/types.ts';

export function reflectionLmFrom(
  model: LanguageModel,
  opts: { temperature?: number; maxTokens?: number; costOf?: (completion: Completion) => number } = {},
): ReflectionLm {
  return async (prompt, signal) => {
    const res = await model.complete({
      messages: [{ role: 'user', content: prompt }],
      temperature: opts.temperature,
      maxTokens: opts.maxTokens,
      signal: signal as AbortSignal | undefined,
    });
    return opts.costOf ? { text: res.text, cost: opts.costOf(res) } : res.text;
  };
}
