// Checks before a run spends anything: the budget must buy at least one full valset evaluation (and the
// CLI says so when it buys no GEPA iteration after it), a custom metric's code must compile, and every
// HTTP endpoint must answer one tiny completion. Failures are RunConfigErrors naming the field: the budget key, or the endpoint's
// baseUrl / model / apiKeyEnv, depending on what went wrong.
import { reflectiveIterationCost, resolveMetricCallBudget } from '../engine/index.ts';
import { OpenAiLanguageModel } from '../lm/openAiLanguageModel.ts';
import { redactKey } from '../lm/errorMapping.ts';
import { LmError } from '../lm/types.ts';
import type { RunConfig } from '../tasks/runConfig.ts';
import { RunConfigError } from '../tasks/runConfig.ts';
import type { RunSecrets } from '../tasks/buildRun.ts';
import { compileCustomMetric } from '../tasks/metrics/index.ts';
import type { MetricWorkerFactory } from '../tasks/metrics/index.ts';
import { httpEndpoints } from './loadConfig.ts';

export const ENDPOINT_CHECK_TIMEOUT_MS = 15_000;

function budgetField(config: RunConfig): string {
  return `budget.${Object.keys(config.budget).find((k) => ['auto', 'maxMetricCalls', 'maxFullEvals'].includes(k)) ?? 'maxMetricCalls'}`;
}

/** The metric-call cap; throws when it cannot pay for scoring the seed once. Returns a warning when it buys no iteration. */
export function checkBudget(
  config: RunConfig,
  sizes: { train: number; val: number },
): { cap: number | null; warning: string | null } {
  const cap = resolveMetricCallBudget({
    ...config.budget,
    hasStopConditions: true,
    numComponents: config.program.steps.length,
    trainsetSize: sizes.train,
    valsetSize: sizes.val,
    valsetProvided: true,
  });
  if (cap === null) return { cap, warning: null };
  const field = budgetField(config);
  const V = sizes.val;
  const iteration = reflectiveIterationCost(config.options.reflectionMinibatchSize, V);
  if (cap < V) {
    throw new RunConfigError(
      field,
      `a budget of ${cap} metric calls is too small for one full evaluation: scoring a prompt on the valset takes ${V} metric calls (one per val example, ${V} of ${V + sizes.train} examples), and each GEPA iteration up to ${iteration} more; give at least ${V + iteration}`,
    );
  }
  const warning =
    cap < V + iteration
      ? `${field}: ${cap} metric calls pay for scoring the seed prompt (${V} calls) but for no GEPA iteration (each needs up to ${iteration} more): the result will be the seed prompt; give at least ${V + iteration}`
      : null;
  return { cap, warning };
}

/** A custom metric's code must compile (else every output would score 0 with the error as feedback). */
export async function checkCustomMetric(config: RunConfig, workerFactory: MetricWorkerFactory): Promise<void> {
  if (config.metric.kind !== 'custom') return;
  const compiled = await compileCustomMetric(config.metric.code, {
    workerFactory,
    timeoutMs: config.metric.timeoutMs,
    concurrency: 1,
  });
  if (!compiled.ok) throw new RunConfigError('metric.code', compiled.error);
  compiled.dispose();
}

/** The reason without the browser-only advice the LM layer adds to network errors. */
function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s*In a browser this is most often CORS\..*$/s, '');
}

const NETWORK_CAUSES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused (is the server running, on this port?)',
  ENOTFOUND: 'the host name was not found (DNS)',
  EAI_AGAIN: 'the host name could not be resolved (DNS)',
  ECONNRESET: 'the server closed the connection',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
};

/** What lies under a bare network error: the OS's reason, found with one plain request. */
async function networkCause(baseUrl: string, timeoutMs: number): Promise<string | null> {
  try {
    await fetch(baseUrl, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
    return null;
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? (err instanceof Error && err.name === 'TimeoutError' ? 'ETIMEDOUT' : undefined);
    if (!code) return cause?.message ?? null;
    return NETWORK_CAUSES[code] ?? `${code}${cause?.message ? ` (${cause.message})` : ''}`;
  }
}

/** One tiny completion per HTTP endpoint, no retries, short timeout; throws on the first that fails. */
export async function checkEndpoints(
  config: RunConfig,
  secrets: RunSecrets,
  timeoutMs = ENDPOINT_CHECK_TIMEOUT_MS,
): Promise<void> {
  for (const { field, model, apiKey } of httpEndpoints(config, secrets)) {
    const { apiKeyEnv, ...endpoint } = model;
    const lm = new OpenAiLanguageModel({
      ...endpoint,
      apiKey,
      timeoutMs: Math.min(endpoint.timeoutMs ?? timeoutMs, timeoutMs),
      maxRetries: 0,
    });
    try {
      await lm.complete({ messages: [{ role: 'user', content: 'Reply with the single word: ok' }] });
    } catch (err) {
      const kind = err instanceof LmError ? err.kind : null;
      const where =
        kind === 'auth' ? `${field}.apiKeyEnv` : kind === 'not_found' ? `${field}.model` : `${field}.baseUrl`;
      const keyNote = kind === 'auth' && apiKeyEnv ? ` (the key comes from the environment variable ${apiKeyEnv})` : '';
      const cause = kind === 'network' ? await networkCause(model.baseUrl, Math.min(timeoutMs, 5000)) : null;
      const reason = `${reasonOf(err)}${cause ? ` Reason: ${cause}.` : ''}${keyNote}`;
      throw new RunConfigError(
        where,
        redactKey(`the endpoint ${model.baseUrl} is unreachable or refused a test completion: ${reason}`, apiKey),
      );
    }
  }
}
