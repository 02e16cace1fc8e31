// Reads and validates a chat-completions response body ourselves, so a 200 that is not what it claims
// (an HTML proxy page, a body cut off mid-stream, JSON without choices) becomes a clear 'bad_response'
// instead of a TypeError deep in the caller. Invariant: returns text and usage, or throws LmError.
import { LmError, type TokenUsage } from './types.ts';
import { errorMessage } from '../engine/index.ts';

export interface ParsedChat {
  text: string;
  usage: TokenUsage;
  model?: string;
}

/** About four characters per token: only used when a server omits usage (some local servers do). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 120)}…` : flat;
}

/**
 * Reads the body with its own deadline: the client's timeout stops once headers arrive, and a server
 * that sends headers and then stalls would otherwise hang the call forever.
 */
export async function readBody(
  response: Response,
  timeoutMs: number,
  fail: (message: string, kind: LmError['kind']) => LmError,
): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void response.body?.cancel().catch(() => undefined);
      reject(fail(`the response body did not finish within ${timeoutMs} ms`, 'timeout'));
    }, timeoutMs);
  });
  try {
    return await Promise.race([response.text(), deadline]);
  } catch (err) {
    if (err instanceof LmError) throw err;
    throw fail(`the response body was cut off (${errorMessage(err)})`, 'bad_response');
  } finally {
    clearTimeout(timer);
  }
}

export function parseChatBody(
  raw: string,
  contentType: string | null,
  promptText: string,
  fail: (message: string) => LmError,
): ParsedChat {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    const kind = contentType?.includes('json')
      ? 'truncated or invalid JSON'
      : `not JSON (${contentType ?? 'no content type'})`;
    throw fail(`HTTP 200 but the body was ${kind}: "${snippet(raw)}"`);
  }
  const b = body as {
    choices?: unknown;
    usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
    model?: unknown;
  };
  const choice = Array.isArray(b.choices)
    ? (b.choices[0] as { message?: { content?: unknown; refusal?: unknown } } | undefined)
    : undefined;
  if (!choice) throw fail(`HTTP 200 but the body has no choices: "${snippet(raw)}"`);
  const content = choice.message?.content;
  // A refusal is still the model's answer to score; a message with neither is a malformed reply.
  const text =
    typeof content === 'string'
      ? content
      : typeof choice.message?.refusal === 'string'
        ? choice.message.refusal
        : undefined;
  if (text === undefined) throw fail(`HTTP 200 but the first choice has no text content: "${snippet(raw)}"`);
  const reported = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
  return {
    text,
    usage: {
      promptTokens: reported(b.usage?.prompt_tokens) ?? estimateTokens(promptText),
      completionTokens: reported(b.usage?.completion_tokens) ?? estimateTokens(text),
    },
    model: typeof b.model === 'string' ? b.model : undefined,
  };
}
