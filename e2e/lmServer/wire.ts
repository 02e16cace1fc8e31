// HTTP plumbing for the test server: CORS headers, JSON in and out, the OpenAI error shape, and a wait
// that ends early when the client leaves. No state lives here.
import type http from 'node:http';

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  // the OpenAI API also accepts an array of parts; only text parts matter here
  if (Array.isArray(content))
    return content.map((p: { text?: unknown }) => (typeof p?.text === 'string' ? p.text : '')).join('');
  return '';
}

export function corsHeaders(req: http.IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    // "*" does not cover Authorization, so echo what the preflight asks for (the SDK adds x-stainless-* headers)
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
    // without this a browser client cannot read Retry-After and falls back to its own backoff
    'access-control-expose-headers': 'retry-after, retry-after-ms, x-request-id',
    'access-control-max-age': '600',
  };
}

export function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch (err) {
        reject(err);
      }
    });
    req.on('error', reject);
  });
}

/** Resolves after ms, or early when the client goes away (so a cancelled call frees the server too). */
export function pause(ms: number, res: http.ServerResponse): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    res.once('close', done);
    function done() {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
  });
}

export function sendJson(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...corsHeaders(req),
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...extra,
  });
  res.end(text);
}

/** The error body OpenAI sends, which the client reads into its typed errors. */
export function apiError(message: string, type: string, code: string | null) {
  return { error: { message, type, param: null, code } };
}
