// The engine wants the reflection LM as `(prompt) => text`; this turns any LanguageModel into one.
import type { ReflectionLm } from '../engine/index.ts';
import type { LanguageModel } from '../lm/types.ts';

export function reflectionLmFrom(
  model: LanguageModel,
  opts: { temperature?: number; maxTokens?: number } = {},
): ReflectionLm {
  return async (prompt, signal) => {
    const res = await model.complete({
      messages: [{ role: 'user', content: prompt }],
      temperature: opts.temperature,
      maxTokens: opts.maxTokens,
      signal: signal as AbortSignal | undefined,
    });
    return res.text;
  };
}
