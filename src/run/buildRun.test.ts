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

  it('a default config runs one proposal per round, as the reference does', () => {
    const built = buildRun(demoRunConfig(sentimentTask), { rows: inlineRows(sentimentTask.rows) });
    expect(built.options.samplingStrategy).toBe('single');
    expect(built.options.selectionStrategy).toBe('all');
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

  it('a default config keeps the gate off and retries a reflection once', () => {
    const built = buildRun(demoRunConfig(sentimentTask), { rows: inlineRows(sentimentTask.rows) });
    expect(built.options.valsetGateSize).toBe(0);
    expect(built.options.reflectionRetries).toBe(1);
    built.dispose();
  });
});
