// The recorder's write order against a repository whose writes take their time: one log write at a
// time, batches that wait go together, and a checkpoint only once the log holds everything before it.
import { describe, expect, it } from 'vitest';
import { RunRecorder } from './runRecorder.ts';
import type { RunEvent } from '../run/runEvent.ts';
import type { RunBroadcast } from './protocol.ts';
import { emptySummary } from '../run/recordSummary.ts';
import { StorageQuotaError } from '../storage/types.ts';
import type { RunRecord, RunRepository } from '../storage/types.ts';
import type { GepaState } from '../engine/index.ts';
import type { RunConfig } from '../run/runConfig.ts';

const log = (message: string): RunEvent => ({ type: 'log', level: 'info', message });
const tick = () => new Promise((r) => setTimeout(r, 2));

function slowRepository() {
  const calls: string[] = [];
  let full = false;
  const write = async (what: string) => {
    await tick();
    if (full && what.startsWith('append')) throw new StorageQuotaError('full');
    calls.push(what);
  };
  const repo = {
    createRun: (r: RunRecord) => write(`create ${r.id}`),
    updateRun: (_id: string, p: Partial<RunRecord>) => write(`record ${p.status}`),
    appendEvents: (_id: string, events: RunEvent[]) =>
      write(`append ${events.map((e) => (e.type === 'log' ? e.message : e.type)).join(',')}`),
    writeCheckpoint: (_id: string, s: GepaState) => write(`checkpoint ${s.iteration}`),
  } as unknown as RunRepository;
  return { repo, calls, setFull: (f: boolean) => (full = f) };
}

const record: RunRecord = {
  id: 'r',
  name: 'r',
  config: {} as RunConfig,
  status: 'running',
  statusMessage: '',
  createdAt: 0,
  updatedAt: 0,
  summary: emptySummary(),
  bytes: 0,
};

describe('run recorder', () => {
  it('appends in order, one write at a time, batching what waited, and checkpoints after the log', async () => {
    const { repo, calls } = slowRepository();
    const heard: RunBroadcast[] = [];
    const rec = await RunRecorder.create(repo, record, { broadcast: (m) => heard.push(m) });
    rec.append([log('a')]);
    rec.append([log('b')]);
    rec.append([log('c'), { type: 'checkpoint', iteration: 1 }]);
    await rec.checkpoint({ iteration: 1 } as GepaState);
    expect(calls).toEqual(['create r', 'append a', 'append b,c,checkpoint', 'checkpoint 1', 'record running']);
    expect(
      heard.filter((m) => m.kind === 'events').map((m) => m.kind === 'events' && [m.seq, m.events.length]),
    ).toEqual([
      [0, 1],
      [1, 3],
    ]);
  });

  it('keeps batches on a full disk, says so once, and writes them, in order, when there is room', async () => {
    const { repo, calls, setFull } = slowRepository();
    const quotas: string[] = [];
    const rec = await RunRecorder.create(repo, record, { onQuota: (m) => quotas.push(m) });
    setFull(true);
    rec.append([log('a')]);
    rec.append([{ type: 'status', status: 'paused', message: 'storage is full' }]);
    await expect(rec.checkpoint({ iteration: 2 } as GepaState)).rejects.toThrow(StorageQuotaError);
    expect(quotas).toEqual(['full']);
    // the log is stalled, but the small record update (paused, and why) went through
    expect(calls).toEqual(['create r', 'record paused']);
    setFull(false);
    expect(await rec.close()).toBe(true);
    expect(calls.slice(2)).toEqual(['append a,status', 'record paused']);
  });
});
