// The W&B tracker with the real W&B JavaScript SDK (@wandb/sdk 0.5.1, in the CLI's worker thread behind its
// relay) against the local W&B stand-in (e2e/wandbServer/): a demo run's every seed scalar (with its step)
// and summary key reaches W&B, with and without a key prefix, and the run ends with its exit code; what the
// SDK cannot log (tables, HTML, tags, notes) is said, not dropped silently; attach mode creates and finishes
// no run; a server that fails 30 % of requests and is down for a while loses nothing; a server that stays
// down or refuses the key neither stops nor holds up the run, and everything is reported undelivered; the API
// key reaches no report, problem or event.
import { afterEach, describe, expect, it } from 'vitest';
import { nodeWandbHost } from '../src/cli/wandbSdkHost.ts';
import type { WandbHostOptions } from '../src/cli/wandbSdkHost.ts';
import { redactor } from '../src/run/redact.ts';
import { recordingTracker } from '../src/tracking/recordingTracker.testkit.ts';
import type { TrackerCall } from '../src/tracking/recordingTracker.testkit.ts';
import { WandbTracker } from '../src/tracking/wandb/wandbTracker.ts';
import type { WandbTarget } from '../src/tracking/wandb/wandbTracker.ts';
import { demoConfig, trackedRun } from './mlflowServer/trackedRun.ts';
import { startWandbServer } from './wandbServer/server.ts';
import type { StoredWandbRun, WandbServer } from './wandbServer/server.ts';

const KEY = 'wandb-key-0123456789abcdef0123456789abcdef';
const BASIC = Buffer.from(`api:${KEY}`).toString('base64');
const SEED_SCALARS = [
  'val_program_average',
  'best_score_on_valset',
  'valset_pareto_front_agg',
  'subsample/before',
  'subsample/after',
  'total_metric_calls',
];
const SUMMARY_KEYS = ['best_candidate_idx', 'best_valset_score', 'total_iterations', 'total_candidates'];
const TARGET: WandbTarget = {
  project: 'gepa-tests',
  name: 'demo',
  tags: ['sentiment'],
  notes: 'a test run',
  config: { dataset: 'sentiment' },
};

let servers: WandbServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function server(options: Parameters<typeof startWandbServer>[0] = {}): Promise<WandbServer> {
  const s = await startWandbServer({ apiKey: KEY, ...options });
  servers.push(s);
  return s;
}

function tracker(s: WandbServer, target: Partial<WandbTarget> = {}, host: Partial<WandbHostOptions> = {}) {
  const problems: string[] = [];
  const t = new WandbTracker({
    target: { ...TARGET, ...target },
    host: nodeWandbHost({
      baseUrl: s.url,
      apiKey: KEY,
      redact: redactor({ wandbApiKey: KEY }),
      initialBackoffMs: 10,
      maxBackoffMs: 200,
      ...host,
    }),
    finishTimeoutMs: 20_000,
    onProblem: (m) => problems.push(m),
  });
  return { tracker: t, problems };
}

const onlyRun = (s: WandbServer): StoredWandbRun => {
  expect(s.runs.size).toBe(1);
  return [...s.runs.values()][0] as StoredWandbRun;
};
const metricCalls = (calls: TrackerCall[]) =>
  calls.filter((c): c is Extract<TrackerCall, { call: 'metrics' }> => c.call === 'metrics');

/**
 * Every scalar the tracking stream gave is in the history row of its step (one row a step, W&B's history:
 * a key given twice in a step keeps its last value), rows in step order.
 */
function expectHistory(run: StoredWandbRun, calls: TrackerCall[]): void {
  const steps = run.history.map((r) => r._step as number);
  expect(run.history.every(Boolean)).toBe(true);
  expect(steps).toEqual([...steps].sort((a, b) => a - b));
  expect(new Set(steps).size).toBe(steps.length);
  const expected = new Map<number, Record<string, number>>();
  for (const { step, values } of metricCalls(calls)) expected.set(step, { ...expected.get(step), ...values });
  expect(steps).toEqual([...expected.keys()].sort((a, b) => a - b));
  for (const [step, values] of expected) {
    const row = run.history.find((r) => r._step === step);
    for (const [k, v] of Object.entries(values)) if (Number.isFinite(v)) expect(row?.[k], `${k} @ ${step}`).toBe(v);
  }
}

