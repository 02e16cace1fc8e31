import { describe, expect, it } from 'vitest';
import { sentimentTask } from '../tasks/demos/index.ts';
import { inlineRows } from './runDataset.ts';
import { buildRun } from './buildRun.ts';
import { demoRunConfig } from './demoRunConfig.ts';

describe('buildRun', () => {
  it('passes the proposals per round and the selection to the engine', () => {
    const config = demoRunConfig(sentimentTask, {
      options: { samplingStrategy: { kind: 'pxn', p: 2, n: 3 }, selectionStrategy: { kind: 'top_k', k: 2 } },
    });
    const built = buildRun(config, { rows: inlineRows(sentimentTask.rows) });
    try {
      expect(built.options.samplingStrategy).toEqual({ kind: 'pxn', p: 2, n: 3 });
      expect(built.options.selectionStrategy).toEqual({ kind: 'top_k', k: 2 });
    } finally {
      built.dispose();
    }
  });

  it('a default config runs one proposal per round; several would keep the best, overlapped', () => {
    const built = buildRun(demoRunConfig(sentimentTask), { rows: inlineRows(sentimentTask.rows) });
    expect(built.options.samplingStrategy).toBe('single');
    expect(built.options.selectionStrategy).toBe('best');
    expect(built.options.overlapRounds).toBe(true);
    built.dispose();
  });

  it('passes the valset gate and the reflection retries to the engine', () => {
    const config = demoRunConfig(sentimentTask, { options: { valsetGateSize: 4, reflectionRetries: 2 } });
    const built = buildRun(config, { rows: inlineRows(sentimentTask.rows) });
    try {
      expect(built.options.valsetGateSize).toBe(4);
      expect(built.options.reflectionRetries).toBe(2);
    } finally {
      built.dispose();
    }
  });

  it('a default config runs the levers the quality bench measured: minibatch 1, gate 4, two retries', () => {
    const built = buildRun(demoRunConfig(sentimentTask), { rows: inlineRows(sentimentTask.rows) });
    expect(built.options.reflectionMinibatchSize).toBe(1);
    expect(built.options.valsetGateSize).toBe(4);
    expect(built.options.reflectionRetries).toBe(2);
    expect(built.options.useMerge).toBe(true);
    built.dispose();
  });
});
