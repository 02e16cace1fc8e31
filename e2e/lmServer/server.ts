// A local OpenAI-compatible chat-completions server for tests, benchmarks and by-hand runs: answers from a
// pluggable responder, with switchable latency and seeded fault injection (429 + Retry-After, 500, hung
// requests, truncated or non-JSON bodies), CORS for browser callers, and counters tests can read.
// Invariant: every chat request is counted exactly once in stats, whatever its fate.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatMessage } from '../../src/lm/types.ts';
import { FaultPicker, type FaultConfig, type FaultKind } from './faults.ts';
import { defaultResponder, type Responder } from './responders.ts';
import { apiError, contentText, corsHeaders, estimateTokens, pauseUntil, readJson, sendJson } from './wire.ts';

export interface LmServerOptions {
  port?: number;
  host?: string;
  /** time from a request's arrival to its answer, the server's own work included (faults too, hangs aside) */
  latencyMs?: number;
  faults?: Partial<FaultConfig>;
  responder?: Responder;
  /** when set, requests must carry `Authorization: Bearer <apiKey>` or get a 401 */
  apiKey?: string;
  /** when set, other model names get a 404; when unset every model name is accepted */
  models?: string[];
  /** told of every chat request as it is counted (a benchmark counts requests without copying stats) */
  onChatRequest?: () => void;
}

export interface RequestLogEntry {
  n: number;
  model: string;
  status: number | 'hang';
  fault?: FaultKind;
  promptTokens?: number;
  completionTokens?: number;
}

export interface LmServerStats {
  /** POST /v1/chat/completions requests received, retries included */
  chatRequests: number;
  /** chat requests answered 200 with a well-formed completion */
  completions: number;
  modelListRequests: number;
  preflights: number;
  inFlight: number;
  maxInFlight: number;
  byStatus: Record<string, number>;
  faults: Partial<Record<FaultKind, number>>;
  /** the most recent chat requests (up to 1000) */
  log: RequestLogEntry[];
}

export interface ControlPatch {
  latencyMs?: number;
  faults?: Partial<FaultConfig>;
  resetStats?: boolean;
}

export interface LmServer {
  /** base URL for an OpenAI client, ending in /v1 */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
  setFaults(patch: Partial<FaultConfig>): void;
  setLatency(ms: number): void;
  stats(): LmServerStats;
  resetStats(): void;
}

const LOG_LIMIT = 1000;

type ChatBody = { model?: unknown; messages?: unknown; max_tokens?: unknown; max_completion_tokens?: unknown };

function emptyStats(): LmServerStats {
  return {
    chatRequests: 0,
    completions: 0,
    modelListRequests: 0,
    preflights: 0,
    inFlight: 0,
    maxInFlight: 0,
    byStatus: {},
    faults: {},
    log: [],
  };
}

