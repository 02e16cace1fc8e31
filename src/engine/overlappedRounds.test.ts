// Overlapped rounds (overlapRounds with several proposals a round): the next round is proposed from the
// previous round's selected child while that child is scored on the valset. Still reproducible whatever
// order the calls finish in, within the hard cap, resumable mid-round, and a child stopped by its valset
// gate takes the round proposed from it down with it.
import { describe, expect, it } from 'vitest';
import { optimize } from './optimize.ts';
import type { Candidate, EvaluationBatch, GepaOptions } from './types.ts';
import type { GepaState } from './state.ts';
import type { ProposalRow, TrackingEvent } from './tracking.ts';
import { abortedAt } from './__fixtures__/abortedRun.ts';
import { keywordAdapter, keywordReflectionLm, keywordRunOptions } from './__fixtures__/keywordTask.ts';
import type { KeywordAdapterOptions, KeywordExample, KeywordTrace } from './__fixtures__/keywordTask.ts';

const jitter = () => new Promise<void>((r) => setTimeout(r, Math.floor(Math.random() * 5)));

function overlapped(
  over: Partial<GepaOptions<KeywordExample>> = {},
  adapterOpts: KeywordAdapterOptions = {},
): GepaOptions<KeywordExample> {
  return keywordRunOptions(
    {
      maxMetricCalls: 400,
      seed: 5,
      samplingStrategy: { kind: 'independent', n: 4 },
      selectionStrategy: 'best',
      overlapRounds: true,
      valsetGateSize: 3,
      reflectionLm: async (p) => {
        await jitter();
        return keywordReflectionLm(p);
      },
      ...over,
    },
    { beforeEvaluate: jitter, ...adapterOpts },
  );
}

/** The tracking stream without the per-call progress scalars, whose interleaving follows the timing. */
const rowsOf = (events: TrackingEvent[]) => events.filter((e) => e.type !== 'metrics');

