// The MLflow tracker against the local MLflow-compatible server (e2e/mlflowServer/), strict about the
// documented request shapes: a demo run's every seed scalar, table (with its exact columns) and summary key
// reaches MLflow, with and without a key prefix; attach mode creates and ends no run; a server that fails
// 30 % of requests and is down for a while loses nothing and does not hold the run up; a token never
// reaches a log, an event, a report or what is kept for a resend.
import { afterEach, describe, expect, it } from 'vitest';
import type { TrackingEvent } from '../src/engine/index.ts';
import { MlflowTracker } from '../src/tracking/mlflow/mlflowTracker.ts';
import type { MlflowTrackerOptions } from '../src/tracking/mlflow/mlflowTracker.ts';
import { startRunTracking } from '../src/tracking/runTracking.ts';
import { CANDIDATE_COLUMNS, PROPOSAL_COLUMNS } from '../src/tracking/trackRun.ts';
import { startMlflowServer } from './mlflowServer/server.ts';
import type { MlflowServer, StoredRun } from './mlflowServer/server.ts';
import { demoConfig, trackedRun } from './mlflowServer/trackedRun.ts';

const SEED_SCALARS = [
  'val_program_average',
  'best_score_on_valset',
  'valset_pareto_front_agg',
  'subsample/before',
  'subsample/after',
  'total_metric_calls',
];
const FAST = { flushDelayMs: 20, initialBackoffMs: 10, maxBackoffMs: 200, finishTimeoutMs: 20_000 };

let servers: MlflowServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function server(options: Parameters<typeof startMlflowServer>[0] = {}): Promise<MlflowServer> {
  const s = await startMlflowServer(options);
  servers.push(s);
  return s;
}

function tracker(s: MlflowServer, extra: Partial<MlflowTrackerOptions> = {}): MlflowTracker {
  return new MlflowTracker({
    target: { trackingUri: s.url, experimentName: 'gepa-tests', runName: 'demo', tags: { team: 'prompts' } },
    timing: FAST,
    ...extra,
  });
}

const onlyRun = (s: MlflowServer): StoredRun => {
  expect(s.runs.size).toBe(1);
  return [...s.runs.values()][0] as StoredRun;
};
const table = (s: MlflowServer, run: StoredRun, path: string) =>
  JSON.parse(s.artifacts.get(`${run.info.experiment_id}/${run.info.run_id}/artifacts/${path}`) ?? 'null') as {
    columns: string[];
    data: unknown[][];
  } | null;
const metricKeys = (run: StoredRun) => new Set(run.metrics.map((m) => m.key));

describe.each([
  ['without a key prefix', ''],
  ['with keyPrefix "gepa/"', 'gepa/'],
])('a demo run logged to MLflow %s', (_name, prefix) => {
  it('creates the experiment and run, and delivers every seed scalar, table and summary key', async () => {
    const s = await server();
    const config = demoConfig({ tracking: { keyPrefix: prefix, mlflow: { trackingUri: s.url, experimentName: 'x' } } });
    const { outcome, report } = await trackedRun(config, [tracker(s)]);
    expect(outcome.status).toBe('finished');
    expect(report?.backends[0]?.undelivered).toEqual([]);
    const run = onlyRun(s);
    expect([...s.experiments.values()].map((e) => e.name)).toContain('gepa-tests');
    expect(run.info.run_name).toBe('demo');
    expect(run.tags.get('team')).toBe('prompts');
    expect(run.info.status).toBe('FINISHED');
    expect(run.info.end_time).toBeGreaterThan(0);
    // params: the flattened config, once, prefixed; no dataset rows
    expect(run.params.get(`${prefix}budget.maxMetricCalls`)).toBe('120');
    expect(run.params.get(`${prefix}program.steps.0.name`)).toBe('classify');
    expect([...run.params.keys()].every((k) => k.startsWith(prefix) && !k.includes('dataset.rows'))).toBe(true);
    // every seed scalar, with the iteration as its step
    for (const k of SEED_SCALARS) expect(metricKeys(run), k).toContain(prefix + k);
    expect(Math.max(...run.metrics.filter((m) => m.key === `${prefix}best_score_on_valset`).map((m) => m.step))).toBe(
      outcome.iteration,
    );
    // the tables, with the seed's columns, listed in the tag log_table keeps
    const candidates = table(s, run, `${prefix}candidates.json`);
    expect(candidates?.columns).toEqual([...CANDIDATE_COLUMNS, 'text:classify']);
    expect(candidates?.data.length).toBe(outcome.result?.candidates.length);
    const proposals = table(s, run, `${prefix}proposals.json`);
    expect(proposals?.columns).toEqual([...PROPOSAL_COLUMNS]);
    expect(proposals?.data.length).toBeGreaterThan(0);
    expect(proposals?.data.every((r) => r[2] === 'accepted' || r[2] === 'rejected')).toBe(true);
    expect(table(s, run, `${prefix}valset_scores.json`)?.columns.slice(0, 3)).toEqual([
      'candidate_idx',
      'parent_ids',
      '0',
    ]);
    expect(table(s, run, `${prefix}valset_pareto_front.json`)?.columns).toEqual([
      'iteration',
      'val_id',
      'best_score',
      'program_ids',
    ]);
    const logged = JSON.parse(run.tags.get('mlflow.loggedArtifacts') ?? '[]') as { path: string; type: string }[];
    expect(logged.map((l) => l.path).sort()).toEqual(
      ['candidates', 'proposals', 'valset_pareto_front', 'valset_scores'].map((t) => `${prefix}${t}.json`).sort(),
    );
    // the candidate tree, and the summary
    const tree = s.artifacts.get(`${run.info.experiment_id}/${run.info.run_id}/artifacts/${prefix}candidate_tree.html`);
    expect(tree).toContain(`${outcome.result?.candidates.length} candidates`);
    for (const k of ['best_candidate_idx', 'best_valset_score', 'total_iterations', 'total_candidates'])
      expect(metricKeys(run), k).toContain(prefix + k);
    expect(run.tags.get(`${prefix}seed/classify`)).toBe(sentimentSeed());
    expect(run.tags.get(`${prefix}best/classify`)).toBe(outcome.result?.bestCandidate.classify);
  });
});