export async function startLmServer(options: LmServerOptions = {}): Promise<LmServer> {
  const host = options.host ?? '127.0.0.1';
  const responder = options.responder ?? defaultResponder;
  const faults = new FaultPicker(options.faults);
  let latencyMs = options.latencyMs ?? 0;
  let stats = emptyStats();

  const count = (entry: RequestLogEntry) => {
    const key = String(entry.status);
    stats.byStatus[key] = (stats.byStatus[key] ?? 0) + 1;
    if (entry.fault) stats.faults[entry.fault] = (stats.faults[entry.fault] ?? 0) + 1;
    stats.log.push(entry);
    if (stats.log.length > LOG_LIMIT) stats.log.shift();
  };

  const applyControl = (patch: ControlPatch) => {
    if (typeof patch.latencyMs === 'number') latencyMs = Math.max(0, patch.latencyMs);
    if (patch.faults) faults.update(patch.faults);
    if (patch.resetStats) stats = emptyStats();
  };

  const authorized = (req: http.IncomingMessage) =>
    !options.apiKey || req.headers.authorization === `Bearer ${options.apiKey}`;

  async function chat(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const arrived = performance.now();
    const n = ++stats.chatRequests;
    options.onChatRequest?.();
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    // a stats reset while this request is in flight must not drive the new counters negative
    const owner = stats;
    res.once('close', () => {
      owner.inFlight--;
    });

    let body: ChatBody;
    try {
      body = (await readJson(req)) as typeof body;
    } catch {
      count({ n, model: '', status: 400 });
      return sendJson(req, res, 400, apiError('the request body is not valid JSON', 'invalid_request_error', null));
    }
    const model = typeof body.model === 'string' ? body.model : '';
    if (!authorized(req)) {
      count({ n, model, status: 401 });
      const given = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      // like OpenAI, echo the rejected key: the client must keep it out of its own error messages
      return sendJson(
        req,
        res,
        401,
        apiError(`Incorrect API key provided: ${given}.`, 'invalid_request_error', 'invalid_api_key'),
      );
    }
    if (!model || !Array.isArray(body.messages)) {
      count({ n, model, status: 400 });
      return sendJson(req, res, 400, apiError('"model" and "messages" are required', 'invalid_request_error', null));
    }
    if (options.models && !options.models.includes(model)) {
      count({ n, model, status: 404 });
      return sendJson(
        req,
        res,
        404,
        apiError(
          `The model \`${model}\` does not exist or you do not have access to it.`,
          'invalid_request_error',
          'model_not_found',
        ),
      );
    }
    const messages: ChatMessage[] = (body.messages as { role?: unknown; content?: unknown }[]).map((m) => ({
      role: m.role === 'system' || m.role === 'assistant' ? m.role : 'user',
      content: contentText(m.content),
    }));

    const fault = faults.next();
    if (fault === 'hang') {
      // never answer: the client's timeout is what ends this request
      count({ n, model, status: 'hang', fault });
      return;
    }
    // Like a real endpoint's, the latency is the whole time from request to answer: the answer is worked
    // out first and sent when the latency is up, so the server's own work does not add to it.
    const send = await answer(req, res, { n, model, messages, body, fault });
    await pauseUntil(arrived + latencyMs, res);
    if (res.destroyed) {
      count({ n, model, status: 499, ...(fault ? { fault } : {}) });
      return;
    }
    send();
  }

  /** What a chat request gets, as a function that counts and sends it. */
  async function answer(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    r: { n: number; model: string; messages: ChatMessage[]; body: ChatBody; fault: FaultKind | undefined },
  ): Promise<() => void> {
    const { n, model, messages, body, fault } = r;
    if (fault === '429') {
      const ms = faults.current.retryAfterMs;
      return () => {
        count({ n, model, status: 429, fault });
        sendJson(
          req,
          res,
          429,
          apiError('Rate limit reached (injected fault)', 'rate_limit_error', 'rate_limit_exceeded'),
          { 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))), 'retry-after-ms': String(ms) },
        );
      };
    }
    if (fault === '500') {
      return () => {
        count({ n, model, status: 500, fault });
        sendJson(
          req,
          res,
          500,
          apiError('The server had an error while processing your request (injected fault)', 'server_error', null),
        );
      };
    }
    if (fault === 'non_json') {
      return () => {
        count({ n, model, status: 200, fault });
        const page = '<html><body><h1>502 Bad Gateway</h1><p>injected non-JSON body</p></body></html>';
        res.writeHead(200, { ...corsHeaders(req), 'content-type': 'text/html' });
        res.end(page);
      };
    }

    let text: string;
    try {
      text = await responder(messages, model);
    } catch (err) {
      const message = `the responder failed: ${err instanceof Error ? err.message : String(err)}`;
      return () => {
        count({ n, model, status: 500 });
        sendJson(req, res, 500, apiError(message, 'server_error', null));
      };
    }
    const maxTokens =
      typeof body.max_completion_tokens === 'number'
        ? body.max_completion_tokens
        : typeof body.max_tokens === 'number'
          ? body.max_tokens
          : undefined;
    const cut = maxTokens !== undefined && estimateTokens(text) > maxTokens;
    if (cut) text = text.slice(0, maxTokens * 4);
    const promptTokens = estimateTokens(messages.map((m) => m.content).join('\n'));
    const completionTokens = estimateTokens(text);
    const completion = {
      id: `chatcmpl-test-${n}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: text, refusal: null },
          finish_reason: cut ? 'length' : 'stop',
          logprobs: null,
        },
      ],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
      },
    };
    if (fault === 'truncated') {
      return () => {
        // promise the whole body, send half, drop the connection: what a proxy or server crash mid-body looks like
        count({ n, model, status: 200, fault });
        const full = Buffer.from(JSON.stringify(completion));
        res.writeHead(200, {
          ...corsHeaders(req),
          'content-type': 'application/json',
          'content-length': String(full.length),
        });
        res.write(full.subarray(0, Math.floor(full.length / 2)), () => res.destroy());
      };
    }
    return () => {
      count({ n, model, status: 200, promptTokens, completionTokens });
      stats.completions++;
      sendJson(req, res, 200, completion);
    };
  }

  async function control(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let patch: ControlPatch;
    try {
      patch = (await readJson(req)) as ControlPatch;
      applyControl(patch);
    } catch (err) {
      return sendJson(req, res, 400, { error: err instanceof Error ? err.message : String(err) });
    }
    sendJson(req, res, 200, { latencyMs, faults: faults.current });
  }

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = `${req.method} ${path}`;
    if (req.method === 'OPTIONS') {
      stats.preflights++;
      res.writeHead(204, corsHeaders(req));
      res.end();
      return;
    }
    const fail = (err: unknown) => {
      if (!res.headersSent) sendJson(req, res, 500, { error: { message: String(err) } });
    };
    if (route === 'POST /v1/chat/completions') return void chat(req, res).catch(fail);
    if (route === 'GET /v1/models') {
      stats.modelListRequests++;
      if (!authorized(req))
        return sendJson(
          req,
          res,
          401,
          apiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'),
        );
      const ids = options.models ?? ['demo'];
      return sendJson(req, res, 200, {
        object: 'list',
        data: ids.map((id) => ({ id, object: 'model', created: 0, owned_by: 'gepa-studio-test' })),
      });
    }
    if (route === 'GET /__stats') return sendJson(req, res, 200, stats);
    if (route === 'POST /__control') return void control(req, res).catch(fail);
    sendJson(req, res, 404, apiError(`no route for ${route}`, 'invalid_request_error', null));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: `${origin}/v1`,
    origin,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // hung requests and keep-alive sockets would otherwise hold close() open forever
        server.closeAllConnections();
      }),
    setFaults: (patch) => faults.update(patch),
    setLatency: (ms) => applyControl({ latencyMs: ms }),
    stats: () => structuredClone(stats),
    resetStats: () => applyControl({ resetStats: true }),
  };
}
