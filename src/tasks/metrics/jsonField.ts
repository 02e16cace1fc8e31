// JSON field match: the output's JSON object against the expected one, field by field, with partial
// credit. Feedback lists every field that differs or is missing, so the reflection LM sees exactly
// which part of the format or content went wrong. An output that is no JSON object is a format failure.
import type { Metric } from '../types.ts';
import { readExpected } from './expected.ts';
import { describeJson, extractJson } from './extractJson.ts';
import { quote } from './text.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Dotted paths reach into nested objects: "address.city". */
function fieldAt(obj: Record<string, Json>, path: string): { found: boolean; value?: Json } {
  if (path in obj) return { found: true, value: obj[path] };
  let cur: Json | undefined = obj;
  for (const part of path.split('.')) {
    if (!isObject(cur) || !(part in cur)) return { found: false };
    cur = cur[part];
  }
  return { found: true, value: cur as Json };
}

function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

const show = (v: Json | undefined) => {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};

function difference(want: Json | undefined, got: Json | undefined): string {
  const typeNote =
    typeof want !== typeof got || Array.isArray(want) !== Array.isArray(got)
      ? ` (${describeJson(got)}, not ${describeJson(want)})`
      : '';
  return `expected ${show(want)}, got ${show(got)}${typeNote}`;
}

/** `fields` empty: every top-level field of the expected object. */
export function jsonFieldMetric(fields: string[] = []): Metric {
  return async (example, output) => {
    const read = readExpected(example, 'JSON field');
    if (!read.ok) return read.result;
    const expectedJson = extractJson(read.expected);
    if (!expectedJson.ok || !isObject(expectedJson.value)) {
      return {
        score: 0,
        feedback:
          `Not graded: the expected answer ${quote(read.expected, 200)} is not a JSON object, ` +
          'so the JSON field metric cannot grade this example.',
      };
    }
    const want = expectedJson.value;
    const names = fields.length > 0 ? fields : Object.keys(want);
    const wanted = names.map((n) => `"${n}"`).join(', ');
    const parsed = extractJson(output);
    if (!parsed.ok) {
      return {
        score: 0,
        feedback:
          `Incorrect: the output is not valid JSON (${parsed.error}); ` +
          `expected a JSON object with the fields ${wanted}. The output was ${quote(output)}.`,
        formatFailure: { expected: `a JSON object with the fields ${wanted}` },
      };
    }
    if (!isObject(parsed.value)) {
      return {
        score: 0,
        feedback:
          `Incorrect: the output's JSON is ${describeJson(parsed.value)}, not an object; ` +
          `expected a JSON object with the fields ${wanted}.`,
        formatFailure: { expected: `a JSON object with the fields ${wanted}` },
      };
    }
    const got = parsed.value;
    const lines: string[] = [];
    let matched = 0;
    for (const name of names) {
      const w = fieldAt(want, name);
      const g = fieldAt(got, name);
      if (!g.found) lines.push(`- "${name}": missing from the output (expected ${show(w.value)})`);
      else if (deepEqual(w.value, g.value)) {
        matched++;
        lines.push(`- "${name}": correct (${show(g.value)})`);
      } else lines.push(`- "${name}": ${difference(w.value, g.value)}`);
    }
    const score = names.length === 0 ? 1 : matched / names.length;
    const verdict = matched === names.length ? 'Correct: all' : `${matched} of`;
    return {
      score,
      feedback: `${verdict} ${names.length} expected field${names.length === 1 ? '' : 's'} match.\n${lines.join('\n')}`,
    };
  };
}
