// A JSON file holding one array of objects. JSON.parse gives no positions, so a small scanner finds
// where each top-level element starts; that is how rows (and errors about them) get line numbers.
import { DatasetError } from '../types.ts';
import { checkRowLimit, describeValue, lineLocator, type DatasetLimits, type DatasetRow } from './rows.ts';
import { errorMessage } from '../../engine/index.ts';

/** Offsets of the first character of each element of the top-level array (text must be valid JSON). */
export function topLevelElementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    if (depth === 1 && expectElement && c !== ']') offsets.push(i);
    expectElement = false;
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return offsets;
}

// JSON.parse's messages carry no reliable position (V8's wording varies by version), so the failing
// element is found by parsing the elements one at a time; the scanner tolerates broken JSON.
function locateJsonError(
  text: string,
  locate: (offset: number) => number,
): { line: number; element: number; message: string } | undefined {
  const offsets = topLevelElementOffsets(text);
  const close = text.lastIndexOf(']');
  for (let i = 0; i < offsets.length; i++) {
    const next = offsets[i + 1];
    const slice = text.slice(offsets[i], next ?? (close === -1 ? text.length : close)).trimEnd();
    try {
      JSON.parse(next === undefined ? slice : slice.replace(/,$/, ''));
    } catch (err) {
      return { line: locate(offsets[i] as number), element: i, message: errorMessage(err) };
    }
  }
  return undefined;
}

export function parseJsonArray(text: string, fileName: string, limits: DatasetLimits): DatasetRow[] {
  const locate = lineLocator(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const found = text.trimStart().startsWith('[') ? locateJsonError(text, locate) : undefined;
    if (found)
      throw new DatasetError(
        `invalid JSON in array element ${found.element + 1}, which starts on this line (${found.message})`,
        fileName,
        found.line,
      );
    throw new DatasetError(`invalid JSON (${errorMessage(err)})`, fileName);
  }
  if (!Array.isArray(value)) {
    throw new DatasetError(`expected a JSON array of objects, found ${describeValue(value)}`, fileName, 1);
  }
  if (value.length === 0) throw new DatasetError('the JSON array is empty: there are no examples', fileName, 1);
  const offsets = topLevelElementOffsets(text);
  return value.map((item: unknown, index) => {
    const line = locate(offsets[index] ?? 0);
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new DatasetError(
        `array element ${index + 1} (index ${index}) is ${describeValue(item)}, not an object`,
        fileName,
        line,
      );
    }
    checkRowLimit(index + 1, limits, fileName, line);
    return { line, values: item as Record<string, unknown> };
  });
}
