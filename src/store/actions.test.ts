// The actions that need no worker: start-time checks, export and import through the stores.
import { beforeEach, describe, expect, it } from 'vitest';
import { csvExportFile, importFile, jsonExportFile, reportFile, startRun } from './actions.ts';
import { emptyRun, useRunStore } from './runStore.ts';
import { initialSetup, useSetupStore } from './setupStore.ts';
import { useUiStore } from './uiStore.ts';
import type { CandidateRow } from '../engine/index.ts';
import { parseExport } from '../run/exportFormat.ts';
import { sentimentTask } from '../tasks/demos/index.ts';

const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });

const row: CandidateRow = {
  iteration: 0,
  candidateIdx: 0,
  parentIds: [],
  valsetScore: 0.5,
  isBest: true,
  origin: 'seed',
  texts: { system_prompt: 'Be kind.' },
  metricCallsAtDiscovery: 4,
};

function showFinishedRun(): void {
  useSetupStore.getState().loadDemoTask(sentimentTask.id);
  useRunStore.getState().begin('abcdef123456', useSetupStore.getState().toRunConfig());
  useRunStore.getState().applyEvents([
    { type: 'candidate', row, valScores: [1, 0], outputs: ['positive', 'negative'] },
    { type: 'status', status: 'finished', message: 'budget' },
  ]);
}

describe('actions', () => {
  beforeEach(() => {
    useRunStore.getState().reset();
    useSetupStore.setState(initialSetup());
    useUiStore.setState({ view: 'setup' });
  });

  it('startRun refuses a setup without a dataset, naming the field, and leaves the run store alone', async () => {
    await expect(startRun()).rejects.toThrow(/^dataset: load a dataset file/);
    expect(useRunStore.getState().status).toBe('idle');
    expect(useUiStore.getState().view).toBe('setup');
  });

  it('startRun names the line and field of a row the mapping cannot read', async () => {
    useSetupStore.getState().loadDatasetText('qa.jsonl', '{"question":"a","answer":"b"}\n{"question":"c"}\n');
    await expect(startRun()).rejects.toThrow(/qa\.jsonl, line 2, field "answer"/);
  });

  it('exports nothing without a run, and the shown run as JSON and CSV files', async () => {
    expect(jsonExportFile()).toBeNull();
    expect(csvExportFile('proposals')).toBeNull();
    showFinishedRun();
    const json = jsonExportFile()!;
    expect(json.fileName).toBe('gepa-demo-review-sentiment-abcdef12.json');
    const doc = parseExport(await json.blob.text(), json.fileName);
    expect(doc.candidates[0]).toEqual({ row, valScores: [1, 0], outputs: ['positive', 'negative'] });
    expect(doc.config?.name).toBe(useSetupStore.getState().name);
    const csv = csvExportFile('candidates')!;
    expect(csv.fileName).toMatch(/-candidates\.csv$/);
    expect(await csv.blob.text()).toContain('text:system_prompt');
  });

  it('exports the shown run, live or imported, as the HTML report', async () => {
    expect(reportFile()).toBeNull();
    showFinishedRun();
    const live = reportFile()!;
    expect(live.fileName).toBe('gepa-demo-review-sentiment-abcdef12-report.html');
    expect(live.blob.type).toBe('text/html');
    const html = await live.blob.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Be kind.');
    const text = await jsonExportFile()!.blob.text();
    useRunStore.getState().reset();
    await importFile(file('shared.json', text));
    expect(await reportFile()!.blob.text()).toContain('Be kind.');
  });

  it('imports an export read-only and switches to the run view', async () => {
    showFinishedRun();
    const text = await jsonExportFile()!.blob.text();
    useRunStore.getState().reset();
    await importFile(file('shared.json', text));
    const run = useRunStore.getState();
    expect(run.readOnly).toBe(true);
    expect(run.status).toBe('finished');
    expect(run.candidates).toHaveLength(1);
    expect(useUiStore.getState().view).toBe('run');
  });

  it('a bad import names the file and what is wrong, and keeps the shown run', async () => {
    showFinishedRun();
    await expect(importFile(file('notes.json', '{"hello": 1}'))).rejects.toThrow(
      'notes.json: field "format" is missing: this is not a GEPA Studio run export (expected "gepa-studio-run")',
    );
    expect(useRunStore.getState().runId).toBe('abcdef123456');
  });

  it('refuses to import over a live run', async () => {
    useRunStore.setState({ ...emptyRun(), runId: 'live', status: 'running' });
    await expect(importFile(file('x.json', '{}'))).rejects.toThrow(/stop it before opening/);
    expect(useRunStore.getState().runId).toBe('live');
  });
});
