import { describe, expect, it } from 'vitest';
import { virtualTime } from '../virtualTime.testkit.ts';
import { artifactRoot, MlflowTracker } from './mlflowTracker.ts';
import type { MlflowTrackerOptions } from './mlflowTracker.ts';
import type { MlflowRunInfo } from './restTypes.ts';

interface Sent {
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
}

const RUN: MlflowRunInfo = {
  run_id: 'r1',
  experiment_id: '7',
  status: 'RUNNING',
  start_time: 0,
  artifact_uri: 'mlflow-artifacts:/7/r1/artifacts',
  lifecycle_stage: 'active',
};

/** A fake MLflow: answers each endpoint, or with the status `fail` picks for a request. */
function fakeServer(fail: (s: Sent) => { status: number; body?: unknown; headers?: Record<string, string> } | null) {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const s: Sent = {
      method: init?.method ?? 'GET',
      url: String(input),
      headers: init?.headers as Record<string, string>,
      body: null,
    };
    s.body = s.method === 'POST' ? JSON.parse(init?.body as string) : init?.body;
    sent.push(s);
    const failure = fail(s);
    if (failure)
      return new Response(JSON.stringify(failure.body ?? { error_code: 'X', message: 'no' }), {
        status: failure.status,
        ...(failure.headers ? { headers: failure.headers } : {}),
      });
    const path = new URL(s.url).pathname;
    if (path.endsWith('experiments/get-by-name'))
      return Response.json({ experiment: { experiment_id: '7', name: 'e' } });
    if (path.endsWith('runs/create') || path.endsWith('runs/get'))
      return Response.json({ run: { info: RUN, data: { tags: [] } } });
    return Response.json({});
  };
  return { sent, fetch };
}

function tracker(fetch: typeof globalThis.fetch, extra: Partial<MlflowTrackerOptions> = {}) {
  const time = virtualTime();
  const t = new MlflowTracker({
    target: { trackingUri: 'http://mlflow.test:5000/', experimentName: 'e' },
    fetch,
    deps: time,
    timing: { flushDelayMs: 10, initialBackoffMs: 100, maxBackoffMs: 1000, finishTimeoutMs: 60_000 },
    ...extra,
  });
  return { t, time };
}

const paths = (sent: Sent[]) => sent.map((s) => `${s.method} ${new URL(s.url).pathname.replace('/api/2.0/', '')}`);

