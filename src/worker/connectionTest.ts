// "Test connection": one tiny completion against the configured endpoint with a short timeout and no
// retries, so the user learns within seconds whether the URL, model and key work. A network error in
// a browser is usually CORS, so its message carries the provider's CORS hint. The key is never echoed.
import { OpenAiLanguageModel } from '../lm/openAiLanguageModel.ts';
import { redactKey } from '../lm/errorMapping.ts';
import { corsHintFor, presetFor } from '../lm/presets.ts';
import { LmError } from '../lm/types.ts';
import type { ModelConfig } from '../run/runConfig.ts';
import type { ConnectionResult } from './protocol.ts';
import { errorMessage } from '../engine/index.ts';

export const CONNECTION_TEST_TIMEOUT_MS = 15_000;

export async function testConnection(
  model: ModelConfig,
  apiKey?: string,
  timeoutMs = CONNECTION_TEST_TIMEOUT_MS,
): Promise<ConnectionResult> {
  if (model.provider === 'demo')
    return {
      ok: true,
      message: 'The offline demo model runs in this tab: no connection or key needed (its answers are simulated).',
    };
  const preset = presetFor(model.provider);
  if (preset.needsKey && !apiKey)
    return { ok: false, message: `No API key: ${preset.label} needs one. Paste it into the key field.` };
  const { apiKeyEnv: _env, ...endpoint } = model;
  const lm = new OpenAiLanguageModel({
    ...endpoint,
    apiKey,
    timeoutMs: Math.min(endpoint.timeoutMs ?? timeoutMs, timeoutMs),
    maxRetries: 0,
  });
  const started = performance.now();
  try {
    const completion = await lm.complete({ messages: [{ role: 'user', content: 'Reply with the single word: ok' }] });
    const latencyMs = Math.round(performance.now() - started);
    return {
      ok: true,
      message: `Connected: ${model.model} at ${model.baseUrl} answered in ${latencyMs} ms.`,
      latencyMs,
      reply: redactKey(completion.text.trim().slice(0, 200), apiKey),
    };
  } catch (err) {
    let message = errorMessage(err);
    const hint = corsHintFor(model.provider);
    if (err instanceof LmError && err.kind === 'network' && !message.includes(hint)) message += ` ${hint}`;
    return { ok: false, message: redactKey(message, apiKey) };
  }
}