function sentimentSeed(): string {
  return demoConfig().program.steps[0]?.instruction as string;
}

describe('the objective tables', () => {
  it('reach MLflow with their columns when the adapter reports objectives', async () => {
    const s = await server();
    const config = demoConfig({ tracking: { mlflow: { trackingUri: s.url, experimentName: 'x' } } });
    const tracking = startRunTracking(config, [tracker(s)]);
    const events: TrackingEvent[] = [
      { type: 'objectiveScores', row: { iteration: 1, candidateIdx: 1, objectives: { speed: 0.5, accuracy: 0.75 } } },
      {
        type: 'objectiveParetoFront',
        row: { iteration: 1, best: { speed: 0.5, accuracy: 0.75 }, programs: { speed: [1], accuracy: [0, 1] } },
      },
    ];
    events.forEach(tracking.onTrackingEvent);
    await tracking.finish('finished');
    const run = onlyRun(s);
    expect(table(s, run, 'objective_scores.json')).toEqual({
      columns: ['candidate_idx', 'parent_ids', 'accuracy', 'speed'],
      data: [[1, '[]', 0.75, 0.5]],
    });
    expect(table(s, run, 'objective_pareto_front.json')).toEqual({
      columns: ['iteration', 'objective', 'best_score', 'program_ids'],
      data: [
        [1, 'accuracy', 0.75, '[0, 1]'],
        [1, 'speed', 0.5, '[1]'],
      ],
    });
  });
});

describe('attach mode (tracking.mlflow.runId)', () => {
  it('logs into the named run and neither creates nor ends a run; the caller’s logged tables stay listed', async () => {
    const s = await server();
    const caller = s.createRun('shared', {
      'mlflow.loggedArtifacts': JSON.stringify([{ path: 'eval.json', type: 'table' }]),
    });
    const config = demoConfig({
      tracking: {
        keyPrefix: 'gepa/',
        mlflow: { trackingUri: s.url, experimentName: 'shared', runId: caller.info.run_id },
      },
    });
    const { report } = await trackedRun(config, [
      tracker(s, { target: { trackingUri: s.url, experimentName: 'shared', runId: caller.info.run_id } }),
    ]);
    expect(report?.backends[0]?.undelivered).toEqual([]);
    expect(s.runs.size).toBe(1);
    expect(s.requests.filter((r) => r.path.endsWith('/runs/create') || r.path.endsWith('/runs/update'))).toEqual([]);
    expect(s.requests.filter((r) => r.path.includes('/experiments/'))).toEqual([]);
    expect(caller.info.status).toBe('RUNNING');
    expect(metricKeys(caller)).toContain('gepa/best_score_on_valset');
    const logged = JSON.parse(caller.tags.get('mlflow.loggedArtifacts') ?? '[]') as { path: string }[];
    expect(logged.map((l) => l.path)).toContain('eval.json');
    expect(logged.map((l) => l.path)).toContain('gepa/candidates.json');
  });
});

describe('a resumed run (the CLI’s tracking.json)', () => {
  it('continues the run it created, with the tables so far, and ends it', async () => {
    const s = await server();
    const first = tracker(s);
    first.start({ params: { a: '1' } });
    first.table('candidates', ['iteration'], [[0], [1]]);
    await first.finish('KILLED');
    const run = onlyRun(s);
    expect(run.info.status).toBe('KILLED');
    const second = tracker(s, { continueRunId: run.info.run_id, tables: first.tables() });
    second.start({ params: { a: '1' } });
    second.table('candidates', ['iteration'], [[2]]);
    const report = await second.finish('FINISHED');
    expect(report.backends[0]?.undelivered).toEqual([]);
    expect(s.runs.size).toBe(1);
    expect(run.info.status).toBe('FINISHED');
    expect(table(s, run, 'candidates.json')?.data).toEqual([[0], [1], [2]]);
  });
});

