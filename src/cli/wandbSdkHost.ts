// Where the CLI runs W&B's JavaScript SDK (@wandb/sdk 0.5.1) for the W&B tracker (src/tracking/wandb/):
// in a worker thread (wandbSdkWorker.mjs), logging to a relay on 127.0.0.1 that forwards every request to
// W&B (WANDB_BASE_URL, default https://api.wandb.ai) unchanged. The SDK speaks W&B's protocol; the relay
// only carries it and reports what the server accepted. Why both:
// - The SDK would otherwise stop or hold up the run: it adds a SIGINT handler that calls process.exit, throws
//   from a message listener when the server refuses its run (an uncaught exception), prints to the console,
//   and its retry awaits the same failed request again, sleeping up to 30 s between tries, 50 times. In a
//   worker none of that reaches the CLI, and the worker is ended at the run's bounded finish.
// - It loses data silently: a file-stream answer of 500 counts as sent, a network error is dropped. The
//   relay retries network errors, timeouts, 408, 429 and 5xx with exponential backoff (Retry-After
//   honoured) until the finish deadline, passes other refusals back (401/403 stop everything), and reads
//   what each accepted request carried (the run, history rows by step, summary keys, the end), so the
//   tracker reports precisely what never arrived.
// - Attach mode: the SDK ends its run whenever it stops ({complete, exitcode} on the file stream); the relay
//   does not forward that one request for a run the user named (it answers it itself), so the run stays open.
// The API key reaches only the worker (the SDK's settings) and the request headers; every text reported is
// redacted of it and of its Basic-auth form.
import http from 'node:http';
import { Worker } from 'node:worker_threads';
import type {
  WandbInit,
  WandbSdkHost,
  WandbSession,
  WandbSessionEvents,
  WandbValue,
} from '../tracking/wandb/wandbTracker.ts';

export const WANDB_SDK = '@wandb/sdk 0.5.1';
export const WANDB_DEFAULT_BASE_URL = 'https://api.wandb.ai';

export interface WandbHostOptions {
  /** W&B's API server (WANDB_BASE_URL) */
  baseUrl: string;
  apiKey: string;
  redact: (text: string) => string;
  /** what the relay forwards with (default: the global fetch) */
  fetch?: typeof fetch;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  requestTimeoutMs?: number;
}

const HOP_HEADERS = ['authorization', 'content-type', 'user-agent', 'accept'];
const isFileStream = (url: string) => /^\/files\/[^/]+\/[^/]+\/[^/]+\/file_stream(\?|$)/.test(url);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export function nodeWandbHost(options: WandbHostOptions): WandbSdkHost {
  const upstream = options.baseUrl.replace(/\/+$/, '');
  const basic = Buffer.from(`api:${options.apiKey}`).toString('base64');
  const hide = (text: string) => options.redact(text).split(basic).join('***');
  return {
    sdk: WANDB_SDK,
    target: upstream,
    open: (init, attached, events) => openSession(init, attached, events, { ...options, baseUrl: upstream }, hide),
  };
}

