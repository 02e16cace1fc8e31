// The studio's experiment tracking, driven through the run controller against the local MLflow-compatible
// server: a finished run logs everything and ends FINISHED with the delivery report before the final status;
// a stopped run ends KILLED; a server that is down leaves its items in the 'tracking' event; the token is in
// no event; the connection test tells CORS from an unreachable server.
import { afterEach, describe, expect, it } from 'vitest';
import { startMlflowServer } from '../../e2e/mlflowServer/server.ts';
import type { MlflowServer } from '../../e2e/mlflowServer/server.ts';
import { demoRunConfig } from '../run/demoRunConfig.ts';
import type { RunConfig } from '../run/runConfig.ts';
import type { RunEvent } from '../run/runEvent.ts';
import { sentimentTask } from '../tasks/demos/index.ts';
import type { TrackingCredentials } from './protocol.ts';
import { RunController } from './runController.ts';
import { testTracking } from './trackingTest.ts';

const TOKEN = 'tok-studio-5ecret';
let server: MlflowServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const tracked = (url: string, patch: Partial<RunConfig> = {}): RunConfig =>
  demoRunConfig(sentimentTask, {
    name: 'tracked',
    budget: { maxMetricCalls: 120 },
    tracking: { keyPrefix: 'gepa/', mlflow: { trackingUri: url, experimentName: 'studio', runName: 'studio run' } },
    ...patch,
  });

async function run(
  config: RunConfig,
  credentials: TrackingCredentials | undefined,
  onEvent: (e: RunEvent, ctl: RunController) => void = () => {},
  timing = { finishTimeoutMs: 5_000 },
  fetchFn?: typeof fetch,
): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  const ctl: RunController = new RunController(
    (e) => {
      events.push(e);
      onEvent(e, ctl);
    },
    {
      tracking: {
        timing: { flushDelayMs: 0, initialBackoffMs: 20, ...timing },
        origin: 'http://127.0.0.1:5173',
        ...(fetchFn ? { fetch: fetchFn } : {}),
      },
    },
  );
  await ctl.start({ runId: 'r1', config, secrets: {}, ...(credentials ? { trackingCredentials: credentials } : {}) });
  return events;
}

describe('studio tracking', () => {
  it('logs a finished run, ends it FINISHED, reports before the final status, never shows the token', async () => {
    server = await startMlflowServer({ token: TOKEN });
    const events = await run(tracked(server.url), { mlflow: { token: TOKEN } });
    const last = events[events.length - 1];
    expect(last).toMatchObject({ type: 'status', status: 'finished' });
    const tracking = events.find((e) => e.type === 'tracking');
    expect(tracking).toMatchObject({ backends: [{ backend: 'mlflow', undelivered: [] }] });
    expect(events.indexOf(tracking!)).toBe(events.length - 2);
    const [mlflowRun] = [...server.runs.values()];
    expect(mlflowRun?.info.status).toBe('FINISHED');
    expect(mlflowRun?.info.run_name).toBe('studio run');
    expect(mlflowRun?.metrics.some((m) => m.key === 'gepa/best_score_on_valset')).toBe(true);
    expect([...server.artifacts.keys()].some((k) => k.endsWith('gepa/candidate_tree.html'))).toBe(true);
    expect(JSON.stringify(events)).not.toContain(TOKEN);
  });

  it('ends a stopped run KILLED', async () => {
    server = await startMlflowServer();
    const events = await run(tracked(server.url, { budget: { maxMetricCalls: 2000 } }), undefined, (e, ctl) => {
      if (e.type === 'candidate' && e.row.candidateIdx === 1) ctl.stop();
    });
    expect(events[events.length - 1]).toMatchObject({ type: 'status', status: 'stopped' });
    expect([...server.runs.values()][0]?.info.status).toBe('KILLED');
  });

  it('keeps what a server that is down could not take, in the tracking event, and says so', async () => {
    server = await startMlflowServer();
    server.setDown(true);
    const events = await run(tracked(server.url), undefined, () => {}, { finishTimeoutMs: 300 });
    const tracking = events.find((e): e is Extract<RunEvent, { type: 'tracking' }> => e.type === 'tracking');
    expect(tracking?.backends[0]?.undelivered.length).toBeGreaterThan(0);
    const warnings = events.filter((e) => e.type === 'log' && e.level === 'warning').map((e) => JSON.stringify(e));
    expect(warnings.some((w) => w.includes('could not be delivered'))).toBe(true);
    expect(warnings.some((w) => w.includes('Download undelivered'))).toBe(true);
    expect(events[events.length - 1]).toMatchObject({ type: 'status', status: 'finished' });
  });

  it('says in the log what to start MLflow with when the server answers but refuses the origin (CORS)', async () => {
    const corsFetch: typeof fetch = async (_input, init) => {
      if (init?.mode === 'no-cors') return new Response(null);
      throw new TypeError('Failed to fetch');
    };
    const events = await run(
      tracked('http://127.0.0.1:5999'),
      undefined,
      () => {},
      { finishTimeoutMs: 300 },
      corsFetch,
    );
    const warnings = events.flatMap((e) => (e.type === 'log' && e.level === 'warning' ? [e.message] : []));
    expect(warnings.some((w) => w.includes('"mlflow server --cors-allowed-origins http://127.0.0.1:5173"'))).toBe(true);
    expect(events[events.length - 1]).toMatchObject({ type: 'status', status: 'finished' });
  });
});

describe('tracking connection test', () => {
  const target = (url: string) => ({ trackingUri: url, experimentName: 'studio' });

  it('connects, and says the experiment will be created', async () => {
    server = await startMlflowServer({ token: TOKEN });
    const result = await testTracking(target(server.url), { token: TOKEN });
    expect(result).toMatchObject({ ok: true });
    expect(result.message).toMatch(/does not exist yet: the run creates it/);
  });

  it('refuses a bad token without echoing it', async () => {
    server = await startMlflowServer({ token: TOKEN });
    const result = await testTracking(target(server.url), { token: 'wrong-token-123' });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/401/);
    expect(result.message).not.toContain('wrong-token-123');
  });

  it('tells CORS (the server answered an opaque request) from a server that cannot be reached', async () => {
    // fetch as a browser does it: the real request fails for CORS, the no-cors one gets an opaque answer
    const corsFetch: typeof fetch = async (_input, init) => {
      if (init?.mode === 'no-cors') return new Response(null);
      throw new TypeError('Failed to fetch');
    };
    const blocked = await testTracking(target('http://127.0.0.1:5999'), undefined, {
      fetch: corsFetch,
      origin: 'http://127.0.0.1:5173',
    });
    expect(blocked).toMatchObject({ ok: false, cors: true });
    expect(blocked.message).toContain('mlflow server --cors-allowed-origins http://127.0.0.1:5173');

    const down: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const unreachable = await testTracking(target('http://127.0.0.1:5999'), undefined, { fetch: down });
    expect(unreachable.ok).toBe(false);
    expect(unreachable.cors).toBeUndefined();
    expect(unreachable.message).toMatch(/Is the server running/);
  });
});
