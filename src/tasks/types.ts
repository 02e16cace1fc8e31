// The tasks layer's contract: examples, programs (named steps with an evolvable instruction and a
// message template), metrics with textual feedback, and the traces an evaluation leaves behind.
import { showInvisible } from './datasets/invisibleChars.ts';

export type Example = Record<string, unknown> & { id: string };

/** Which dataset fields feed the program and which one holds the expected answer. */
export interface FieldMapping {
  inputs: string[];
  answer: string;
  id?: string;
}

export interface ProgramStep {
  /** component name: the key GEPA evolves in the candidate */
  name: string;
  /** seed instruction (the system prompt of this step) */
  instruction: string;
  /** user message; {{field}} refers to an example field, {{steps.<name>}} to an earlier step's output */
  template: string;
}

export interface Program {
  steps: ProgramStep[];
}

export interface StepTrace {
  step: string;
  messages: { role: string; content: string }[];
  output: string;
  error?: string;
}

/** A metric's word on one step (DSPy's `pred_name` feedback); a step score is checked, never used. */
export interface StepFeedback {
  feedback: string;
  /** compared with the program's score (a mismatch is warned about once a run); GEPA scores the program only */
  score?: number;
}

/** The output a metric could not read at all (DSPy's format failure): which step, and what it should look like. */
export interface FormatFailure {
  /** the step whose output was read (default: the last step, whose output is the program's) */
  step?: string;
  /** the structure the output should have, e.g. 'a JSON object with the fields "name", "phone"' */
  expected: string;
}

export interface MetricResult {
  /** in [0, 1] */
  score: number;
  feedback: string;
  objectives?: Record<string, number>;
  /** feedback for single steps by name; a step without it gets the program-level feedback */
  steps?: Record<string, StepFeedback>;
  formatFailure?: FormatFailure;
}

/** What a metric sees: the example, the program's final output, and the per-step trace. */
export type Metric = (
  example: Example,
  output: string,
  trace: StepTrace[],
  signal?: AbortSignal,
) => Promise<MetricResult>;

export type MetricConfig =
  | { kind: 'exact_match'; caseSensitive?: boolean }
  | { kind: 'contains'; caseSensitive?: boolean }
  | { kind: 'regex'; pattern: string; flags?: string }
  | { kind: 'numeric'; tolerance?: number; relative?: boolean }
  | { kind: 'json_field'; fields: string[] }
  | { kind: 'token_f1' }
  | { kind: 'choice'; labels: string[]; caseSensitive?: boolean }
  | { kind: 'llm_judge'; rubric: string; perStep?: boolean }
  | { kind: 'custom'; code: string; timeoutMs?: number };

/** One example's evaluation, as the adapter records it. */
export interface ExampleTrace {
  exampleId: string;
  steps: StepTrace[];
  output: string;
  score: number;
  feedback: string;
  /** the metric's feedback for single steps (absent: every step reads the program-level feedback) */
  stepFeedback?: Record<string, StepFeedback>;
  formatFailure?: FormatFailure;
}

export class DatasetError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly field?: string,
  ) {
    // a field name with an invisible character in it must not print as another, visible name
    const named = field ? `, field "${showInvisible(field)}"` : '';
    super(`${file}${line !== undefined ? `, line ${line}` : ''}${named}: ${message}`);
    this.name = 'DatasetError';
  }
}
