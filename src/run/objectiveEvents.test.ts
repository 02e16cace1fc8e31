// A multi-objective run's candidates carry their objective scores from the engine's tracking stream to the
// folded run and through an export, and a run (or an older export) without objectives reads as before.
import { describe, expect, it } from 'vitest';
import { optimize } from '../engine/index.ts';
import { keywordRunOptions } from '../engine/__fixtures__/keywordTask.ts';
import type { RunEvent } from './runEvent.ts';
import { translateRunEvents } from './translateRunEvents.ts';
import { foldRunEvents } from './foldRunEvents.ts';
import { buildExport, emptyExportedRun, parseExport } from './exportFormat.ts';
import type { ExportedRun } from './exportFormat.ts';

async function foldedRun(objectives: boolean): Promise<ExportedRun> {
  const events: RunEvent[] = [];
  const t = translateRunEvents({ cap: 120, emit: (e) => events.push(e), log: () => {} });
  await optimize({
    ...keywordRunOptions({ maxMetricCalls: 120, frontierType: objectives ? 'objective' : 'instance' }, { objectives }),
    callbacks: t.callbacks,
    onTrackingEvent: t.onTrackingEvent,
  });
  const run = { ...emptyExportedRun('r', null), status: 'finished' as const };
  return { ...run, ...foldRunEvents(run, events) };
}

describe('objective scores in run events', () => {
  it('each candidate event carries per-example objective scores and their valset means', async () => {
    const run = await foldedRun(true);
    expect(run.candidates.length).toBeGreaterThan(1);
    for (const c of run.candidates) {
      const o = c.objectives!;
      expect(o.perExample).toHaveLength(c.valScores.length);
      expect(Object.keys(o.aggregate).sort()).toEqual(['facts', 'style']);
      const mean = o.perExample.reduce((s, e) => s + (e.style ?? 0), 0) / o.perExample.length;
      expect(o.aggregate.style).toBeCloseTo(mean, 12);
    }
  });

  it('keeps them through an export, and reads a run without them as before', async () => {
    const run = await foldedRun(true);
    expect(parseExport(JSON.stringify(buildExport(run)), 'run.json').candidates).toEqual(run.candidates);
    const plain = await foldedRun(false);
    expect(plain.candidates.every((c) => !('objectives' in c))).toBe(true);
    expect(parseExport(JSON.stringify(buildExport(plain)), 'old.json').candidates).toEqual(plain.candidates);
  });

  it('names a malformed objectives field in an import', async () => {
    const doc = JSON.parse(JSON.stringify(buildExport(await foldedRun(true)))) as {
      candidates: { objectives: unknown }[];
    };
    doc.candidates[1]!.objectives = { perExample: [{ style: 'high' }], aggregate: {} };
    expect(() => parseExport(JSON.stringify(doc), 'bad.json')).toThrow(
      /field "candidates\[1\]\.objectives\.perExample" must be an array of objective scores/,
    );
    doc.candidates[1]!.objectives = { perExample: [], aggregate: { style: null } };
    expect(() => parseExport(JSON.stringify(doc), 'bad.json')).toThrow(/candidates\[1\]\.objectives\.aggregate/);
  });
});
