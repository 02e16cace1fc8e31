import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { DEFAULT_REFLECTION_TEMPLATE, buildReflectionPrompt, extractInstruction } from '../../engine/index.ts';
import type { ChatMessage } from '../types.ts';
import { LmError } from '../types.ts';
import { DEMO_MODEL_NAME, DemoLanguageModel } from './demoLanguageModel.ts';
import { demoRoleOf } from './respond.ts';

const task: ChatMessage[] = [
  { role: 'system', content: 'Convert the quantity in the question and give the result.' },
  { role: 'user', content: 'Question: Convert 12 feet to metres.' },
];
const reflection = buildReflectionPrompt(
  DEFAULT_REFLECTION_TEMPLATE,
  'Convert the quantity in the question and give the result.',
  [
    {
      Inputs: 'Question: Convert 12 feet to metres.',
      'Generated Outputs': '3.6',
      Feedback: 'Score 0.00. Incorrect: expected 3.658 but the last number in the output was 3.6.',
    },
    {
      Inputs: 'Question: Convert 10 feet to metres.',
      'Generated Outputs': '3',
      Feedback: 'Score 0.00. Incorrect: expected 3.048 but the last number in the output was 3.',
    },
  ],
);
const judge =
  'Grade the output against the rubric. Reply with only a JSON object: ' +
  '{"score": <number from 0 to 1>, "feedback": "..."}\n\nRubric:\nbe right\n\n' +
  'Expected answer:\n3.658\n\nOutput to grade:\n3.658';

describe('DemoLanguageModel', () => {
  it('is labelled as the simulated demo model', () => {
    const lm = new DemoLanguageModel();
    expect([lm.id, lm.settingsKey, lm.simulated]).toEqual(['demo', 'demo:v1', true]);
    expect(lm.label).toMatch(/simulated/i);
  });

  it('gives the same answer to the same messages', async () => {
    const lm = new DemoLanguageModel();
    const a = await lm.complete({ messages: task });
    const b = await new DemoLanguageModel().complete({ messages: task, temperature: 1 });
    expect(b.text).toBe(a.text);
    expect(a.model).toBe(DEMO_MODEL_NAME);
  });

  it('tells its three roles apart', () => {
    expect(demoRoleOf(task)).toBe('task');
    expect(demoRoleOf([{ role: 'user', content: reflection }])).toBe('reflection');
    expect(demoRoleOf([{ role: 'user', content: judge }])).toBe('judge');
  });

  it('answers each role in its own shape', async () => {
    const lm = new DemoLanguageModel();
    expect((await lm.complete({ messages: task })).text).toMatch(/3\.6\b/);
    const reply = (await lm.complete({ messages: [{ role: 'user', content: reflection }] })).text;
    const ex = extractInstruction(reply);
    // whatever the hash decides, the reply is either a usable fenced instruction or one the engine refuses
    expect(
      ex.ok
        ? ex.text.startsWith('Convert the quantity') || ex.text.includes('0.3048')
        : /fence|unterminated/.test(ex.reason),
    ).toBe(true);
    expect(JSON.parse((await lm.complete({ messages: [{ role: 'user', content: judge }] })).text)).toMatchObject({
      score: 1,
    });
  });

  it('estimates usage at about four characters a token', async () => {
    const res = await new DemoLanguageModel().complete({ messages: task });
    const chars = task.map((m) => m.content).join('\n').length;
    expect(res.usage).toEqual({ promptTokens: Math.ceil(chars / 4), completionTokens: Math.ceil(res.text.length / 4) });
  });

  it('cuts the reply at maxTokens, as a real endpoint truncates it', async () => {
    const res = await new DemoLanguageModel().complete({
      messages: [{ role: 'user', content: reflection }],
      maxTokens: 5,
    });
    expect(res.text.length).toBeLessThanOrEqual(20);
    expect(res.usage.completionTokens).toBeLessThanOrEqual(5);
  });

  it('waits its latency before answering, and reports it', async () => {
    // fake timers and clock: the wait is checked by moving time, not by measuring it
    vi.useFakeTimers();
    onTestFinished(() => void vi.useRealTimers());
    let settled = false;
    const call = new DemoLanguageModel({ latencyMs: 30 }).complete({ messages: task }).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(29);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await call).latencyMs).toBe(30);
  });

  it('stops waiting when aborted mid-call', async () => {
    const ctrl = new AbortController();
    const call = new DemoLanguageModel({ latencyMs: 10_000 }).complete({ messages: task, signal: ctrl.signal });
    ctrl.abort();
    await expect(call).rejects.toMatchObject({ name: 'LmError', kind: 'aborted', endpoint: 'demo' });
  });

  it('refuses a call whose signal is already aborted', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(new DemoLanguageModel().complete({ messages: task, signal: ctrl.signal })).rejects.toBeInstanceOf(
      LmError,
    );
  });
});
