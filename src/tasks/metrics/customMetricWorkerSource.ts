// The script a custom metric's worker runs, as a string: the browser starts it from a Blob URL, Node
// with `eval: true`. Plain JavaScript for any engine. It compiles the user's code once, then answers
// run requests one at a time; the host enforces the time limit (a hung metric cannot answer anything).
// Code may be a function expression `(example, output, trace) => …` or a script that returns one
// (so it can define helpers first). Where a line of the script would pass 120 characters, the source is
// split into String.raw pieces joined with +, which adds nothing to the script's text.
export const CUSTOM_METRIC_WORKER_SOURCE =
  String.raw`'use strict';
let metric = null;

function describe(err) {
  if (err instanceof Error) return err.name + ': ' + err.message;
  try { return 'a thrown ' + typeof err + ': ' + JSON.stringify(err); } catch (_) { return String(err); }
}

// Only the first form's error is worth reporting when the code plainly starts like a function.
function looksLikeFunction(code) {
  const body = code.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
  return /^(async\s+)?(function\b|\(|[\w$]+\s*=>)/.test(body);
}

function compile(code) {
  let factory;
  let exprError;
  try {
    factory = new Function('return (\n' + code.trim().replace(/;+\s*$/, '') + '\n);');
  } catch (err) {
    exprError = err;
    try {
      factory = new Function(code);
    } catch (bodyErr) {
      return { error: describe(looksLikeFunction(code) ? exprError : bodyErr) };
    }
  }
  let fn;
  try {
    fn = factory();
  } catch (err) {
    return { error: 'evaluating the code threw ' + describe(err) };
  }
  if (typeof fn !== 'function') {
    return { error: 'the code must be a function (example, output, trace) => score, ` +
  String.raw`or a script that returns one; it ' + (exprError ? 'returned ' : 'evaluated to ') + ` +
  String.raw`(fn === null ? 'null' : typeof fn) };
  }
  return { fn: fn };
}

function typeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

// Only the parts of a result the host reads cross back, so an exotic object cannot break cloning.
function sendable(value) {
  const t = typeOf(value);
  if (t === 'number' || t === 'boolean' || t === 'string') return value;
  if (t === 'object')
    return { score: value.score, feedback: value.feedback, objectives: value.objectives, steps: value.steps };
  return null;
}

globalThis.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === 'init') {
    const compiled = compile(msg.code);
    metric = compiled.fn || null;
    globalThis.postMessage(compiled.error ? { type: 'compile_error', message: compiled.error } : { type: 'ready' });
    return;
  }
  if (msg.type !== 'run') return;
  let value;
  try {
    value = await metric(msg.example, msg.output, msg.trace);
  } catch (err) {
    globalThis.postMessage({ type: 'failed', id: msg.id, message: 'the custom metric threw ' + describe(err) });
    return;
  }
  try {
    globalThis.postMessage({ type: 'done', id: msg.id, valueType: typeOf(value), value: sendable(value) });
  } catch (err) {
    globalThis.postMessage({ type: 'failed', id: msg.id, message: 'the custom metric returned a value ` +
  String.raw`that cannot be sent back (' + describe(err) + ')' });
  }
};
`;
