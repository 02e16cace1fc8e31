// A local MLflow-compatible tracking server for tests: exactly the REST endpoints the client uses
// (experiments/get-by-name, experiments/create, runs/create, runs/get, runs/log-batch, runs/update, and the
// artifact proxy's PUT /api/2.0/mlflow-artifacts/artifacts/<path>), with MLflow's request and response
// shapes, strict about unknown, missing or mistyped fields and log-batch limits (400 with MLflow's error
// JSON), optional bearer or basic auth, CORS, and seeded faults: a share of requests failing with 500, 503
// or 429, and a "down" switch that drops every connection. It records everything it accepted.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  MlflowExperiment,
  MlflowMetric,
  MlflowParam,
  MlflowRun,
  MlflowRunInfo,
  MlflowRunStatus,
  MlflowTag,
} from '../../src/tracking/mlflow/restTypes.ts';
import { LOG_BATCH_LIMITS } from '../../src/tracking/mlflow/restTypes.ts';
import { REQUESTS, shapeProblem } from './schema.ts';
import { seededRandom } from '../seededRandom.ts';

export interface MlflowServerOptions {
  port?: number;
  /** requests must carry `Authorization: Bearer <token>` */
  token?: string;
  /** requests must carry basic auth with these */
  basic?: { username: string; password: string };
  /** share of requests (0–1) answered 500 / 503 / 429, picked by a seeded generator */
  failureRate?: number;
  seed?: number;
  /** answer every request after this long (ms) */
  latencyMs?: number;
  /**
   * the origins a browser page may call it from, as `mlflow server --cors-allowed-origins` lists them (the
   * allowed origin is echoed; any other gets no CORS headers, so the browser refuses the answer); default: any
   */
  corsAllowedOrigins?: string[];
}

export interface StoredRun {
  info: MlflowRunInfo;
  /** every metric value logged, in order */
  metrics: MlflowMetric[];
  params: Map<string, string>;
  tags: Map<string, string>;
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number | 'dropped';
}

