// Provider presets: where each OpenAI-compatible provider lives, the headers a browser call needs, and
// what to tell the user when a browser call fails with a bare network error (the browser hides CORS
// failures behind "Failed to fetch", so the hint is the only explanation the user will get).
// Invariant: presets are plain data; nothing here performs I/O.
import type { Price, PriceTable, ProviderId } from './types.ts';

export type HttpProviderId = Exclude<ProviderId, 'demo'>;

export interface ProviderPreset {
  id: HttpProviderId;
  label: string;
  /** ends in /v1 (or the provider's equivalent): the client appends /chat/completions */
  baseUrl: string;
  headers: Record<string, string>;
  /** a key is required (local servers accept any placeholder) */
  needsKey: boolean;
  /** shown when a call fails with a network error: CORS is the likely cause in a browser */
  corsHint: string;
  /** a few model names to suggest in the setup form */
  exampleModels: string[];
}

export const PROVIDER_PRESETS: Readonly<Record<HttpProviderId, ProviderPreset>> = {
  openai: {
    id: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    headers: {},
    needsKey: true,
    corsHint:
      'OpenAI allows browser calls, so a network error usually means no connection, ' +
      'a proxy or an ad blocker in the way.',
    exampleModels: ['gpt-4.1-mini', 'gpt-4.1', 'gpt-4o-mini', 'gpt-5-mini'],
  },
  openrouter: {
    id: 'openrouter',
    label: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    headers: {},
    needsKey: true,
    corsHint:
      'OpenRouter allows browser calls, so a network error usually means no connection, ' +
      'a proxy or an ad blocker in the way.',
    exampleModels: ['openai/gpt-4.1-mini', 'anthropic/claude-sonnet-4.5', 'meta-llama/llama-3.3-70b-instruct'],
  },
  anthropic: {
    id: 'anthropic',
    label: 'Anthropic (OpenAI-compatible)',
    baseUrl: 'https://api.anthropic.com/v1',
    // Anthropic refuses browser-origin calls unless the caller opts in with this header.
    headers: { 'anthropic-dangerous-direct-browser-access': 'true' },
    needsKey: true,
    corsHint:
      'Anthropic only allows browser calls that send the header "anthropic-dangerous-direct-browser-access: true"; ' +
      "keep it in the endpoint's extra headers.",
    exampleModels: ['claude-haiku-4-5', 'claude-sonnet-4-5'],
  },
  groq: {
    id: 'groq',
    label: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1',
    headers: {},
    needsKey: true,
    corsHint:
      'Groq generally allows browser calls; a network error may mean no connection or a proxy. ' +
      "Some providers reject the client's extra x-stainless-* headers — if so, call it from the command line instead.",
    exampleModels: ['llama-3.1-8b-instant', 'llama-3.3-70b-versatile'],
  },
  together: {
    id: 'together',
    label: 'Together',
    baseUrl: 'https://api.together.xyz/v1',
    headers: {},
    needsKey: true,
    corsHint:
      'Together generally allows browser calls; a network error may mean no connection or a proxy. ' +
      "Some providers reject the client's extra x-stainless-* headers — if so, call it from the command line instead.",
    exampleModels: ['meta-llama/Llama-3.3-70B-Instruct-Turbo'],
  },
  ollama: {
    id: 'ollama',
    label: 'Ollama (local)',
    baseUrl: 'http://localhost:11434/v1',
    headers: {},
    needsKey: false,
    corsHint:
      'Is Ollama running (`ollama serve`)? Ollama allows localhost origins only; ' +
      'for this page\'s origin start it with OLLAMA_ORIGINS set, e.g. OLLAMA_ORIGINS="*" ollama serve.',
    exampleModels: ['llama3.2', 'qwen2.5:7b'],
  },
  lmstudio: {
    id: 'lmstudio',
    label: 'LM Studio (local)',
    baseUrl: 'http://localhost:1234/v1',
    headers: {},
    needsKey: false,
    corsHint:
      'Is the LM Studio server running? Its CORS is off by default: ' +
      'turn on "Enable CORS" in the Developer tab or start it with `lms server start --cors`.',
    exampleModels: [],
  },
  vllm: {
    id: 'vllm',
    label: 'vLLM (local)',
    baseUrl: 'http://localhost:8000/v1',
    headers: {},
    needsKey: false,
    corsHint:
      'vLLM allows all origins by default, so a network error usually means the server is not running ' +
      'or listens on another host/port (check --host/--port and --allowed-origins).',
    exampleModels: [],
  },
  custom: {
    id: 'custom',
    label: 'Custom OpenAI-compatible',
    baseUrl: 'http://localhost:8080/v1',
    headers: {},
    needsKey: false,
    corsHint:
      'In a browser a network error is most often CORS: the server must answer preflight OPTIONS requests ' +
      'and send Access-Control-Allow-Origin for this page ' +
      'and allow the Authorization and x-stainless-* request headers.',
    exampleModels: [],
  },
};

/** Keyless local servers still need some bearer value: the client refuses to send a request without one. */
export const PLACEHOLDER_API_KEY = 'not-needed';

export function presetFor(provider: ProviderId): ProviderPreset {
  return provider === 'demo' ? PROVIDER_PRESETS.custom : PROVIDER_PRESETS[provider];
}

export function corsHintFor(provider: ProviderId): string {
  return presetFor(provider).corsHint;
}

// List prices in USD per million tokens at the time of writing; a default the user edits, not a source of
// truth. Keys are model names (matched with or without a provider's "vendor/" prefix) or "provider:*".
export const DEFAULT_PRICES: Readonly<PriceTable> = {
  'gpt-5': { inputPerMTok: 1.25, outputPerMTok: 10 },
  'gpt-5-mini': { inputPerMTok: 0.25, outputPerMTok: 2 },
  'gpt-5-nano': { inputPerMTok: 0.05, outputPerMTok: 0.4 },
  'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 },
  'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 },
  'gpt-4.1-nano': { inputPerMTok: 0.1, outputPerMTok: 0.4 },
  'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
  'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  'o4-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4 },
  'claude-opus-4-1': { inputPerMTok: 15, outputPerMTok: 75 },
  'claude-sonnet-4-5': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-sonnet-4.5': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-haiku-4-5': { inputPerMTok: 1, outputPerMTok: 5 },
  'llama-3.1-8b-instant': { inputPerMTok: 0.05, outputPerMTok: 0.08 },
  'llama-3.3-70b-versatile': { inputPerMTok: 0.59, outputPerMTok: 0.79 },
  'Llama-3.3-70B-Instruct-Turbo': { inputPerMTok: 0.88, outputPerMTok: 0.88 },
  // Local servers and the offline demo model cost nothing.
  'ollama:*': { inputPerMTok: 0, outputPerMTok: 0 },
  'lmstudio:*': { inputPerMTok: 0, outputPerMTok: 0 },
  'vllm:*': { inputPerMTok: 0, outputPerMTok: 0 },
  demo: { inputPerMTok: 0, outputPerMTok: 0 },
};

/** A fresh, editable copy of the default price table. */
export function defaultPriceTable(): PriceTable {
  return Object.fromEntries(Object.entries(DEFAULT_PRICES).map(([k, p]): [string, Price] => [k, { ...p }]));
}
