// A model config (which never holds a key) and its key, as the LanguageModel that calls it: the offline
// demo model, or an OpenAI-compatible endpoint. One place, so a run and the setup view's metric trial
// talk to a model the same way.
import { DemoLanguageModel } from '../lm/demo/index.ts';
import { OpenAiLanguageModel } from '../lm/openAiLanguageModel.ts';
import type { LanguageModel, LmEndpointConfig } from '../lm/types.ts';
import type { ModelConfig } from './runConfig.ts';

export interface ModelOptions {
  apiKey?: string;
  /** LM calls in flight on this client (the endpoint's shared limit is a separate layer) */
  concurrency?: number;
  /** simulated latency of the demo model, in ms */
  demoLatencyMs?: number;
  /** the fetch an endpoint's client calls (default: the global one) */
  fetch?: typeof fetch;
}

export function languageModelFor(model: ModelConfig, options: ModelOptions = {}): LanguageModel {
  if (model.provider === 'demo') return new DemoLanguageModel({ latencyMs: options.demoLatencyMs ?? 0 });
  const { apiKeyEnv: _env, ...endpoint } = model;
  return new OpenAiLanguageModel({
    ...(endpoint as LmEndpointConfig),
    apiKey: options.apiKey,
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
