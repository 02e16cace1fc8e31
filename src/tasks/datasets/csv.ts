// CSV (and TSV) through papaparse, which handles quotes, delimiters and newlines inside quoted fields.
// The first row is the header. Rows are read one at a time so each keeps the line it starts on (a
// quoted field may span lines, so row index and line number differ).
import Papa from 'papaparse';
import { DatasetError } from '../types.ts';
import { cleanName, describeChar, describeFound } from './invisibleChars.ts';
import { checkRowLimit, lineLocator, type DatasetLimits, type DatasetRow } from './rows.ts';

export interface CsvOptions {
  /** fixed delimiter (e.g. "\t" for .tsv); undefined lets papaparse detect it */
  delimiter?: string;
}

export interface CsvTable {
  header: string[];
  rows: DatasetRow[];
  /** what was changed to read the file, e.g. an invisible character removed from a header name */
  warnings: string[];
}

function quoteProblem(code: string): string {
  if (code === 'MissingQuotes') return 'a quoted field is never closed (a " is missing)';
  if (code === 'InvalidQuotes') return 'malformed quotes: a quoted field has text right after its closing "';
  return 'malformed quotes';
}

/**
 * Header names as the templates will use them: invisible characters (a zero-width space, a BOM, a no-break
 * space) are removed with a warning naming them, and empty cells (often from a trailing delimiter) get a
 * positional name instead of failing the file. Names must then be unique.
 */
function readHeader(cells: string[], fileName: string, line: number): { header: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const notes = new Map<number, string>();
  const header = cells.map((cell, i) => {
    const cleaned = cleanName(cell);
    const column = `column ${i + 1}`;
    if (cleaned.found.length === 0) return cleaned.name || `column_${i + 1}`;
    const chars = [...new Set(cleaned.found.map((f) => f.code))].map(describeChar).join(' and ');
    if (!cleaned.name) {
      warnings.push(`${column} header held only ${chars}; named "column_${i + 1}"`);
      return `column_${i + 1}`;
    }
    notes.set(i, chars);
    warnings.push(`${column} header had ${describeFound(cleaned)}`);
    return cleaned.name;
  });
  const firstAt = new Map<string, number>();
  header.forEach((name, i) => {
    const first = firstAt.get(name);
    if (first === undefined) return void firstAt.set(name, i);
    const note = notes.get(i) ?? notes.get(first);
    const why = note ? ` once ${note} is removed from column ${notes.has(i) ? i + 1 : first + 1}` : '';
    throw new DatasetError(
      `the header names this column twice (columns ${first + 1} and ${i + 1}${why}); column names must be unique`,
      fileName,
      line,
      name,
    );
  });
  return { header, warnings };
}

export function parseCsv(text: string, fileName: string, limits: DatasetLimits, options: CsvOptions = {}): CsvTable {
  const locate = lineLocator(text);
  // held in an object: TypeScript does not see assignments made inside the step callback
  const st: { header: string[] | null; warnings: string[]; failure: DatasetError | null; rowStart: number } = {
    header: null,
    warnings: [],
    failure: null,
    rowStart: 0,
  };
  const rows: DatasetRow[] = [];

  // Throwing inside papaparse's step callback would leave the parser mid-stream: record and abort instead.
  Papa.parse<string[]>(text, {
    delimiter: options.delimiter ?? '',
    delimitersToGuess: [',', '\t', ';', '|'],
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      // the row starts at the first non-blank character after the previous row (blank lines are skipped)
      let start = st.rowStart;
      while (start < text.length && /\s/.test(text[start] as string) && text[start] !== '\t') start++;
      st.rowStart = result.meta.cursor;
      const line = locate(start);
      try {
        const quoteError = result.errors.find((e) => e.type === 'Quotes');
        if (quoteError)
          throw new DatasetError(
            quoteProblem(quoteError.code),
            fileName,
            quoteError.index !== undefined ? locate(quoteError.index) : line,
          );
        const cells = result.data;
        const header = st.header;
        if (!header) {
          ({ header: st.header, warnings: st.warnings } = readHeader(cells, fileName, line));
          return;
        }
        if (cells.length !== header.length) {
          const missing = header[cells.length];
          throw new DatasetError(
            `the row has ${cells.length} value${cells.length === 1 ? '' : 's'} ` +
              `but the header has ${header.length} columns` +
              (missing !== undefined
                ? ` (no value for "${missing}" onwards)`
                : ' (too many values; is a field with a delimiter missing its quotes?)'),
            fileName,
            line,
            missing,
          );
        }
        const values: Record<string, unknown> = {};
        header.forEach((name, i) => (values[name] = cells[i]));
        rows.push({ line, values });
        checkRowLimit(rows.length, limits, fileName, line);
      } catch (err) {
        st.failure = err as DatasetError;
        parser.abort();
      }
    },
  });
  if (st.failure) throw st.failure;
  const header = st.header;
  if (!header) throw new DatasetError('the file is empty', fileName);
  if (rows.length === 0) throw new DatasetError('the file has a header row but no data rows', fileName, 2);
  return { header, rows, warnings: st.warnings };
}
