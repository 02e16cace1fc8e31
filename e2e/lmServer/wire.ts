// HTTP plumbing for the test server: CORS headers, JSON in and out, the OpenAI error shape, and a wait
// until a deadline that ends early when the client leaves. No state lives here.
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

/** how long before a deadline the wait stops trusting timers and polls the clock */
const POLL_MS = 2;

/**
 * Resolves when performance.now() reaches `deadline`, or early when the client goes away (so a cancelled
 * call frees the server too). A timer alone would miss the deadline both ways: it counts from the event
 * loop's cached clock, which lags by whatever ran since the loop last woke (an early answer), and fires on
 * a whole-millisecond grid at the loop's next turn (up to a couple of ms late). So the timer only gets the
 * wait close, and the last POLL_MS are polled turn by turn: the simulated latency is the latency.
 */
export function pauseUntil(deadline: number, res: http.ServerResponse): Promise<void> {
  if (performance.now() >= deadline) return Promise.resolve();
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let poll: ReturnType<typeof setImmediate> | undefined;
    let ended = false;
    res.once('close', done);
    step();
    function step() {
      if (ended) return;
      const left = deadline - performance.now();
      if (left <= 0) return done();
      if (left > POLL_MS) timer = setTimeout(step, left - POLL_MS);
      else poll = setImmediate(step);
    }
    function done() {
      ended = true;
      clearTimeout(timer);
      if (poll) clearImmediate(poll);
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
