import { describe, expect, it } from 'vitest';
import { fanOut } from './fanOut.ts';
import { recordingTracker } from './recordingTracker.testkit.ts';
import type { Tracker } from './tracker.ts';

describe('fanOut', () => {
  it('puts the key prefix before every key: params, scalars, summary, table and HTML names', async () => {
    const a = recordingTracker('a');
    const t = fanOut([a], 'gepa/');
    t.start({ params: { 'options.seed': '0' } });
    t.metrics(3, { best_score_on_valset: 0.5 });
    t.table('candidates', ['iteration'], [[1]]);
    t.html('candidate_tree', () => '<p>tree</p>');
    t.summary({ best_candidate_idx: 2, 'best/system': 'Be brief.' });
    await t.finish('FINISHED');
    expect(a.calls).toEqual([
      { call: 'start', run: { params: { 'gepa/options.seed': '0' } } },
      { call: 'metrics', step: 3, values: { 'gepa/best_score_on_valset': 0.5 } },
      { call: 'table', name: 'gepa/candidates', columns: ['iteration'], rows: [[1]] },
      { call: 'html', name: 'gepa/candidate_tree', html: '<p>tree</p>' },
      { call: 'summary', values: { 'gepa/best_candidate_idx': 2, 'gepa/best/system': 'Be brief.' } },
      { call: 'finish', status: 'FINISHED' },
    ]);
  });

  it('leaves keys alone without a prefix', () => {
    const a = recordingTracker();
    fanOut([a]).metrics(1, { total_metric_calls: 9 });
    expect(a.calls).toEqual([{ call: 'metrics', step: 1, values: { total_metric_calls: 9 } }]);
  });

  it('feeds every tracker, even when one throws, and reports them all', async () => {
    const a = recordingTracker('a');
    const broken: Tracker = {
      ...recordingTracker('broken'),
      metrics: () => {
        throw new Error('boom');
      },
    };
    const b = recordingTracker('b');
    const t = fanOut([a, broken, b]);
    t.metrics(1, { x: 1 });
    expect(a.calls).toHaveLength(1);
    expect(b.calls).toHaveLength(1);
    const report = await t.finish('KILLED');
    expect(report.backends.map((r) => r.backend)).toEqual(['a', 'broken', 'b']);
  });
});