export interface MlflowServer {
  url: string;
  port: number;
  experiments: Map<string, MlflowExperiment>;
  runs: Map<string, StoredRun>;
  /** artifact path below /api/2.0/mlflow-artifacts/artifacts/ → content */
  artifacts: Map<string, string>;
  requests: RequestRecord[];
  /** drops every connection while true (the server is "down") */
  setDown(down: boolean): void;
  setFailureRate(rate: number): void;
  /** creates a run the way another client would (for attach tests) */
  createRun(experimentName: string, tags?: Record<string, string>): StoredRun;
  close(): Promise<void>;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const CORS_METHODS = {
  'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
};

function corsHeaders(allowed: string[] | undefined, origin: string | undefined): Record<string, string> {
  if (!allowed) return { 'Access-Control-Allow-Origin': '*', ...CORS_METHODS };
  if (origin && allowed.includes(origin))
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', ...CORS_METHODS };
  return {};
}

export async function startMlflowServer(options: MlflowServerOptions = {}): Promise<MlflowServer> {
  const experiments = new Map<string, MlflowExperiment>();
  const runs = new Map<string, StoredRun>();
  const artifacts = new Map<string, string>();
  const requests: RequestRecord[] = [];
  const random = seededRandom(options.seed ?? 1);
  let failureRate = options.failureRate ?? 0;
  let down = false;
  let nextExperiment = 1;
  let nextRun = 1;

  const defaultExperiment: MlflowExperiment = {
    experiment_id: '0',
    name: 'Default',
    artifact_location: 'mlflow-artifacts:/0',
    lifecycle_stage: 'active',
  };
  experiments.set('0', defaultExperiment);

  const newRun = (experimentId: string, runName: string, tags: MlflowTag[], start: number): StoredRun => {
    const runId = `${(nextRun++).toString(16).padStart(8, '0')}${'0'.repeat(24)}`;
    const run: StoredRun = {
      info: {
        run_id: runId,
        run_uuid: runId,
        run_name: runName,
        experiment_id: experimentId,
        user_id: '',
        status: 'RUNNING',
        start_time: start,
        artifact_uri: `mlflow-artifacts:/${experimentId}/${runId}/artifacts`,
        lifecycle_stage: 'active',
      },
      metrics: [],
      params: new Map(),
      tags: new Map(tags.map((t) => [t.key, t.value])),
    };
    run.tags.set('mlflow.runName', runName);
    runs.set(runId, run);
    return run;
  };

  const runView = (run: StoredRun): MlflowRun => {
    const latest = new Map<string, MlflowMetric>();
    for (const m of run.metrics) latest.set(m.key, m);
    return {
      info: run.info,
      data: {
        metrics: [...latest.values()],
        params: [...run.params].map(([key, value]) => ({ key, value })),
        tags: [...run.tags].map(([key, value]) => ({ key, value })),
      },
    };
  };

  const findRun = (id: string): StoredRun => {
    const run = runs.get(id);
    if (!run) throw new ApiError(404, 'RESOURCE_DOES_NOT_EXIST', `Run with id=${id} not found`);
    return run;
  };

  const handlers: Record<string, (body: Record<string, unknown>) => unknown> = {
    'GET experiments/get-by-name': (b) => {
      const e = [...experiments.values()].find((x) => x.name === b.experiment_name);
      if (!e)
        throw new ApiError(
          404,
          'RESOURCE_DOES_NOT_EXIST',
          `Could not find experiment with name '${b.experiment_name}'`,
        );
      return { experiment: e };
    },
    'POST experiments/create': (b) => {
      const name = b.name as string;
      if ([...experiments.values()].some((x) => x.name === name))
        throw new ApiError(400, 'RESOURCE_ALREADY_EXISTS', `Experiment '${name}' already exists.`);
      const id = String(nextExperiment++);
      experiments.set(id, {
        experiment_id: id,
        name,
        artifact_location: `mlflow-artifacts:/${id}`,
        lifecycle_stage: 'active',
      });
      return { experiment_id: id };
    },
    'POST runs/create': (b) => {
      const id = b.experiment_id as string;
      if (!experiments.has(id))
        throw new ApiError(404, 'RESOURCE_DOES_NOT_EXIST', `No Experiment with id=${id} exists`);
      const run = newRun(id, (b.run_name as string) ?? 'run', (b.tags as MlflowTag[]) ?? [], Number(b.start_time ?? 0));
      return { run: runView(run) };
    },
    'GET runs/get': (b) => ({ run: runView(findRun(b.run_id as string)) }),
    'POST runs/log-batch': (b) => {
      const run = findRun(b.run_id as string);
      const metrics = (b.metrics as MlflowMetric[]) ?? [];
      const params = (b.params as MlflowParam[]) ?? [];
      const tags = (b.tags as MlflowTag[]) ?? [];
      const over = (what: string, n: number, max: number) => {
        if (n > max)
          throw new ApiError(
            400,
            'INVALID_PARAMETER_VALUE',
            `A batch logging request can contain at most ${max} ${what}. Got ${n} ${what}.`,
          );
      };
      over('metrics', metrics.length, LOG_BATCH_LIMITS.metrics);
      over('params', params.length, LOG_BATCH_LIMITS.params);
      over('tags', tags.length, LOG_BATCH_LIMITS.tags);
      over('metrics, params, and tags', metrics.length + params.length + tags.length, LOG_BATCH_LIMITS.total);
      if (run.info.lifecycle_stage !== 'active') throw new ApiError(400, 'INVALID_STATE', 'run is deleted');
      for (const p of params) {
        const had = run.params.get(p.key);
        if (had !== undefined && had !== p.value)
          throw new ApiError(
            400,
            'INVALID_PARAMETER_VALUE',
            `Changing param values is not allowed. Param with key='${p.key}'`,
          );
        if (p.value.length > 6000)
          throw new ApiError(400, 'INVALID_PARAMETER_VALUE', `Param value '${p.key}' too long`);
      }
      for (const t of tags)
        if (t.value.length > 5000) throw new ApiError(400, 'INVALID_PARAMETER_VALUE', `Tag value '${t.key}' too long`);
      for (const m of metrics) run.metrics.push({ ...m, step: Number(m.step ?? 0), timestamp: Number(m.timestamp) });
      for (const p of params) run.params.set(p.key, p.value);
      for (const t of tags) run.tags.set(t.key, t.value);
      return {};
    },
    'POST runs/update': (b) => {
      const run = findRun(b.run_id as string);
      if (b.status !== undefined) run.info.status = b.status as MlflowRunStatus;
      if (b.end_time !== undefined) run.info.end_time = Number(b.end_time);
      if (b.run_name !== undefined) run.info.run_name = b.run_name as string;
      return { run_info: run.info };
    },
  };

  const authorized = (req: http.IncomingMessage): boolean => {
    const header = req.headers.authorization ?? '';
    if (options.token !== undefined) return header === `Bearer ${options.token}`;
    if (options.basic) {
      const expected = Buffer.from(`${options.basic.username}:${options.basic.password}`).toString('base64');
      return header === `Basic ${expected}`;
    }
    return true;
  };

  const readBody = (req: http.IncomingMessage): Promise<string> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const record: RequestRecord = { method: req.method ?? '', path: url.pathname, status: 'dropped' };
    requests.push(record);
    if (down) {
      req.socket.destroy();
      return;
    }
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      const cors = corsHeaders(options.corsAllowedOrigins, req.headers.origin);
      res.writeHead(status, { 'Content-Type': 'application/json', ...cors, ...headers });
      res.end(JSON.stringify(body));
    };
    const fail = (e: ApiError, headers: Record<string, string> = {}) =>
      send(e.status, { error_code: e.code, message: e.message }, headers);
    void (async () => {
      const text = await readBody(req);
      if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
      if (req.method === 'OPTIONS') return send(204, {});
      if (!authorized(req)) return fail(new ApiError(401, 'UNAUTHENTICATED', 'You are not authenticated.'));
      if (failureRate > 0 && random() < failureRate) {
        const pick = random();
        if (pick < 0.4) return fail(new ApiError(500, 'INTERNAL_ERROR', 'injected failure'));
        if (pick < 0.7) return fail(new ApiError(503, 'TEMPORARILY_UNAVAILABLE', 'injected failure'));
        return fail(new ApiError(429, 'REQUEST_LIMIT_EXCEEDED', 'injected failure'), { 'Retry-After': '0' });
      }
      try {
        const artifact = /^\/api\/2\.0\/mlflow-artifacts\/artifacts\/(.+)$/.exec(url.pathname);
        if (artifact) {
          if (req.method !== 'PUT') throw new ApiError(405, 'BAD_REQUEST', 'method not allowed');
          artifacts.set(decodeURIComponent(artifact[1] as string), text);
          return send(200, {});
        }
        const endpoint = /^\/api\/2\.0\/mlflow\/(.+)$/.exec(url.pathname)?.[1];
        const key = `${req.method} ${endpoint}`;
        const shape = REQUESTS[key];
        const handler = handlers[key];
        if (!endpoint || !shape || !handler) throw new ApiError(404, 'ENDPOINT_NOT_FOUND', `No endpoint ${key}`);
        let body: unknown;
        if (req.method === 'GET') body = Object.fromEntries(url.searchParams);
        else {
          if (!String(req.headers['content-type']).startsWith('application/json'))
            throw new ApiError(400, 'BAD_REQUEST', 'The MLflow REST API requires content type application/json');
          try {
            body = JSON.parse(text);
          } catch {
            throw new ApiError(400, 'MALFORMED_REQUEST', 'Malformed JSON');
          }
        }
        const problem = shapeProblem(body, shape);
        if (problem) throw new ApiError(400, 'INVALID_PARAMETER_VALUE', problem);
        return send(200, handler(body as Record<string, unknown>));
      } catch (err) {
        if (err instanceof ApiError) return fail(err);
        return fail(new ApiError(500, 'INTERNAL_ERROR', String(err)));
      }
    })();
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    experiments,
    runs,
    artifacts,
    requests,
    setDown: (d) => (down = d),
    setFailureRate: (r) => (failureRate = r),
    createRun: (experimentName, tags = {}) => {
      let e = [...experiments.values()].find((x) => x.name === experimentName);
      if (!e) {
        const id = String(nextExperiment++);
        e = {
          experiment_id: id,
          name: experimentName,
          artifact_location: `mlflow-artifacts:/${id}`,
          lifecycle_stage: 'active',
        };
        experiments.set(id, e);
      }
      return newRun(
        e.experiment_id,
        'caller-run',
        Object.entries(tags).map(([key, value]) => ({ key, value })),
        1,
      );
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
