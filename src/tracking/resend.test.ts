// Resending tracking-undelivered.jsonl: MLflow items go through the real MLflow tracker (over a fake fetch);
// the lines kept are exactly the items that failed again (with the new reason), every W&B item (with why),
// and every malformed line as it was, each malformed one named by its line number.
import { describe, expect, it } from 'vitest';
import { MlflowTracker } from './mlflow/mlflowTracker.ts';
import type { MlflowItem } from './mlflow/mlflowTracker.ts';
import type { MlflowRunInfo, MlflowRunStatus } from './mlflow/restTypes.ts';
import { parseUndeliveredLines, resendUndelivered, WANDB_CANNOT_RESEND } from './resend.ts';

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

const run = (status: MlflowRunStatus): MlflowRunInfo => ({
  run_id: 'r1',
  experiment_id: '7',
  status,
  start_time: 0,
  artifact_uri: 'mlflow-artifacts:/7/r1/artifacts',
  lifecycle_stage: 'active',
});

function fakeMlflow(fail: (s: Sent) => number | null = () => null, status: MlflowRunStatus = 'RUNNING') {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const method = init?.method ?? 'GET';
    const s: Sent = {
      method,
      path: new URL(String(input)).pathname,
      body: method === 'POST' ? JSON.parse(init?.body as string) : init?.body,
    };
    sent.push(s);
    const code = fail(s);
    if (code) return Response.json({ error_code: 'INVALID_PARAMETER_VALUE', message: 'refused' }, { status: code });
    if (s.path.endsWith('experiments/get-by-name')) return Response.json({ experiment: { experiment_id: '7' } });
    if (s.path.endsWith('runs/create')) return Response.json({ run: { info: run('RUNNING'), data: {} } });
    if (s.path.endsWith('runs/get')) return Response.json({ run: { info: run(status), data: { tags: [] } } });
    return Response.json({});
  };
  return { sent, fetch };
}

const resender = (fetch: typeof globalThis.fetch, continueRunId?: string) => {
  const tracker = new MlflowTracker({
    target: { trackingUri: 'http://mlflow.test', experimentName: 'e' },
    fetch,
    timing: { flushDelayMs: 0, initialBackoffMs: 1, maxBackoffMs: 1, finishTimeoutMs: 2000 },
    ...(continueRunId ? { continueRunId } : {}),
  });
  return (items: MlflowItem[]) => tracker.resend(items);
};

const line = (item: unknown, backend = 'mlflow') => JSON.stringify({ backend, item, error: 'server down' });
const metric = (key: string, step: number) => ({ key, value: 0.5, timestamp: 1, step });
const batch = (key: string, step: number) => ({
  kind: 'log-batch',
  metrics: [metric(key, step)],
  params: [],
  tags: [],
});

