import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GepaState } from '../engine/index.ts';
import { STATE_VERSION } from '../engine/index.ts';
import { sentimentTask } from '../tasks/demos/index.ts';
import { emptyTotals } from '../lm/usage.ts';
import { demoRunConfig } from '../run/demoRunConfig.ts';
import type { RunEvent, UsageSnapshot } from '../run/runEvent.ts';
import { FileCacheStore } from './fileCacheStore.ts';
import { RunDir, committedEvents, writeFileAtomic } from './runDir.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gepa-rundir-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const config = demoRunConfig(sentimentTask, {
  taskLm: {
    provider: 'custom',
    baseUrl: 'http://127.0.0.1:1/v1',
    model: 'm',
    apiKeyEnv: 'KEY',
    headers: { Authorization: 'Bearer sk-secret' },
  },
  budget: { maxMetricCalls: 100 },
});

const state = (iteration: number): GepaState =>
  ({ version: STATE_VERSION, iteration, totalMetricCalls: iteration * 10 }) as unknown as GepaState;
const log = (message: string): RunEvent => ({ type: 'log', level: 'info', message });
const line = (o: unknown) => JSON.stringify(o) + '\n';
/** What the run's meter says after `calls` calls of one token each way. */
const usage = (calls: number): UsageSnapshot => ({
  byRole: {},
  total: { ...emptyTotals(), calls, promptTokens: calls, completionTokens: calls },
  cacheHits: 0,
  cacheSavedUsd: 0,
});

describe('committedEvents', () => {
  it('keeps the events up to the checkpoint line of the given iteration and cuts what follows', () => {
    const text =
      line(log('a')) +
      line({ type: 'checkpoint', iteration: 0 }) +
      line(log('b')) +
      line({ type: 'checkpoint', iteration: 1 }) +
      line(log('c')) +
      '{"type":"lo';
    expect(committedEvents(text, 1)).toEqual({
      events: [log('a'), log('b')],
      keep: text.slice(0, text.indexOf(line(log('c')))),
    });
    expect(committedEvents(text, 0)?.events).toEqual([log('a')]);
    expect(committedEvents(text, 2)).toBeNull();
  });
});

describe('RunDir', () => {
  it('checkpoints round-trip: state, each iteration’s events, usage; a crash between the writes is cut on open', () => {
    const runDir = RunDir.create(path.join(dir, 'run'), config, 'run-1');
    runDir.commit([log('seed')], state(0), usage(1));
    runDir.commit([log('it1')], state(1), usage(2));
    // the events of iteration 2 reached the log, its state did not
    writeFileSync(
      runDir.file('events'),
      readFileSync(runDir.file('events'), 'utf8') + line(log('it2')) + line({ type: 'checkpoint', iteration: 2 }),
    );

    const opened = RunDir.open(path.join(dir, 'run'));
    expect(opened.state.iteration).toBe(1);
    expect(opened.events).toEqual([log('seed'), log('it1')]);
    expect(opened.usage?.total.calls).toBe(2);
    expect(opened.dir.meta.runId).toBe('run-1');
    expect(opened.config.dataset.rows).toHaveLength(sentimentTask.rows.length);
    expect(readFileSync(runDir.file('events'), 'utf8')).not.toContain('it2');
    // no secret header in the stored config, no temp files left behind
    expect(readFileSync(runDir.file('config'), 'utf8')).not.toContain('sk-secret');
    expect(readdirSync(runDir.path).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to start over a run, and to resume what is not one', () => {
    RunDir.create(path.join(dir, 'run'), config, 'r').commit([], state(0), usage(0));
    expect(() => RunDir.create(path.join(dir, 'run'), config, 'r2')).toThrow(/--run-dir: .* already holds a run/);
    expect(() => RunDir.open(path.join(dir, 'none'))).toThrow(/--resume: run directory not found/);
    RunDir.create(path.join(dir, 'fresh'), config, 'r3');
    expect(() => RunDir.open(path.join(dir, 'fresh'))).toThrow(/no checkpoint/);
  });

  it('the stop file', () => {
    const runDir = RunDir.create(path.join(dir, 'run'), config, 'r');
    expect(runDir.stopRequested()).toBe(false);
    writeFileSync(runDir.file('stop'), '');
    expect(runDir.stopRequested()).toBe(true);
    expect(runDir.clearStop()).toBe(true);
    expect(runDir.stopRequested()).toBe(false);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the whole file', () => {
    const f = path.join(dir, 'a.json');
    writeFileAtomic(f, 'one');
    writeFileAtomic(f, 'two');
    expect(readFileSync(f, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });
});

describe('FileCacheStore', () => {
  it('survives a new process (a new store on the same file) and skips a torn last line', async () => {
    const file = path.join(dir, 'cache.jsonl');
    const a = new FileCacheStore(file);
    await a.set('k1', { text: 'one', usage: { promptTokens: 3, completionTokens: 1 }, model: 'm' });
    await a.set('k2', { text: 'two', usage: { promptTokens: 4, completionTokens: 2 }, model: 'm' });
    writeFileSync(file, readFileSync(file, 'utf8') + '{"k":"k3","e":{"te');
    const b = new FileCacheStore(file);
    expect(await b.get('k1')).toEqual({ text: 'one', usage: { promptTokens: 3, completionTokens: 1 }, model: 'm' });
    expect(await b.get('k2')).toMatchObject({ text: 'two' });
    expect(await b.get('k3')).toBeUndefined();
    expect(b.size).toBe(2);
  });

  it('reads nothing until first used (the run directory may not exist yet)', async () => {
    const store = new FileCacheStore(path.join(dir, 'later', 'cache.jsonl'));
    expect(store.file).toContain('later');
    expect(await store.get('x')).toBeUndefined();
  });
});