describe('a flaky tracking server', () => {
  it('that fails 30 % of requests and is down for a while loses nothing and does not hold the run up', async () => {
    const reference = await server();
    const flaky = await server({ failureRate: 0.3, seed: 7 });
    const config = demoConfig({ tracking: { mlflow: { trackingUri: flaky.url, experimentName: 'x' } } });
    const latency = { demoLatencyMs: 5 };
    const baseline = await trackedRun(config, [], latency);
    const clean = await trackedRun(config, [tracker(reference)], latency);
    // down from the start for a while: the run starts, and goes on, without its tracking server
    flaky.setDown(true);
    const up = setTimeout(() => flaky.setDown(false), 400);
    const withFlaky = await trackedRun(config, [tracker(flaky)], latency);
    clearTimeout(up);

    expect(withFlaky.report?.backends[0]?.undelivered).toEqual([]);
    expect(flaky.requests.some((r) => r.status === 'dropped')).toBe(true);
    expect(flaky.requests.filter((r) => typeof r.status === 'number' && r.status >= 500).length).toBeGreaterThan(3);
    expect(flaky.requests.some((r) => r.status === 429)).toBe(true);
    // the same record as against a server that never failed
    const got = onlyRun(flaky);
    const want = onlyRun(reference);
    expect(got.info.status).toBe('FINISHED');
    expect(got.metrics.map((m) => [m.key, m.step, m.value])).toEqual(want.metrics.map((m) => [m.key, m.step, m.value]));
    expect([...got.params]).toEqual([...want.params]);
    for (const path of ['candidates.json', 'proposals.json', 'valset_scores.json', 'valset_pareto_front.json'])
      expect(table(flaky, got, path), path).toEqual(table(reference, want, path));
    // no timed assertion tighter than the machine's noise: the run never waits on its tracker, so its time
    // stays near a run without one (the 5 % figure is measured by `npm run bench -- tracking`)
    expect(withFlaky.runMs).toBeLessThan(baseline.runMs * 1.5 + 200);
    expect(clean.outcome.result?.toDict()).toEqual(withFlaky.outcome.result?.toDict());
  });

  it('reports what a server that stays down did not get, and keeps it all for a resend', async () => {
    const s = await server();
    s.setDown(true);
    const config = demoConfig({ tracking: { mlflow: { trackingUri: s.url, experimentName: 'x' } } });
    const { outcome, report } = await trackedRun(config, [tracker(s, { timing: { ...FAST, finishTimeoutMs: 300 } })]);
    expect(outcome.status).toBe('finished');
    const b = report?.backends[0];
    expect(b?.runId).toBeNull();
    const kinds = new Set(b?.undelivered.map((u) => (u.item as { kind: string }).kind));
    // the tables' tag is kept as the log-batch that would set it
    expect(kinds).toEqual(new Set(['start', 'log-batch', 'artifact', 'end']));
    const candidates = b?.undelivered.find((u) => (u.item as { path?: string }).path === 'candidates.json');
    expect(JSON.parse((candidates?.item as { content: string }).content).data.length).toBe(
      outcome.result?.candidates.length,
    );
    expect(b?.undelivered[0]?.error).toMatch(/not delivered within the 0.3 s .*cannot reach the MLflow server/);
  });
});

describe('credentials', () => {
  const TOKEN = 'tok-9f8e7d6c5b4a3210';

  it('a bearer token is sent, and never appears in events, reports or kept items', async () => {
    const s = await server({ token: TOKEN });
    const config = demoConfig({ tracking: { mlflow: { trackingUri: s.url, experimentName: 'x' } } });
    const ok = await trackedRun(config, [tracker(s, { auth: { kind: 'bearer', token: TOKEN } })], {
      secrets: { trackingToken: TOKEN },
    });
    expect(ok.report?.backends[0]?.undelivered).toEqual([]);
    expect(onlyRun(s).info.status).toBe('FINISHED');
    expect(JSON.stringify([ok.events, ok.report, ok.outcome.result?.toDict()])).not.toContain(TOKEN);
  });

  it('a refused token stops the tracker at once (not the run), and the report says why without the token', async () => {
    const s = await server({ token: 'the-right-one' });
    const config = demoConfig({ tracking: { mlflow: { trackingUri: s.url, experimentName: 'x' } } });
    const problems: string[] = [];
    const wrong = await trackedRun(
      config,
      [tracker(s, { auth: { kind: 'bearer', token: TOKEN }, onProblem: (m) => problems.push(m) })],
      { secrets: { trackingToken: TOKEN } },
    );
    expect(wrong.outcome.status).toBe('finished');
    const b = wrong.report?.backends[0];
    expect(b?.undelivered.length).toBeGreaterThan(0);
    expect(b?.problems[0]).toMatch(/HTTP 401/);
    expect(s.requests.length).toBe(1);
    expect(JSON.stringify([wrong.events, wrong.report, problems])).not.toContain(TOKEN);
  });
});