describe('resendUndelivered', () => {
  it('sends every MLflow item into a new run and keeps exactly the one that failed again', async () => {
    const { sent, fetch } = fakeMlflow((s) => (s.method === 'PUT' && s.path.endsWith('tree.html') ? 400 : null));
    const items = [
      { kind: 'start' },
      { kind: 'log-batch', metrics: [], params: [{ key: 'seed', value: '0' }], tags: [] },
      batch('score', 1),
      { kind: 'artifact', path: 'tree.html', content: '<p>tree</p>' },
      { kind: 'artifact', path: 'candidates.json', content: '{"columns":[],"data":[]}' },
      batch('score', 2),
      { kind: 'end', status: 'FINISHED' },
    ];
    const result = await resendUndelivered(items.map((i) => line(i)).join('\n') + '\n', resender(fetch));
    expect(result).toMatchObject({ total: 7, resent: 6, runId: 'r1', malformed: [] });
    expect(result.kept).toHaveLength(1);
    const kept = JSON.parse(result.kept[0] as string);
    expect(kept.item).toEqual(items[3]);
    expect(kept.error).toMatch(/HTTP 400 to upload 7\/r1\/artifacts\/tree\.html/);
    expect(sent.map((s) => `${s.method} ${s.path.replace(/^\/api\/2\.0\//, '')}`)).toEqual([
      'GET mlflow/experiments/get-by-name',
      'POST mlflow/runs/create',
      'POST mlflow/runs/log-batch',
      'PUT mlflow-artifacts/artifacts/7/r1/artifacts/tree.html',
      'PUT mlflow-artifacts/artifacts/7/r1/artifacts/candidates.json',
      'POST mlflow/runs/log-batch',
      'POST mlflow/runs/update',
    ]);
    // the params and the first scalars went in one request, within log-batch's limits
    expect(sent[2]?.body).toEqual({
      run_id: 'r1',
      params: [{ key: 'seed', value: '0' }],
      metrics: [metric('score', 1)],
    });
    expect(sent[6]?.body).toMatchObject({ run_id: 'r1', status: 'FINISHED' });
  });

  it('reports a malformed line with its number and keeps it as it was, in its place', async () => {
    const { fetch } = fakeMlflow();
    const text = [
      line(batch('a', 1)),
      '{"backend":"mlflow","item":{"kind":"log-batch","metrics":[{"key":"b"',
      '',
      line({ kind: 'teleport' }),
      line({ kind: 'end', status: 'DONE' }),
      'not json at all',
      line(batch('c', 2)),
    ].join('\n');
    const result = await resendUndelivered(text, resender(fetch, 'r1'));
    expect(result.malformed.map((m) => m.line)).toEqual([2, 4, 5, 6]);
    expect(result.malformed[0]?.problem).toMatch(/^not JSON/);
    expect(result.malformed[1]?.problem).toBe('unknown MLflow item kind "teleport"');
    expect(result.malformed[2]?.problem).toMatch(/end "status" must be one of FINISHED, FAILED, KILLED/);
    const lines = text.split('\n');
    expect(result.kept).toEqual([lines[1], lines[3], lines[4], lines[5]]);
    expect(result).toMatchObject({ total: 6, resent: 2, runId: 'r1' });
  });

  it('keeps every W&B item, saying once per kind that the SDK cannot resume a run', async () => {
    const { sent, fetch } = fakeMlflow();
    const text = [
      line({ kind: 'init', init: { project: 'p' } }, 'wandb'),
      line({ kind: 'history', step: 1, row: { a: 1 } }, 'wandb'),
      line({ kind: 'history', step: 2, row: { a: 2 } }, 'wandb'),
      line(batch('a', 1)),
    ];
    const result = await resendUndelivered(text.join('\n'), resender(fetch, 'r1'));
    expect(result.kept).toEqual(text.slice(0, 3));
    expect(result.resent).toBe(1);
    expect(result.notes).toEqual([
      `wandb: 1 "init" item(s) kept: ${WANDB_CANNOT_RESEND}`,
      `wandb: 2 "history" item(s) kept: ${WANDB_CANNOT_RESEND}`,
    ]);
    expect(WANDB_CANNOT_RESEND).toMatch(/^W&B's JavaScript SDK cannot resume a run, so it cannot be sent again/);
    expect(sent.some((s) => JSON.stringify(s.body ?? '').includes('"step":2'))).toBe(false);
  });

  it('sends the last of several uploads of one artifact, and no end to a run that has already ended', async () => {
    const { sent, fetch } = fakeMlflow(() => null, 'FINISHED');
    const text = [
      line({ kind: 'artifact', path: 'candidates.json', content: 'old' }),
      line({ kind: 'end', status: 'KILLED' }),
      line({ kind: 'artifact', path: 'candidates.json', content: 'new' }),
    ].join('\n');
    const result = await resendUndelivered(text, resender(fetch, 'r1'));
    expect(result).toMatchObject({ resent: 3, kept: [] });
    expect(sent.filter((s) => s.method === 'PUT').map((s) => s.body)).toEqual(['new']);
    expect(sent.some((s) => s.path.endsWith('runs/update'))).toBe(false);
    expect(result.notes).toEqual([
      'mlflow: the MLflow run r1 has already ended (FINISHED): its end (KILLED) was not sent again',
    ]);
  });

  it('keeps everything, with the reason, when the run cannot be found, or when nothing can send them', async () => {
    const { fetch } = fakeMlflow((s) => (s.path.endsWith('runs/get') ? 404 : null));
    const text = [line(batch('a', 1)), line({ kind: 'end', status: 'FINISHED' })].join('\n');
    const gone = await resendUndelivered(text, resender(fetch, 'gone'));
    expect(gone.resent).toBe(0);
    expect(gone.kept.map((k) => JSON.parse(k).error)).toEqual([
      expect.stringMatching(/no MLflow run to log into: .*HTTP 404/),
      expect.stringMatching(/no MLflow run to log into: .*HTTP 404/),
    ]);
    const cannot = await resendUndelivered(text, { cannot: 'no tracking server' });
    expect(cannot.kept.map((k) => JSON.parse(k).error)).toEqual(['no tracking server', 'no tracking server']);
    expect(cannot.notes).toEqual(['mlflow: 2 item(s) not sent: no tracking server']);
  });

  it('numbers lines as an editor does, skipping blank ones', () => {
    const parsed = parseUndeliveredLines(`\n${line({ kind: 'start' })}\r\n\n{`);
    expect(parsed.map((p) => [p.line, p.kind])).toEqual([
      [2, 'mlflow'],
      [4, 'malformed'],
    ]);
  });
});
