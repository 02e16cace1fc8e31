import { describe, expect, it } from 'vitest';
import { DEMO_SKILLS, isStated } from '../../lm/demo/index.ts';
import { applyMapping, guessMapping, parseDataset } from '../datasets/index.ts';
import { validateProgram } from '../template.ts';
import { DEMO_TASKS, demoTaskById, toJsonl } from './index.ts';
import type { DemoTask } from './index.ts';

describe('the demo task list', () => {
  it('has at least three tasks with distinct ids, found by id', () => {
    expect(DEMO_TASKS.length).toBeGreaterThanOrEqual(3);
    expect(new Set(DEMO_TASKS.map((t) => t.id)).size).toBe(DEMO_TASKS.length);
    for (const t of DEMO_TASKS) expect(demoTaskById(t.id)).toBe(t);
    expect(demoTaskById('nope')).toBeUndefined();
  });
  it('includes a program of two or more steps', () =>
    expect(DEMO_TASKS.some((t) => t.program.steps.length >= 2)).toBe(true));
  it('uses only builtin metric kinds', () =>
    expect(DEMO_TASKS.every((t) => !['llm_judge', 'custom'].includes(t.metric.kind))).toBe(true));
  it('toJsonl writes one object a line, newline-terminated', () =>
    expect(
      toJsonl([
        { id: 'a', x: '1' },
        { id: 'b', x: '2' },
      ]),
    ).toBe('{"id":"a","x":"1"}\n{"id":"b","x":"2"}\n'));
});

function answerProblem(task: DemoTask, answer: string): string | null {
  const m = task.metric;
  if (m.kind === 'choice') return m.labels.includes(answer) ? null : `"${answer}" is not a label`;
  if (m.kind === 'numeric')
    return Number.isFinite(Number(answer)) && answer.trim() !== '' ? null : `"${answer}" is not a number`;
  if (m.kind === 'json_field') {
    const v = JSON.parse(answer) as Record<string, unknown>;
    return m.fields.every((f) => typeof v[f] === 'string' && v[f] !== '') && Object.keys(v).length === m.fields.length
      ? null
      : `${answer} lacks a field`;
  }
  return `unchecked metric ${m.kind}`;
}

describe.each(DEMO_TASKS.map((t) => [t.id, t] as const))('demo task %s', (_id, task) => {
  it('has a name, a description and a file name', () => {
    expect(task.name.length).toBeGreaterThan(3);
    expect(task.description.length).toBeGreaterThan(40);
    expect(task.fileName).toMatch(/^demo-[\w-]+\.jsonl$/);
  });

  it('has 40 to 80 rows with unique ids and every mapped field as non-empty text', () => {
    expect(task.rows.length).toBeGreaterThanOrEqual(40);
    expect(task.rows.length).toBeLessThanOrEqual(80);
    expect(new Set(task.rows.map((r) => r.id)).size).toBe(task.rows.length);
    for (const row of task.rows) {
      for (const f of [...task.fields.inputs, task.fields.answer])
        expect(typeof row[f] === 'string' && (row[f] as string).trim() !== '', `${row.id}.${f}`).toBe(true);
    }
  });

  it('every answer suits the metric', () => {
    expect(task.rows.map((r) => answerProblem(task, String(r[task.fields.answer]))).filter(Boolean)).toEqual([]);
  });

  it('its JSONL text holds exactly the rows', () => {
    expect(task.jsonl.endsWith('\n')).toBe(true);
    expect(
      task.jsonl
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(task.rows);
  });

  it("the studio's dataset parser reads the JSONL, guesses this field mapping, and maps every row", () => {
    const parsed = parseDataset(task.jsonl, task.fileName);
    expect(parsed.format).toBe('jsonl');
    expect(guessMapping(parsed.columns)).toEqual(task.fields);
    const examples = applyMapping(parsed.rows, task.fields, task.fileName);
    expect(examples.map((e) => e.id)).toEqual(task.rows.map((r) => r.id));
  });

  it('its program is valid against the dataset fields', () =>
    expect(validateProgram(task.program, task.fields.inputs)).toEqual([]));

  it('its seed instructions state none of the rules the demo model hides (only the record format)', () => {
    const stated = task.program.steps.flatMap((s) =>
      DEMO_SKILLS.flatMap((k) => k.rules)
        .filter((r) => r.step === s.name && isStated(r, s.instruction))
        .map((r) => r.id),
    );
    expect(stated.filter((id) => id !== 'json')).toEqual([]);
  });

  it('each program step is one the demo model knows', () => {
    const known = new Set(DEMO_SKILLS.flatMap((k) => k.steps.map((s) => s.name)));
    expect(task.program.steps.every((s) => known.has(s.name))).toBe(true);
  });
});