function expectNoKey(...texts: unknown[]): void {
  for (const t of texts) {
    const s = typeof t === 'string' ? t : JSON.stringify(t);
    expect(s).not.toContain(KEY);
    expect(s).not.toContain(BASIC);
  }
}

describe.each([
  ['without a key prefix', ''],
  ['with keyPrefix "gepa/"', 'gepa/'],
])('a demo run logged to W&B with its JavaScript SDK %s', (_name, prefix) => {
  it('creates the run and delivers every seed scalar and summary key; says what the SDK cannot log', async () => {
    const s = await server();
    const { tracker: t, problems } = tracker(s);
    const recorder = recordingTracker();
    const config = demoConfig({ tracking: { keyPrefix: prefix, wandb: { project: 'x' } } });
    const { outcome, report, events } = await trackedRun(config, [t, recorder]);
    expect(outcome.status).toBe('finished');
    const b = report?.backends[0];
    expect(b?.undelivered).toEqual([]);
    expect(b?.runId).toBe(t.runId);
    const run = onlyRun(s);
    expect(run).toMatchObject({ entity: 'test-entity', project: 'gepa-tests', name: t.runId, displayName: 'demo' });
    expect(run.complete).toBe(true);
    expect(run.exitcode).toBe(0);
    // init: the run's params (prefixed, no dataset rows) with the user's config, as W&B's config
    const cfg = run.config as Record<string, unknown>;
    expect(cfg[`${prefix}budget.maxMetricCalls`]).toBe('120');
    expect(cfg.dataset).toBe('sentiment');
    expect(Object.keys(cfg).some((k) => k.includes('dataset.rows'))).toBe(false);
    // every seed scalar, each step's in one row with the iteration as its step
    const keys = new Set(run.history.flatMap((r) => Object.keys(r)));
    for (const k of SEED_SCALARS) expect(keys, k).toContain(prefix + k);
    expectHistory(run, recorder.calls);
    expect(Math.max(...run.history.map((r) => r._step as number))).toBe(outcome.iteration);
    // the summary: the seed's keys with their values
    const summary = recorder.calls.find((c) => c.call === 'summary');
    expect(summary?.call === 'summary' && Object.keys(summary.values)).toEqual(
      expect.arrayContaining([
        ...SUMMARY_KEYS.map((k) => prefix + k),
        `${prefix}seed/classify`,
        `${prefix}best/classify`,
      ]),
    );
    if (summary?.call === 'summary')
      for (const [k, v] of Object.entries(summary.values)) expect(run.summary[k], k).toEqual(v);
    expect(run.summary[`${prefix}best/classify`]).toBe(outcome.result?.bestCandidate.classify);
    // what the SDK cannot do is said, once, and named in the report
    expect(b?.notLogged).toEqual(
      expect.arrayContaining([`table ${prefix}candidates`, `table ${prefix}proposals`, `HTML ${prefix}candidate_tree`]),
    );
    expect(problems.join('\n')).toMatch(/tags and notes not sent: @wandb\/sdk 0\.5\.1/);
    expect(problems.join('\n')).toMatch(/no tables, HTML or file uploads/);
    // only the SDK's own endpoints, and the key only in its Authorization header
    expect(new Set(s.requests.map((r) => r.operation ?? r.path.replace(t.runId, 'RUN')))).toEqual(
      new Set(['Viewer', 'UpsertBucket', '/files/test-entity/gepa-tests/RUN/file_stream']),
    );
    expect(s.authorizations.every((a) => a === `Basic ${BASIC}`)).toBe(true);
    expectNoKey(report, problems, events, s.requests);
  });
});

