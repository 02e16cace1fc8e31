// MLflow's REST API over fetch (global fetch in the browser, any fetch in Node): JSON calls below
// /api/2.0/mlflow/ and artifact uploads through the tracking server's artifact proxy, with bearer or basic
// auth as MLflow's own clients send it (MLFLOW_TRACKING_TOKEN, MLFLOW_TRACKING_USERNAME/PASSWORD). Every
// failure becomes a DeliveryError the queue knows what to do with: unreachable, timeouts, 408, 429 and 5xx
// are retried; 401/403 are fatal (a bad token will not get better); any other 4xx sets the request aside.
// Invariant: an error message never holds a credential (no headers are quoted, and every text is redacted).
import { DeliveryError } from '../deliveryQueue.ts';
import type { MlflowErrorBody } from './restTypes.ts';

export type MlflowAuth =
  { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; password: string } | { kind: 'none' };

export interface MlflowRestOptions {
  /** the tracking server, e.g. http://localhost:5000 */
  trackingUri: string;
  auth: MlflowAuth;
  fetch?: typeof fetch;
  /** removes secrets from any text that goes into an error */
  redact?: (text: string) => string;
  /** one request's time limit (default 15 s); a request over it is retried */
  requestTimeoutMs?: number;
}

const base64 = (text: string): string => {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
};

function authHeader(auth: MlflowAuth): Record<string, string> {
  if (auth.kind === 'bearer') return { Authorization: `Bearer ${auth.token}` };
  if (auth.kind === 'basic') return { Authorization: `Basic ${base64(`${auth.username}:${auth.password}`)}` };
  return {};
}

/** A failed answer, with what the server said (the queue reads `kind`; the client reads the code). */
export class MlflowHttpError extends DeliveryError {
  constructor(
    message: string,
    kind: DeliveryError['kind'],
    readonly status: number,
    readonly errorCode: string | null,
    retryAfter?: number,
    items = 1,
  ) {
    super(message, kind, retryAfter, items);
  }
}

const RETRYABLE = (status: number) => status === 408 || status === 429 || status >= 500;

/** Retry-After in seconds or as an HTTP date, as ms; undefined when absent or unreadable. */
function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export class MlflowRest {
  readonly base: string;
  private readonly fetch: typeof fetch;
  private readonly redact: (text: string) => string;
  private readonly timeoutMs: number;

  constructor(private readonly options: MlflowRestOptions) {
    this.base = options.trackingUri.replace(/\/+$/, '');
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.redact = options.redact ?? ((t) => t);
    this.timeoutMs = options.requestTimeoutMs ?? 15_000;
  }

  /** GET with query parameters, or POST with a JSON body, below /api/2.0/mlflow/. */
  async call<T>(
    method: 'GET' | 'POST',
    endpoint: string,
    body: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<T> {
    let url = `${this.base}/api/2.0/mlflow/${endpoint}`;
    if (method === 'GET') url += `?${new URLSearchParams(body as Record<string, string>).toString()}`;
    const init: RequestInit =
      method === 'GET'
        ? { method }
        : { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
    const response = await this.send(url, init, `${method} ${endpoint}`, signal);
    const text = await response.text();
    try {
      return (text ? JSON.parse(text) : {}) as T;
    } catch {
      throw new DeliveryError(`${this.base}: ${endpoint} answered with something other than JSON`, 'retry');
    }
  }

  /** PUT an artifact through the tracking server's proxy (/api/2.0/mlflow-artifacts/artifacts/…). */
  async upload(path: string, content: string, contentType: string, signal?: AbortSignal): Promise<void> {
    const url = `${this.base}/api/2.0/mlflow-artifacts/artifacts/${path.split('/').map(encodeURIComponent).join('/')}`;
    const response = await this.send(
      url,
      { method: 'PUT', body: content, headers: { 'Content-Type': contentType } },
      `upload ${path}`,
      signal,
    );
    await response.text();
  }

  private async send(url: string, init: RequestInit, what: string, signal?: AbortSignal): Promise<Response> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const headers = { ...(init.headers as Record<string, string> | undefined), ...authHeader(this.options.auth) };
    let response: Response;
    try {
      response = await this.fetch(url, {
        ...init,
        headers,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (err) {
      const why = timeout.aborted ? `no answer within ${this.timeoutMs / 1000} s` : describeFetchError(err);
      throw new DeliveryError(this.redact(`cannot reach the MLflow server at ${this.base} (${what}): ${why}`), 'retry');
    }
    if (response.ok) return response;
    const { detail, code } = await errorDetail(response);
    const status = response.status;
    const message = this.redact(`MLflow server ${this.base} answered HTTP ${status} to ${what}${detail}`);
    if (status === 401 || status === 403)
      throw new MlflowHttpError(`${message} (check the tracking token or user and password)`, 'fatal', status, code);
    if (RETRYABLE(status)) {
      const after = retryAfterMs(response.headers.get('retry-after'), Date.now());
      throw new MlflowHttpError(message, 'retry', status, code, after);
    }
    throw new MlflowHttpError(message, 'item', status, code);
  }
}

function describeFetchError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // undici's "fetch failed" says nothing by itself: the cause has the code (ECONNREFUSED) or the reason
  const cause = (err as { cause?: unknown }).cause;
  if (!(cause instanceof Error)) return err.message;
  const code = (cause as { code?: unknown }).code;
  return `${err.message} (${typeof code === 'string' ? code : cause.message})`;
}

async function errorDetail(response: Response): Promise<{ detail: string; code: string | null }> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<MlflowErrorBody>;
    if (body.error_code || body.message)
      return { detail: `: ${body.error_code ?? ''} ${body.message ?? ''}`.trimEnd(), code: body.error_code ?? null };
  } catch {
    // not MLflow's error JSON (a proxy's page): a short excerpt says enough
  }
  const excerpt = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return { detail: excerpt ? `: ${excerpt}` : '', code: null };
}
