// A fetch on node:http(s) with keep-alive agents, for the LM calls of Node hosts (the CLI, benchmarks).
// Node's global fetch (undici) builds the whole WHATWG fetch machinery around every request, about
// twice the CPU of the same request on node:http (≈0.85 vs ≈0.3 ms on the 2-core bench machine); with
// 8 calls started at once, the last one goes out only after the CPU of the seven before it. The
// OpenAI client takes any fetch, so Node hosts hand it this one; the browser keeps its native fetch.
// Scope: what the OpenAI client sends (a string or byte body, headers, an abort signal); any other
// request goes to the global fetch. Kept from fetch: it resolves once the headers arrive and the body
// streams, so a body cut off fails when it is read; an abort rejects with the signal's AbortError; a
// connection failure rejects with TypeError('fetch failed') and the cause, as undici does. Not kept:
// redirects are not followed (an API endpoint answers, it does not redirect) and no compression is
// asked for.
import http from 'node:http';
import https from 'node:https';

const agents: Record<string, http.Agent> = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

type Body = string | Uint8Array | ArrayBuffer | undefined;

function plainBody(body: RequestInit['body']): Body | null {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer) return body;
  return null;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** Statuses whose response has no body (a Response with one would throw). */
const NULL_BODY = new Set([101, 204, 205, 304]);

export const nodeFetch: typeof fetch = (input, init = {}) => {
  const body = plainBody(init.body);
  const target = typeof input === 'string' ? input : input instanceof URL ? input.href : null;
  const url = target === null ? null : new URL(target);
  const agent = url ? agents[url.protocol] : undefined;
  if (body === null || !url || !agent) return fetch(input, init);
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(abortReason(signal));

  return new Promise<Response>((resolve, reject) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const method = (init.method ?? 'GET').toUpperCase();
    const request = (url.protocol === 'https:' ? https : http).request(url, { method, headers, agent });
    let settled = false;
    let failBody: ((err: unknown) => void) | undefined;
    const onAbort = () => {
      const reason = abortReason(signal as AbortSignal);
      request.destroy();
      if (settled) failBody?.(reason);
      else reject(reason);
      settled = true;
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);

    request.on('error', (err) => {
      done();
      if (settled) return failBody?.(err);
      settled = true;
      reject(new TypeError('fetch failed', { cause: err }));
    });
    request.on('response', (res) => {
      settled = true;
      const responseHeaders = new Headers();
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
        responseHeaders.append(res.rawHeaders[i] as string, res.rawHeaders[i + 1] as string);
      const status = res.statusCode ?? 0;
      if (NULL_BODY.has(status) || method === 'HEAD') {
        res.resume();
        res.on('end', done);
        resolve(new Response(null, { status, statusText: res.statusMessage, headers: responseHeaders }));
        return;
      }
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          let open = true;
          failBody = (err) => {
            if (!open) return;
            open = false;
            done();
            controller.error(err);
          };
          res.on('data', (chunk: Buffer) => {
            if (open) controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          });
          res.on('end', () => {
            if (!open) return;
            open = false;
            done();
            controller.close();
          });
          // a body that stops before its end (the server or a proxy dropped the connection) fails as
          // undici's does: TypeError('terminated')
          const cutOff = (cause: unknown) => failBody?.(new TypeError('terminated', { cause }));
          res.on('error', cutOff);
          res.on('close', () => !res.complete && cutOff(new Error('the connection closed before the body ended')));
        },
        cancel() {
          done();
          res.destroy();
        },
      });
      resolve(new Response(stream, { status, statusText: res.statusMessage, headers: responseHeaders }));
    });
    request.end(body instanceof ArrayBuffer ? new Uint8Array(body) : body);
  });
};