describe('MlflowTracker', () => {
  it('splits params and metrics into log-batch requests within MLflow’s limits', async () => {
    const server = fakeServer(() => null);
    const { t, time } = tracker(server.fetch);
    t.start({ params: Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`p${i}`, 'v'])) });
    for (let step = 0; step < 30; step++)
      t.metrics(step, Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`m${i}`, i])));
    await time.run(t.finish('FINISHED'));
    const batches = server.sent
      .filter((s) => s.url.endsWith('runs/log-batch'))
      .map((s) => s.body as Record<string, []>);
    for (const b of batches) {
      expect(b.params?.length ?? 0).toBeLessThanOrEqual(100);
      expect(b.metrics?.length ?? 0).toBeLessThanOrEqual(1000);
      expect((b.params?.length ?? 0) + (b.metrics?.length ?? 0)).toBeLessThanOrEqual(1000);
    }
    expect(batches.flatMap((b) => b.params ?? [])).toHaveLength(250);
    expect(batches.flatMap((b) => b.metrics ?? [])).toHaveLength(1500);
    expect(paths(server.sent).slice(0, 2)).toEqual(['GET mlflow/experiments/get-by-name', 'POST mlflow/runs/create']);
    expect(paths(server.sent).at(-1)).toBe('POST mlflow/runs/update');
    expect(server.sent.at(-1)?.body).toMatchObject({ run_id: 'r1', status: 'FINISHED' });
  });

  it('creates the experiment when get-by-name says it does not exist', async () => {
    const server = fakeServer((s) =>
      s.url.includes('get-by-name')
        ? { status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: '' } }
        : null,
    );
    const { t, time } = tracker(server.fetch);
    t.start({ params: {} });
    await time.run(t.finish('FINISHED'));
    expect(paths(server.sent).slice(0, 3)).toEqual([
      'GET mlflow/experiments/get-by-name',
      'POST mlflow/experiments/create',
      'POST mlflow/runs/create',
    ]);
  });

  it('uploads a table as log_table JSON below the run’s artifact URI, once per flush however it grows', async () => {
    const server = fakeServer(() => null);
    const { t, time } = tracker(server.fetch);
    t.start({ params: {} });
    for (let i = 0; i < 5; i++) t.table('gepa/candidates', ['iteration', 'text:system'], [[i, `t${i}`]]);
    await time.run(t.finish('FINISHED'));
    const uploads = server.sent.filter((s) => s.method === 'PUT');
    expect(uploads.map((u) => new URL(u.url).pathname)).toEqual([
      '/api/2.0/mlflow-artifacts/artifacts/7/r1/artifacts/gepa/candidates.json',
    ]);
    expect(JSON.parse(uploads[0]?.body as string)).toEqual({
      columns: ['iteration', 'text:system'],
      data: [0, 1, 2, 3, 4].map((i) => [i, `t${i}`]),
    });
    const tag = server.sent.find(
      (s) => (s.body as { tags?: { key: string }[] })?.tags?.[0]?.key === 'mlflow.loggedArtifacts',
    );
    expect(tag?.body).toEqual({
      run_id: 'r1',
      tags: [{ key: 'mlflow.loggedArtifacts', value: '[{"path":"gepa/candidates.json","type":"table"}]' }],
    });
  });

  it('sets aside a request the server rejects (400) and delivers the rest', async () => {
    const server = fakeServer((s) =>
      (s.body as { metrics?: { key: string }[] })?.metrics?.some((m) => m.key === 'bad') ? { status: 400 } : null,
    );
    const { t, time } = tracker(server.fetch, { timing: { flushDelayMs: 0 } });
    t.start({ params: {} });
    await time.idle();
    t.metrics(1, { bad: 1 });
    await time.idle();
    t.metrics(2, { good: 1 });
    const report = await time.run(t.finish('FINISHED'));
    expect(report.backends[0]?.undelivered.map((u) => u.item)).toEqual([
      {
        kind: 'log-batch',
        metrics: [{ key: 'bad', value: 1, timestamp: expect.any(Number), step: 1 }],
        params: [],
        tags: [],
      },
    ]);
    expect(report.backends[0]?.undelivered[0]?.error).toMatch(/HTTP 400 to POST runs\/log-batch: X no/);
    expect(server.sent.some((s) => String(JSON.stringify(s.body)).includes('"good"'))).toBe(true);
  });

  it('drops NaN and Infinity, which JSON cannot carry, and clips over-long param and tag values', async () => {
    const server = fakeServer(() => null);
    const { t, time } = tracker(server.fetch);
    t.start({ params: { long: 'x'.repeat(7000) } });
    t.metrics(1, { ok: 1, nan: Number.NaN, inf: Number.POSITIVE_INFINITY });
    t.summary({ 'best/system': 'y'.repeat(6000), best_valset_score: 0.5 });
    await time.run(t.finish('FINISHED'));
    const body = JSON.stringify(server.sent.filter((s) => s.method === 'POST').map((s) => s.body));
    expect(body).not.toMatch(/"nan"|"inf"|null/);
    const all = server.sent.flatMap((s) => [
      ...((s.body as { params?: { value: string }[] })?.params ?? []),
      ...((s.body as { tags?: { value: string }[] })?.tags ?? []),
    ]);
    expect(Math.max(...all.map((p) => p.value.length))).toBeLessThanOrEqual(6000);
    expect(all.some((p) => p.value.endsWith('…[truncated]'))).toBe(true);
  });

  it('attaches to a given run: runs/get, never runs/create or runs/update', async () => {
    const server = fakeServer(() => null);
    const { t, time } = tracker(server.fetch, {
      target: { trackingUri: 'http://mlflow.test', experimentName: 'e', runId: 'r1', tags: { a: 'b' } },
    });
    t.start({ params: { x: '1' } });
    t.metrics(1, { y: 2 });
    await time.run(t.finish('KILLED'));
    expect(paths(server.sent)).toEqual(['GET mlflow/runs/get', 'POST mlflow/runs/log-batch']);
    expect(server.sent[0]?.url).toBe('http://mlflow.test/api/2.0/mlflow/runs/get?run_id=r1');
  });

  it('sends basic auth as MLflow’s clients do, and retries 429 after its Retry-After', async () => {
    let limited = 1;
    const server = fakeServer(() => (limited-- > 0 ? { status: 429, headers: { 'Retry-After': '3' } } : null));
    const { t, time } = tracker(server.fetch, { auth: { kind: 'basic', username: 'ana', password: 'pä55' } });
    t.start({ params: {} });
    const report = await time.run(t.finish('FINISHED'));
    expect(report.backends[0]?.undelivered).toEqual([]);
    expect(time.sleeps).toContain(3000);
    expect(server.sent[0]?.headers.Authorization).toBe(`Basic ${Buffer.from('ana:pä55').toString('base64')}`);
  });
});

describe('artifactRoot', () => {
  it('takes the path of an mlflow-artifacts URI, or MLflow’s default layout for another store', () => {
    expect(artifactRoot(RUN)).toBe('7/r1/artifacts');
    expect(artifactRoot({ ...RUN, artifact_uri: 'mlflow-artifacts://host:5000/7/r1/artifacts/' })).toBe(
      '7/r1/artifacts',
    );
    expect(artifactRoot({ ...RUN, artifact_uri: 's3://bucket/7/r1/artifacts' })).toBe('7/r1/artifacts');
  });
});