function openSession(
  init: WandbInit,
  attached: boolean,
  events: WandbSessionEvents,
  options: WandbHostOptions,
  hide: (text: string) => string,
): WandbSession {
  const doFetch = options.fetch ?? fetch;
  const stop = new AbortController();
  const problem = (m: string) => events.problem(hide(m));
  /** set by a refused key: nothing more is forwarded */
  let refused: string | null = null;
  let worker: Worker | null = null;
  const outbox: unknown[] = [];
  let ended: () => void = () => {};
  const end = new Promise<void>((resolve) => (ended = resolve));
  let dead = false;

  const observe = (url: string, body: string, answer: string) => {
    const request = asRecord(parseJson(body));
    if (url.startsWith('/graphql')) {
      if (request.operationName !== 'UpsertBucket') return;
      const response = asRecord(parseJson(answer));
      const bucket = asRecord(asRecord(asRecord(response.data).upsertBucket).bucket);
      const project = asRecord(bucket.project);
      if (typeof bucket.name === 'string')
        events.runAccepted({
          id: bucket.name,
          entity: String(asRecord(project.entity).name ?? ''),
          project: String(project.name ?? ''),
        });
      else {
        const errors = Array.isArray(response.errors) ? response.errors : [];
        problem(`W&B did not accept the run: ${String(asRecord(errors[0]).message ?? answer.slice(0, 200))}`);
      }
      return;
    }
    if (!isFileStream(url)) return;
    const files = asRecord(request.files);
    const history = asRecord(files['wandb-history.jsonl']).content;
    if (Array.isArray(history)) {
      const steps = history.map((line) => asRecord(parseJson(String(line)))._step).filter((s) => typeof s === 'number');
      if (steps.length) events.rowsAccepted(steps as number[]);
    }
    const summary = asRecord(files['wandb-summary.json']).content;
    if (Array.isArray(summary) && summary.length)
      events.summaryAccepted(Object.keys(asRecord(parseJson(String(summary[summary.length - 1])))));
    if (request.complete === true) events.endAccepted();
  };

  const what = (url: string, body: string) =>
    url.startsWith('/graphql')
      ? `the ${String(asRecord(parseJson(body)).operationName ?? 'GraphQL')} request`
      : isFileStream(url)
        ? 'a file-stream request (history and summary)'
        : `${url.split('?')[0]}`;

  /** Forwards one SDK request to W&B, retrying transient failures until the run's finish deadline. */
  const forward = async (
    req: http.IncomingMessage,
    body: string,
  ): Promise<{ status: number; text: string; type: string }> => {
    const url = req.url ?? '/';
    const headers: Record<string, string> = {};
    for (const h of HOP_HEADERS) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    let backoff = options.initialBackoffMs ?? 500;
    for (;;) {
      if (refused !== null)
        return { status: 401, text: JSON.stringify({ errors: [{ message: refused }] }), type: 'application/json' };
      if (stop.signal.aborted) return { status: 503, text: '{"error":"the run has ended"}', type: 'application/json' };
      let wait = backoff;
      try {
        const response = await doFetch(options.baseUrl + url, {
          method: req.method ?? 'POST',
          headers,
          ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body }),
          signal: AbortSignal.any([stop.signal, AbortSignal.timeout(options.requestTimeoutMs ?? 30_000)]),
        });
        const text = await response.text();
        const s = response.status;
        const type = response.headers.get('content-type') ?? 'application/json';
        if (s < 400) {
          observe(url, body, text);
          return { status: s, text, type };
        }
        if (s === 408 || s === 429 || s >= 500) {
          problem(`W&B answered ${s} to ${what(url, body)}; retrying`);
          const after = Number(response.headers.get('retry-after'));
          if (Number.isFinite(after) && after > 0) wait = after * 1000;
        } else {
          const message = `W&B refused ${what(url, body)}: HTTP ${s} ${text.slice(0, 200)}`;
          problem(message);
          if (s === 401 || s === 403) refused = hide(message);
          return { status: s, text, type };
        }
      } catch (err) {
        if (stop.signal.aborted) continue;
        const cause =
          err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
        problem(`W&B could not be reached for ${what(url, body)} (${cause}); retrying`);
      }
      await sleep(wait * (0.5 + Math.random()), stop.signal);
      backoff = Math.min(options.maxBackoffMs ?? 30_000, backoff * 2);
    }
  };

  const relay = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = req.url ?? '/';
      // attached: the SDK's end-of-run request would finish the user's run; it is answered here instead
      if (attached && isFileStream(url) && asRecord(parseJson(body)).complete === true) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      forward(req, body).then(
        ({ status, text, type }) => res.writeHead(status, { 'content-type': type }).end(text),
        () => res.writeHead(502).end(),
      );
    });
  });
  relay.unref();

  const started = new Promise<void>((resolve) => {
    relay.listen(0, '127.0.0.1', () => {
      const { port } = relay.address() as { port: number };
      if (stop.signal.aborted) return resolve();
      const w = new Worker(new URL('./wandbSdkWorker.mjs', import.meta.url), {
        workerData: { init, apiKey: options.apiKey, baseUrl: `http://127.0.0.1:${port}` },
        // the SDK reads settings from its environment: it gets none but what it is given
        env: {},
        stdout: true,
        stderr: true,
      });
      w.unref();
      worker = w;
      w.stdout.resume();
      let told = false;
      w.stderr.on('data', (c: Buffer) => {
        // the SDK's console.error: one line is enough (the relay has said why, with the server's answer)
        if (told) return;
        told = true;
        problem(`the W&B SDK reported: ${c.toString('utf8').split('\n')[0]?.slice(0, 300) ?? ''}`);
      });
      w.on('message', (msg: { type: string; message?: string }) => {
        if (msg.type === 'finished') ended();
        if (msg.type === 'failed') {
          problem(`the W&B SDK failed: ${msg.message ?? ''}`);
          ended();
        }
      });
      w.on('error', (err) => {
        dead = true;
        problem(`the W&B SDK stopped: ${err.message}`);
        ended();
      });
      w.on('exit', () => {
        dead = true;
        ended();
      });
      for (const m of outbox.splice(0)) w.postMessage(m);
      resolve();
    });
  });

  const post = (m: unknown) => {
    if (dead) return;
    if (worker) worker.postMessage(m);
    else outbox.push(m);
  };

  return {
    log: (step: number, row: Record<string, WandbValue>) => post({ type: 'log', step, row }),
    finish: async (exitCode: number, deadlineMs: number) => {
      const timer = new AbortController();
      let timedOut = false;
      await Promise.race([
        started.then(() => {
          post({ type: 'finish', exitCode });
          return end;
        }),
        sleep(deadlineMs, timer.signal).then(() => (timedOut = !timer.signal.aborted)),
      ]);
      timer.abort();
      if (timedOut) problem(`not delivered within the ${deadlineMs / 1000} s the run waits at its end`);
      stop.abort();
      await (worker as Worker | null)?.terminate();
      relay.closeAllConnections();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}
