// The custom metric end to end: compileCustomMetric and makeMetric over real worker_threads workers.
import { afterEach, describe, expect, it } from 'vitest';
import { compileCustomMetric, type CompiledCustomMetric } from '../tasks/metrics/customMetric.ts';
import { makeMetric, type DisposableMetric } from '../tasks/metrics/makeMetric.ts';
import type { Example, Metric } from '../tasks/types.ts';
import { nodeMetricWorkerFactory } from './nodeMetricWorker.ts';

const example: Example = { id: 'q1', question: 'Capital of France?', answer: 'Paris' };
const trace = [{ step: 'answer', messages: [{ role: 'user', content: 'Capital of France?' }], output: 'Paris' }];
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function compile(code: string, timeoutMs = 1_000, concurrency?: number): Promise<Metric> {
  const compiled = await compileCustomMetric(code, {
    workerFactory: nodeMetricWorkerFactory(),
    timeoutMs,
    concurrency,
  });
  if (!compiled.ok) throw new Error(`expected the code to compile: ${compiled.error}`);
  cleanups.push(compiled.dispose);
  return compiled.metric;
}

async function compileError(code: string): Promise<string> {
  const compiled: CompiledCustomMetric = await compileCustomMetric(code, {
    workerFactory: nodeMetricWorkerFactory(),
    timeoutMs: 1_000,
  });
  if (compiled.ok) {
    compiled.dispose();
    throw new Error('expected a compile error');
  }
  return compiled.error;
}

