// Sending again what a run could not deliver to its trackers: the lines of tracking-undelivered.jsonl (the
// CLI's file, and the studio's "Download undelivered", in the same format: `{ backend, item, error }` a line)
// read back with their line numbers, MLflow's items handed to the MLflow tracker's resend (the same queue,
// batching and limits as a live run), and the lines to keep: the items that still failed (with the new
// reason), every W&B item (W&B's JavaScript SDK cannot resume a run, so nothing can send them again; its
// protocol is not hand-written here), and every malformed line exactly as it was. Nothing is dropped that
// was not delivered. Browser-safe: no Node APIs (the CLI reads and writes the file, src/cli/resendCommand.ts).
import type { MlflowItem, MlflowResendOutcome } from './mlflow/mlflowTracker.ts';
import type { MlflowMetric, MlflowParam } from './mlflow/restTypes.ts';

export type ParsedLine =
  | { line: number; text: string; kind: 'malformed'; problem: string }
  | { line: number; text: string; kind: 'mlflow'; item: MlflowItem; entry: Record<string, unknown> }
  | { line: number; text: string; kind: 'other'; backend: string; itemKind: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const FINISH = ['FINISHED', 'FAILED', 'KILLED'];

function isMetric(v: unknown): v is MlflowMetric {
  return (
    isObject(v) &&
    typeof v.key === 'string' &&
    typeof v.value === 'number' &&
    typeof v.timestamp === 'number' &&
    typeof v.step === 'number'
  );
}

const isKeyValue = (v: unknown): v is MlflowParam =>
  isObject(v) && typeof v.key === 'string' && typeof v.value === 'string';

/** An MLflow item as the tracker keeps it, or what is wrong with it. */
export function parseMlflowItem(item: unknown): MlflowItem | string {
  if (!isObject(item) || typeof item.kind !== 'string') return '"item" is not an object with a "kind"';
  switch (item.kind) {
    case 'start':
      return { kind: 'start' };
    case 'log-batch': {
      const list = (name: string) => (item[name] === undefined ? [] : item[name]);
      const [metrics, params, tags] = [list('metrics'), list('params'), list('tags')];
      if (!Array.isArray(metrics) || !metrics.every(isMetric))
        return 'log-batch "metrics" must be a list of { key, value, timestamp, step }';
      if (!Array.isArray(params) || !params.every(isKeyValue))
        return 'log-batch "params" must be a list of { key, value } with text values';
      if (!Array.isArray(tags) || !tags.every(isKeyValue))
        return 'log-batch "tags" must be a list of { key, value } with text values';
      if (!metrics.length && !params.length && !tags.length) return 'log-batch has no metrics, params or tags';
      return { kind: 'log-batch', metrics, params, tags };
    }
    case 'artifact': {
      const { path, content } = item;
      if (typeof path !== 'string' || !path || path.startsWith('/') || path.split('/').includes('..'))
        return 'artifact "path" must be a relative path without ".."';
      if (typeof content !== 'string') return 'artifact "content" must be text';
      return { kind: 'artifact', path, content };
    }
    case 'end':
      if (typeof item.status !== 'string' || !FINISH.includes(item.status))
        return `end "status" must be one of ${FINISH.join(', ')}`;
      return { kind: 'end', status: item.status as 'FINISHED' | 'FAILED' | 'KILLED' };
    default:
      return `unknown MLflow item kind "${item.kind}"`;
  }
}

/** The file's non-blank lines, numbered from 1 as an editor shows them, each parsed or with its problem. */
export function parseUndeliveredLines(text: string): ParsedLine[] {
  const parsed: ParsedLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!text.trim()) return;
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch (err) {
      parsed.push({ line, text, kind: 'malformed', problem: `not JSON (${(err as Error).message})` });
      return;
    }
    if (!isObject(entry) || typeof entry.backend !== 'string' || !('item' in entry)) {
      parsed.push({
        line,
        text,
        kind: 'malformed',
        problem: 'not an undelivered item: { "backend", "item", "error" }',
      });
      return;
    }
    if (entry.backend !== 'mlflow') {
      const itemKind = isObject(entry.item) && typeof entry.item.kind === 'string' ? entry.item.kind : 'item';
      parsed.push({ line, text, kind: 'other', backend: entry.backend, itemKind });
      return;
    }
    const item = parseMlflowItem(entry.item);
    if (typeof item === 'string') parsed.push({ line, text, kind: 'malformed', problem: item });
    else parsed.push({ line, text, kind: 'mlflow', item, entry });
  });
  return parsed;
}

/** Sends MLflow items again (MlflowTracker.resend), or says why they cannot be sent at all. */
export type MlflowResender = ((items: MlflowItem[]) => Promise<MlflowResendOutcome>) | { cannot: string };

export interface ResendResult {
  /** non-blank lines read */
  total: number;
  /** MLflow items now delivered */
  resent: number;
  /** the lines to keep, in the file's order (failed MLflow items with their new reason) */
  kept: string[];
  malformed: { line: number; problem: string }[];
  /** the MLflow run the items went to (null when none was found or created) */
  runId: string | null;
  /** what is kept and why, once per reason (W&B per item kind), and what was deliberately not sent */
  notes: string[];
}

export const WANDB_CANNOT_RESEND =
  "W&B's JavaScript SDK cannot resume a run, so it cannot be sent again " +
  "(kept; W&B's protocol is not hand-written here)";

export async function resendUndelivered(text: string, mlflow: MlflowResender): Promise<ResendResult> {
  const lines = parseUndeliveredLines(text);
  const toSend = lines.filter((l): l is Extract<ParsedLine, { kind: 'mlflow' }> => l.kind === 'mlflow');
  const failed = new Map<ParsedLine, string>();
  const notes: string[] = [];
  let runId: string | null = null;
  if (toSend.length) {
    if (typeof mlflow === 'function') {
      const outcome = await mlflow(toSend.map((l) => l.item));
      runId = outcome.runId;
      toSend.forEach((l, i) => {
        const error = outcome.undelivered.get(i);
        if (error !== undefined) failed.set(l, error);
      });
      if (failed.size) {
        const last = outcome.problems[outcome.problems.length - 1];
        notes.push(`mlflow: ${failed.size} item(s) still undelivered${last ? `: ${last}` : ''}`);
      }
      notes.push(...outcome.notes.map((n) => `mlflow: ${n}`));
    } else {
      for (const l of toSend) failed.set(l, mlflow.cannot);
      notes.push(`mlflow: ${toSend.length} item(s) not sent: ${mlflow.cannot}`);
    }
  }
  const others = new Map<string, number>();
  for (const l of lines)
    if (l.kind === 'other') {
      const key = `${l.backend}\u0000${l.itemKind}`;
      others.set(key, (others.get(key) ?? 0) + 1);
    }
  for (const [key, count] of others) {
    const [backend, kind] = key.split('\u0000') as [string, string];
    notes.push(
      backend === 'wandb'
        ? `wandb: ${count} "${kind}" item(s) kept: ${WANDB_CANNOT_RESEND}`
        : `${backend}: ${count} "${kind}" item(s) kept: this command sends MLflow items only`,
    );
  }
  const kept: string[] = [];
  for (const l of lines) {
    if (l.kind !== 'mlflow') kept.push(l.text);
    else if (failed.has(l)) kept.push(JSON.stringify({ ...l.entry, error: failed.get(l) }));
  }
  return {
    total: lines.length,
    resent: toSend.length - failed.size,
    kept,
    malformed: lines.flatMap((l) => (l.kind === 'malformed' ? [{ line: l.line, problem: l.problem }] : [])),
    runId,
    notes,
  };
}