describe('attach mode (runId)', () => {
  it('logs into the named run and neither creates another nor finishes it', async () => {
    const s = await server();
    const existing = s.createRun('team', 'gepa-tests', 'run0042');
    const { tracker: t } = tracker(s, { entity: 'team', runId: 'run0042', name: undefined });
    const recorder = recordingTracker();
    const { outcome, report } = await trackedRun(demoConfig({ tracking: { keyPrefix: 'gepa/' } }), [t, recorder]);
    expect(outcome.status).toBe('finished');
    expect(report?.backends[0]?.undelivered).toEqual([]);
    expect(report?.backends[0]?.runId).toBe('run0042');
    expect(onlyRun(s)).toBe(existing);
    // the SDK upserts the named run (it has no other way to start), and is never let to end it
    expect(existing.upserts.map((u) => u.name)).toEqual(['run0042']);
    expect(existing.upserts[0]?.config).toBeUndefined();
    expect(existing.upserts[0]?.displayName).toBeUndefined();
    expect(existing.complete).toBe(false);
    expect(s.requests.some((r) => r.body.includes('"complete"'))).toBe(false);
    expectHistory(existing, recorder.calls);
    expect(Object.keys(existing.summary)).toContain('gepa/best_valset_score');
  });
});

describe('delivery problems', () => {
  it('a server failing 30 % of requests and down for the first 0.5 s loses nothing', async () => {
    const s = await server({ failureRate: 0.3, seed: 7 });
    s.setDown(true);
    setTimeout(() => s.setDown(false), 500);
    const { tracker: t, problems } = tracker(s);
    const recorder = recordingTracker();
    const { outcome, report } = await trackedRun(demoConfig(), [t, recorder]);
    expect(outcome.status).toBe('finished');
    expect(report?.backends[0]?.undelivered).toEqual([]);
    expect(s.requests.filter((r) => r.status !== 200).length).toBeGreaterThan(0);
    expect(problems.some((p) => /retrying/.test(p))).toBe(true);
    const run = onlyRun(s);
    expect(run.complete).toBe(true);
    expectHistory(run, recorder.calls);
    expect(run.summary.best_valset_score).toBeDefined();
  });

  it('a server down throughout neither stops nor holds up the run; everything is reported undelivered', async () => {
    const s = await server();
    s.setDown(true);
    const problems: string[] = [];
    const t = new WandbTracker({
      target: TARGET,
      host: nodeWandbHost({
        baseUrl: s.url,
        apiKey: KEY,
        redact: redactor({ wandbApiKey: KEY }),
        initialBackoffMs: 10,
      }),
      finishTimeoutMs: 1500,
      onProblem: (m) => problems.push(m),
    });
    const { outcome, report, finishMs } = await trackedRun(demoConfig(), [t]);
    expect(outcome.status).toBe('finished');
    expect(finishMs).toBeLessThan(5000);
    const b = report?.backends[0];
    const kinds = b?.undelivered.map((u) => (u.item as { kind: string }).kind);
    expect(kinds?.[0]).toBe('init');
    expect(kinds).toContain('history');
    expect(kinds).toContain('summary');
    expect(kinds?.at(-1)).toBe('finish');
    expect(b?.undelivered.filter((u) => (u.item as { kind: string }).kind === 'history').length).toBe(
      outcome.iteration + 1,
    );
    expect(b?.undelivered[0]?.error).toMatch(/not delivered within the 1\.5 s|could not be reached/);
    expect(problems.join('\n')).toMatch(/W&B could not be reached/);
    expectNoKey(report, problems);
  });

  it('a refused key is reported (redacted) and nothing is retried', async () => {
    const s = await server({ apiKey: 'another-key-that-the-server-expects' });
    const { tracker: t, problems } = tracker(s);
    const { outcome, report, finishMs } = await trackedRun(demoConfig(), [t]);
    expect(outcome.status).toBe('finished');
    expect(finishMs).toBeLessThan(10_000);
    expect(report?.backends[0]?.undelivered.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(/W&B refused the Viewer request: HTTP 401/);
    expect(s.requests.length).toBe(1);
    expectNoKey(report, problems);
  });
});