describe('custom metric in a Node worker', () => {
  it("returns feedback per step across the worker, checked against the trace's steps", async () => {
    const metric = await compile(
      "(example, output, trace) => ({ score: 1, feedback: 'all', steps: { [trace[0].step]: 'this step' } })",
    );
    expect(await metric(example, 'Paris', trace)).toEqual({
      score: 1,
      feedback: 'all',
      steps: { answer: { feedback: 'this step' } },
    });
    const misnamed = await compile("() => ({ score: 1, steps: { answr: 'typo' } })");
    expect((await misnamed(example, 'Paris', trace)).feedback).toBe(
      'The custom metric failed, so this output was not graded: the returned "steps" names "answr", ' +
        'which is not a step of the program (its steps: "answer").',
    );
  });

  it('scores with a function expression that sees the example, output and trace', async () => {
    const metric = await compile(
      '(example, output, trace) => ({ score: output === example.answer ? 1 : 0, ' +
        'feedback: `steps: ${trace.length}, expected ${example.answer}` })',
    );
    expect(await metric(example, 'Paris', trace)).toEqual({ score: 1, feedback: 'steps: 1, expected Paris' });
    expect(await metric(example, 'Lyon', trace)).toEqual({ score: 0, feedback: 'steps: 1, expected Paris' });
  });

  it('accepts async functions, objectives, booleans and scripts that return the function', async () => {
    const asyncMetric = await compile(
      'async (e, o) => { await new Promise((r) => setTimeout(r, 5)); ' +
        'return { score: 0.5, feedback: "half", objectives: { length: o.length / 10 } }; };',
    );
    expect(await asyncMetric(example, 'Paris', [])).toEqual({
      score: 0.5,
      feedback: 'half',
      objectives: { length: 0.5 },
    });
    const scripted = await compile(
      '// helpers first\nconst norm = (s) => s.trim().toLowerCase();\nreturn (e, o) => norm(o) === norm(e.answer);',
    );
    expect((await scripted(example, '  PARIS ', [])).score).toBe(1);
    expect((await scripted(example, 'Lyon', [])).score).toBe(0);
  });

  it('gives a bare number the expected answer as feedback', async () => {
    const metric = await compile('() => 0.25');
    expect(await metric(example, 'x', [])).toEqual({
      score: 0.25,
      feedback: 'Score 0.25 from the custom metric (it gave no feedback). The expected answer was "Paris".',
    });
  });

  it('stops an infinite loop at the time limit, and the next call still works', async () => {
    const metric = await compile('(e, o) => { if (o === "hang") { while (true) {} } return 1; }', 300);
    const hung = await metric(example, 'hang', []);
    expect(hung.score).toBe(0);
    expect(hung.feedback).toBe(
      'The custom metric failed, so this output was not graded: it did not finish within the 300 ms time limit ' +
        '(an infinite loop, or a promise that never settles?) and was stopped.',
    );
    expect(await metric(example, 'fine', [])).toEqual({
      score: 1,
      feedback: 'Score 1 from the custom metric (it gave no feedback). The expected answer was "Paris".',
    });
  });

  it('does not let a hung call hold up calls running beside it', async () => {
    const metric = await compile(
      'async (e, o) => { if (o === "hang") await new Promise(() => {}); return 1; }',
      1_500,
      2,
    );
    const finished: string[] = [];
    const track = (output: string) => metric(example, output, []).then((r) => (finished.push(output), r));
    const [hung, fine] = await Promise.all([track('hang'), track('fine')]);
    expect(fine.score).toBe(1);
    expect(hung.feedback).toContain('did not finish within the 1500 ms time limit');
    // the second call got its own worker instead of queueing behind the hung one
    expect(finished).toEqual(['fine', 'hang']);
  });

  it('turns a throw into a failure with the error as feedback', async () => {
    const metric = await compile('() => { throw new TypeError("no answer field"); }');
    expect(await metric(example, 'x', [])).toEqual({
      score: 0,
      feedback:
        'The custom metric failed, so this output was not graded: the custom metric threw TypeError: no answer field.',
    });
    const rejecting = await compile('async () => Promise.reject("plain string")');
    expect((await rejecting(example, 'x', [])).feedback).toContain(
      'the custom metric threw a thrown string: "plain string"',
    );
  });

  it('rejects bad return values: out of range, NaN, wrong type, missing score, bad objectives', async () => {
    const cases: [string, string][] = [
      ['() => 1.5', 'the returned score is 1.5, outside [0, 1]'],
      ['() => -0.1', 'the returned score is -0.1, outside [0, 1]'],
      ['() => NaN', 'the returned score is NaN'],
      [
        '() => "high"',
        'the custom metric returned the string "high"; ' +
          'it must return a number in [0, 1] or { score, feedback?, objectives?, steps? }',
      ],
      ['() => undefined', 'the custom metric returned undefined (is a `return` missing?)'],
      ['() => ({ feedback: "ok" })', 'the returned "score" is missing, not a number'],
      ['() => ({ score: 2, feedback: "ok" })', 'the returned "score" is 2, outside [0, 1]'],
      ['() => ({ score: 1, feedback: 3 })', 'the returned "feedback" is a number, not a string'],
      ['() => ({ score: 1, objectives: { speed: "fast" } })', 'objective "speed" is "fast", not a finite number'],
      ['() => () => 1', 'the custom metric returned a function'],
    ];
    for (const [code, message] of cases) {
      const metric = await compile(code);
      const result = await metric(example, 'x', []);
      expect(result.score, code).toBe(0);
      expect(result.feedback, code).toContain(message);
    }
  });

  it('reports a syntax error once, at creation, naming the problem', async () => {
    expect(await compileError('(e, o) => { return o === ; }')).toMatch(/^the code does not compile: SyntaxError: .+/);
    expect(await compileError('const x = ;\nreturn () => 1;')).toMatch(/^the code does not compile: SyntaxError: .+/);
    expect(await compileError('42')).toBe(
      'the code does not compile: the code must be a function (example, output, trace) => score, ' +
        'or a script that returns one; it evaluated to number',
    );
    expect(await compileError('const helper = 1;')).toBe(
      'the code does not compile: the code must be a function (example, output, trace) => score, ' +
        'or a script that returns one; it returned undefined',
    );
    expect(await compileError('(() => { throw new Error("boom"); })()')).toBe(
      'the code does not compile: evaluating the code threw Error: boom',
    );
  });

  it('reports a worker crash (process.exit) as a failure and recovers', async () => {
    const metric = await compile('(e, o) => { if (o === "exit") process.exit(3); return 1; }');
    expect(await metric(example, 'exit', [])).toEqual({
      score: 0,
      feedback:
        'The custom metric failed, so this output was not graded: its worker crashed (the worker exited with code 3).',
    });
    expect((await metric(example, 'ok', [])).score).toBe(1);
  });

  it('rejects with the abort reason when the caller aborts, without waiting for the time limit', async () => {
    // a time limit beyond the test's own timeout: only the abort can settle the call in time
    const metric = await compile('async () => new Promise(() => {})', 600_000);
    const controller = new AbortController();
    const pending = metric(example, 'x', [], controller.signal);
    setTimeout(() => controller.abort(new Error('run stopped')), 50);
    await expect(pending).rejects.toThrow('run stopped');
  });
});

describe('makeMetric with a custom metric', () => {
  const make = (code: string, timeoutMs = 1_000): DisposableMetric => {
    const metric = makeMetric({ kind: 'custom', code, timeoutMs }, { workerFactory: nodeMetricWorkerFactory() });
    cleanups.push(() => metric.dispose());
    return metric;
  };

  it('runs the code in a worker', async () => {
    expect(await make('(e, o) => ({ score: o.length > 3 ? 1 : 0, feedback: "len" })')(example, 'Paris', [])).toEqual({
      score: 1,
      feedback: 'len',
    });
  });

  it('gives every call the syntax error as feedback', async () => {
    const metric = make('(e, o) => {');
    for (let i = 0; i < 2; i++) {
      const result = await metric(example, 'x', []);
      expect(result.score).toBe(0);
      expect(result.feedback).toMatch(
        /^The custom metric failed, so this output was not graded: the code does not compile: SyntaxError: .+\.$/,
      );
    }
  });

  it('stops running after dispose', async () => {
    const metric = make('() => 1');
    expect((await metric(example, 'x', [])).score).toBe(1);
    metric.dispose();
    expect((await metric(example, 'x', [])).feedback).toContain('the metric was shut down before this call ran');
  });
});
