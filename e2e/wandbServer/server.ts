// A local stand-in for W&B's API server, for running the real W&B JavaScript SDK (@wandb/sdk 0.5.1) in tests:
// exactly the endpoints that SDK calls, found by running it against a recording server and read in its
// source (dist/internal/api.js, filestream.js): POST /graphql with the `Viewer` query (the default entity)
// and the `UpsertBucket` mutation (create or update a run), and POST /files/<entity>/<project>/<run>/file_stream
// (history lines at an offset, the summary, and {complete, exitcode} at the end). Strict: Basic auth
// `api:<key>` when a key is set (401 otherwise), an unknown operation or a stream for an unknown run is a
// 400 / 404. Seeded faults: a share of requests answered 500 / 503 / 429, and a "down" switch that drops
// every connection. It records every request (without its headers) and what it accepted.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '../seededRandom.ts';

export interface WandbServerOptions {
  port?: number;
  /** requests must carry `Authorization: Basic base64(api:<apiKey>)` */
  apiKey?: string;
  /** the viewer's entity (the default entity of a run that names none) */
  entity?: string;
  /** share of requests (0–1) answered 500 / 503 / 429, picked by a seeded generator */
  failureRate?: number;
  seed?: number;
}

export interface StoredWandbRun {
  entity: string;
  project: string;
  /** the run id (W&B's bucket name) */
  name: string;
  displayName: string | null;
  config: unknown;
  /** every UpsertBucket call's variables, in order */
  upserts: Record<string, unknown>[];
  /** history lines by offset */
  history: Record<string, unknown>[];
  summary: Record<string, unknown>;
  complete: boolean;
  exitcode: number | null;
}

export interface WandbRequestRecord {
  method: string;
  path: string;
  /** the GraphQL operation, when it was one */
  operation?: string;
  status: number | 'dropped';
  body: string;
}

export interface WandbServer {
  url: string;
  port: number;
  /** by `<entity>/<project>/<name>` */
  runs: Map<string, StoredWandbRun>;
  requests: WandbRequestRecord[];
  /** every Authorization header received (to check what the SDK sent) */
  authorizations: string[];
  setDown(down: boolean): void;
  setFailureRate(rate: number): void;
  /** a run that exists already, as another client would have made it (for attach tests) */
  createRun(entity: string, project: string, name: string): StoredWandbRun;
  close(): Promise<void>;
}

export function startWandbServer(options: WandbServerOptions = {}): Promise<WandbServer> {
  const viewerEntity = options.entity ?? 'test-entity';
  const runs = new Map<string, StoredWandbRun>();
  const requests: WandbRequestRecord[] = [];
  const authorizations: string[] = [];
  const random = seededRandom(options.seed ?? 1);
  let failureRate = options.failureRate ?? 0;
  let down = false;
  const expectedAuth = options.apiKey ? `Basic ${Buffer.from(`api:${options.apiKey}`).toString('base64')}` : null;

  const newRun = (entity: string, project: string, name: string): StoredWandbRun => {
    const run: StoredWandbRun = {
      entity,
      project,
      name,
      displayName: null,
      config: null,
      upserts: [],
      history: [],
      summary: {},
      complete: false,
      exitcode: null,
    };
    runs.set(`${entity}/${project}/${name}`, run);
    return run;
  };

  const graphql = (body: Record<string, unknown>): [number, unknown] => {
    const op = body.operationName;
    const vars = (body.variables ?? {}) as Record<string, unknown>;
    if (typeof body.query !== 'string') return [400, { errors: [{ message: 'query is required' }] }];
    if (op === 'Viewer')
      return [200, { data: { viewer: { id: 'VXNlcjox', entity: viewerEntity, flags: '{}', teams: { edges: [] } } } }];
    if (op === 'UpsertBucket') {
      const name = vars.name;
      const project = typeof vars.project === 'string' && vars.project ? vars.project : 'uncategorized';
      const entity = typeof vars.entity === 'string' && vars.entity ? vars.entity : viewerEntity;
      if (typeof name !== 'string' || !name) return [200, { errors: [{ message: 'name is required' }], data: null }];
      const run = runs.get(`${entity}/${project}/${name}`) ?? newRun(entity, project, name);
      run.upserts.push(vars);
      if (typeof vars.displayName === 'string') run.displayName = vars.displayName;
      if (typeof vars.config === 'string') run.config = JSON.parse(vars.config) as unknown;
      const bucket = {
        id: `run-${name}`,
        name,
        displayName: run.displayName ?? name,
        description: null,
        config: typeof vars.config === 'string' ? vars.config : null,
        sweepName: null,
        project: { id: `project-${project}`, name: project, entity: { id: `entity-${entity}`, name: entity } },
      };
      return [200, { data: { upsertBucket: { bucket, inserted: run.upserts.length === 1 } } }];
    }
    return [400, { errors: [{ message: `unknown operation ${String(op)}` }] }];
  };

  const fileStream = (
    entity: string,
    project: string,
    name: string,
    body: Record<string, unknown>,
  ): [number, unknown] => {
    const run = runs.get(`${entity}/${project}/${name}`);
    if (!run) return [404, { error: `run ${entity}/${project}/${name} not found` }];
    const files = (body.files ?? {}) as Record<string, { offset?: unknown; content?: unknown }>;
    for (const [file, chunk] of Object.entries(files)) {
      if (typeof chunk.offset !== 'number' || !Array.isArray(chunk.content))
        return [400, { error: `${file}: offset and content are required` }];
      const lines = chunk.content.map((l) => JSON.parse(String(l)) as Record<string, unknown>);
      if (file === 'wandb-history.jsonl') lines.forEach((l, i) => (run.history[(chunk.offset as number) + i] = l));
      else if (file === 'wandb-summary.json') run.summary = lines[lines.length - 1] ?? {};
      else return [400, { error: `unexpected file ${file}` }];
    }
    if (body.complete === true) {
      run.complete = true;
      run.exitcode = typeof body.exitcode === 'number' ? body.exitcode : null;
    }
    return [200, { exitcode: null, limits: {} }];
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0] as string;
      const record: WandbRequestRecord = { method: req.method ?? '', path, status: 200, body: text };
      requests.push(record);
      if (down) {
        record.status = 'dropped';
        req.socket.destroy();
        return;
      }
      const send = (status: number, json: unknown) => {
        record.status = status;
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      };
      authorizations.push(req.headers.authorization ?? '');
      if (failureRate > 0 && random() < failureRate) {
        const status = [500, 503, 429][Math.floor(random() * 3)] as number;
        if (status === 429) res.setHeader('retry-after', '0');
        return send(status, { error: 'injected failure' });
      }
      if (expectedAuth && req.headers.authorization !== expectedAuth) return send(401, { error: 'invalid api key' });
      if (req.method !== 'POST') return send(405, { error: 'POST only' });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return send(400, { error: 'the body is not JSON' });
      }
      if (path === '/graphql') {
        record.operation = String(body.operationName);
        return send(...graphql(body));
      }
      const stream = /^\/files\/([^/]+)\/([^/]+)\/([^/]+)\/file_stream$/.exec(path);
      if (stream) return send(...fileStream(stream[1] as string, stream[2] as string, stream[3] as string, body));
      return send(404, { error: `no endpoint ${path}` });
    });
  });

  return new Promise((resolve) => {
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        runs,
        requests,
        authorizations,
        setDown: (d) => (down = d),
        setFailureRate: (r) => (failureRate = r),
        createRun: newRun,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