describe('overlapped rounds', () => {
  it('proposes the next round while the previous round’s child is scored on the valset', async () => {
    let valRunning = 0;
    let trainStartedDuringVal = 0;
    const valIds = new Set(keywordRunOptions().valset?.map((e) => e.id));
    const base = keywordAdapter();
    const adapter = {
      ...base,
      async evaluate(batch: KeywordExample[], c: Candidate, traces: boolean) {
        const val = batch.every((e) => valIds.has(e.id));
        if (val) valRunning++;
        else if (valRunning > 0) trainStartedDuringVal++;
        try {
          await new Promise((r) => setTimeout(r, val ? 6 : 1));
          return await base.evaluate(batch, c, traces);
        } finally {
          if (val) valRunning--;
        }
      },
    };
    await optimize(overlapped({ adapter, useMerge: false }));
    expect(trainStartedDuringVal).toBeGreaterThan(0);
  });

  it('gives the identical run whatever order the calls finish in', async () => {
    const runs = [];
    for (let k = 0; k < 3; k++) {
      const tracking: TrackingEvent[] = [];
      const r = await optimize(overlapped({ onTrackingEvent: (e) => tracking.push(e) }));
      runs.push({ result: r.toDict(), rows: rowsOf(tracking) });
    }
    expect(runs[0]?.result.candidates.length).toBeGreaterThan(3);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  it('differs from lock-step rounds (it is a different schedule), and is off by default', async () => {
    const lockStep = await optimize(overlapped({ overlapRounds: false }));
    const byDefault = await optimize(overlapped({ overlapRounds: undefined }));
    const over = await optimize(overlapped());
    expect(byDefault.toDict()).toEqual(lockStep.toDict());
    expect(over.toDict()).not.toEqual(lockStep.toDict());
  });

  it('never goes one metric call over the budget, counts every call once, and leaves no round waiting', async () => {
    for (const budget of [30, 57, 101, 250]) {
      let evaluated = 0;
      let final: GepaState | null = null;
      const r = await optimize(
        overlapped(
          { maxMetricCalls: budget, callbacks: { onOptimizationEnd: (e) => void (final = e.finalState) } },
          { onEvaluate: (n) => (evaluated += n) },
        ),
      );
      expect(r.totalMetricCalls).toBeLessThanOrEqual(budget);
      expect(r.totalMetricCalls).toBe(evaluated);
      expect((final as GepaState | null)?.pendingRound ?? null).toBeNull();
    }
  });

  it('an abort mid-iteration rolls it back, and the resume (waiting round included) redoes it exactly', async () => {
    const full = await optimize(overlapped({ maxMetricCalls: 300 }));
    let resumedWithPending = 0;
    for (const abortAt of [9, 23, 31, 40]) {
      const { partial, saved: state } = await abortedAt(
        overlapped,
        { maxMetricCalls: 300 },
        abortAt,
        jitter,
        new AbortController(),
      );
      expect(partial.stopReason).toBe('aborted');
      if (state.pendingRound) resumedWithPending++;
      expect(partial.totalMetricCalls).toBe(state.totalMetricCalls);
      const resumed = await optimize(overlapped({ maxMetricCalls: 300, resumeFrom: state }));
      expect(resumed.toDict()).toEqual(full.toDict());
    }
    // the point of the test: some checkpoints held a decided round still waiting for its valset stage
    expect(resumedWithPending).toBeGreaterThan(0);
  });

  it('reports every proposal with a parent that is in the pool, and every candidate after its parents', async () => {
    const rows: ProposalRow[] = [];
    const r = await optimize(
      overlapped({ onTrackingEvent: (e) => void (e.type === 'proposal' && rows.push(e.row)), useMerge: true }),
    );
    const n = r.candidates.length;
    for (const row of rows) for (const p of row.parentIds) expect(p).toBeLessThan(n);
    r.parents.forEach((ps, i) => ps.forEach((p) => p !== null && expect(p).toBeLessThan(i)));
    const accepted = rows.filter((x) => x.status === 'accepted');
    expect(accepted.map((x) => x.candidateIdx).sort((a, b) => a - b)).toEqual(
      accepted.map((x) => x.candidateIdx).filter((i) => i > 0 && i < n),
    );
    expect(new Set(rows.map((x) => x.proposalId)).size).toBe(rows.length);
  });

  it('voids a round proposed from a child its valset gate then stops', async () => {
    // a child that says "overfit" aces every training example and fails every val example: it passes its
    // minibatch, is selected, and the next round is proposed from it before its gate stops it
    const valIds = new Set(keywordRunOptions().valset?.map((e) => e.id));
    const base = keywordAdapter();
    const adapter = {
      ...base,
      async evaluate(batch: KeywordExample[], c: Candidate, traces: boolean) {
        await jitter();
        const out = (await base.evaluate(batch, c, traces)) as EvaluationBatch<KeywordTrace, string>;
        if (!Object.values(c).some((t) => t.includes('overfit'))) return out;
        return { ...out, scores: batch.map((e) => (valIds.has(e.id) ? 0 : 1)) };
      },
    };
    let calls = 0;
    const reflectionLm = async (prompt: string) => {
      const reply = await keywordReflectionLm(prompt);
      // only once the parent scores on the valset, so the child does worse there than its parent
      const learned = /Always include/.test(/```\n([\s\S]*?)\n```/.exec(prompt)?.[1] ?? '');
      return learned && ++calls % 3 === 1 ? reply.replace(/\n```$/, ' overfit\n```') : reply;
    };
    const run = async () => {
      calls = 0;
      const rows: ProposalRow[] = [];
      const r = await optimize(
        overlapped({
          adapter,
          reflectionLm,
          useMerge: false,
          valsetGateSize: 6,
          onTrackingEvent: (e) => void (e.type === 'proposal' && rows.push(e.row)),
        }),
      );
      return { r, rows };
    };
    const { r, rows } = await run();
    // the rounds proposed from a stopped child: reported without a parent, none of them entered the pool
    const orphans = rows.filter((x) => x.parentIds.length === 0);
    expect(rows.some((x) => x.reason.startsWith('valset gate'))).toBe(true);
    expect(orphans.length).toBeGreaterThan(0);
    for (const x of orphans) {
      expect(x.status).not.toBe('accepted');
      if (x.status === 'rejected' && x.subsampleScoreAfter !== null)
        expect(x.reason).toContain("stopped by that child's valset gate");
    }
    expect(r.candidates.some((c) => Object.values(c).some((t) => t.includes('overfit')))).toBe(false);
    r.parents.forEach((ps, i) => ps.forEach((p) => p !== null && expect(p).toBeLessThan(i)));
    const again = await run();
    expect(again.r.toDict()).toEqual(r.toDict());
    expect(again.rows).toEqual(rows);
  });
});
