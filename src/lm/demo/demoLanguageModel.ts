// The offline demo model: a LanguageModel that needs no key and no network and is clearly a
// simulation. Its answers are a pure function of the messages (see respond.ts); only the reported
// latency reads a clock. Usage is estimated at about four characters a token, and a maxTokens limit
// cuts the reply the way a real endpoint truncates it.
import type { Completion, CompletionRequest, LanguageModel } from '../types.ts';
import { LmError } from '../types.ts';
import { estimateTokens } from './hash.ts';
import { respond } from './respond.ts';

/** Bumped whenever the model's answers change, so cached evaluations of an older demo model are not reused. */
export const DEMO_MODEL_VERSION = 1;
export const DEMO_MODEL_NAME = 'demo-simulated';
export const DEMO_MODEL_LABEL = 'Demo model (simulated, offline)';

export interface DemoLanguageModelOptions {
  /** simulated time per call in ms (default 0) */
  latencyMs?: number;
}

function aborted(signal?: AbortSignal): LmError {
  const why = signal?.reason instanceof Error ? `: ${signal.reason.message}` : '';
  return new LmError(`the demo model call was aborted${why}`, 'demo', 'aborted');
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class DemoLanguageModel implements LanguageModel {
  readonly id = 'demo';
  readonly settingsKey = `demo:v${DEMO_MODEL_VERSION}`;
  readonly label = DEMO_MODEL_LABEL;
  readonly simulated = true;
  private readonly latencyMs: number;

  constructor(options: DemoLanguageModelOptions = {}) {
    this.latencyMs = Math.max(0, options.latencyMs ?? 0);
  }

  async complete(request: CompletionRequest): Promise<Completion> {
    const started = performance.now();
    if (request.signal?.aborted) throw aborted(request.signal);
    let { text } = respond(request.messages);
    if (request.maxTokens !== undefined && request.maxTokens > 0 && estimateTokens(text) > request.maxTokens)
      text = text.slice(0, request.maxTokens * 4);
    if (this.latencyMs > 0) await wait(this.latencyMs, request.signal);
    return {
      text,
      usage: {
        promptTokens: estimateTokens(request.messages.map((m) => m.content).join('\n')),
        completionTokens: estimateTokens(text),
      },
      latencyMs: performance.now() - started,
      model: DEMO_MODEL_NAME,
    };
  }
}
