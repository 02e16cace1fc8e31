// Checks before a run spends anything: the budget must buy at least one full valset evaluation (and the
// CLI says so when it buys no GEPA iteration after it), a custom metric's code must compile, and every
// HTTP endpoint must answer one tiny completion. Failures are RunConfigErrors naming the field: the budget
// key, or the endpoint's baseUrl / model / apiKeyEnv, depending on what went wrong.
// Invariant: the endpoint check refuses a start only where the run itself would fail its first call: it
// uses the run's client settings (timeout, retries on 429 / 5xx / timeouts), so a transient fault passes.
import { errorMessage, reflectiveIterationCost } from '../engine/index.ts';
import { OpenAiLanguageModel } from '../lm/openAiLanguageModel.ts';
import { redactKey } from '../lm/errorMapping.ts';
import { LmError } from '../lm/types.ts';
import type { RunConfig } from '../run/runConfig.ts';
import { RunConfigError } from '../run/runConfig.ts';
import { metricCallCap } from '../run/metricCallCap.ts';
import { isSearchRun } from '../run/runMode.ts';
import type { RunSecrets } from '../run/buildRun.ts';
import { compileCustomMetric } from '../tasks/metrics/index.ts';
import type { MetricWorkerFactory } from '../tasks/metrics/index.ts';
import { httpEndpoints } from './loadConfig.ts';

/** How long the plain request that finds a network error's cause may take. */
const PROBE_TIMEOUT_MS = 5000;

function budgetField(config: RunConfig): string {
  const key = Object.keys(config.budget).find((k) => ['auto', 'maxMetricCalls', 'maxFullEvals'].includes(k));
  return `budget.${key ?? 'maxMetricCalls'}`;
}

/**
 * The metric-call cap; throws when it cannot pay for scoring the seed once. Returns a warning when it buys
 * no iteration.
 */
export function checkBudget(
  config: RunConfig,
  sizes: { train: number; val: number },
): { cap: number | null; warning: string | null } {
  const cap = metricCallCap(config, sizes);
  if (cap === null) return { cap, warning: null };
  const field = budgetField(config);
  const V = sizes.val;
  const iteration = reflectiveIterationCost(config.options.reflectionMinibatchSize, V);
  if (cap < V) {
    throw new RunConfigError(
      field,
      `a budget of ${cap} metric calls is too small for one full evaluation: ` +
        `scoring a prompt on the valset takes ${V} metric calls (one per val example, ` +
        `${isSearchRun(config) ? 'every task of the search' : `${V} of ${V + sizes.train} examples`}), ` +
        `and each GEPA iteration up to ${iteration} more; ` +
        `give at least ${V + iteration}`,
    );
  }
  const warning =
    cap < V + iteration
      ? `${field}: ${cap} metric calls pay for scoring the seed prompt (${V} calls) but for no GEPA iteration ` +
        `(each needs up to ${iteration} more): the result will be the seed prompt; give at least ${V + iteration}`
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
  const message = errorMessage(err);
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

/**
 * Causes no retry changes: nothing listens on that port, or the host name does not exist. A run would
 * retry them with backoff and fail the same way, so the check says so at once.
 */
const DEFINITIVE_CAUSES = new Set(['ECONNREFUSED', 'ENOTFOUND']);

interface NetworkCause {
  code: string | null;
  text: string;
}

/** What lies under a network error: the OS's reason, found with one plain request; null when it answers. */
async function networkCause(baseUrl: string, timeoutMs: number): Promise<NetworkCause | null> {
  try {
    await fetch(baseUrl, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
    return null;
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? (err instanceof Error && err.name === 'TimeoutError' ? 'ETIMEDOUT' : undefined);
    if (!code) return cause?.message ? { code: null, text: cause.message } : null;
    return { code, text: NETWORK_CAUSES[code] ?? `${code}${cause?.message ? ` (${cause.message})` : ''}` };
  }
}

/**
 * One tiny completion per HTTP endpoint, through the same client settings a run uses (the endpoint's
 * timeoutMs and maxRetries, else the LM layer's defaults); throws on the first endpoint that fails. A key
 * the server rejects or a model it does not know fails at once (the client does not retry them), and so
 * does a refused connection or an unknown host; a hung request, a 429 or a 5xx is retried as in a run.
 */
export async function checkEndpoints(config: RunConfig, secrets: RunSecrets): Promise<void> {
  for (const { field, model, apiKey } of httpEndpoints(config, secrets)) {
    const { apiKeyEnv, ...endpoint } = model;
    const refuse = (where: string, reason: string) =>
      new RunConfigError(
        where,
        redactKey(`the endpoint ${model.baseUrl} is unreachable or refused a test completion: ${reason}`, apiKey),
      );
    const before = await networkCause(model.baseUrl, PROBE_TIMEOUT_MS);
    if (before?.code && DEFINITIVE_CAUSES.has(before.code)) throw refuse(`${field}.baseUrl`, `${before.text}.`);
    const lm = new OpenAiLanguageModel({ ...endpoint, apiKey });
    try {
      await lm.complete({ messages: [{ role: 'user', content: 'Reply with the single word: ok' }] });
    } catch (err) {
      const kind = err instanceof LmError ? err.kind : null;
      const where =
        kind === 'auth' ? `${field}.apiKeyEnv` : kind === 'not_found' ? `${field}.model` : `${field}.baseUrl`;
      const keyNote = kind === 'auth' && apiKeyEnv ? ` (the key comes from the environment variable ${apiKeyEnv})` : '';
      const cause = kind === 'network' ? await networkCause(model.baseUrl, PROBE_TIMEOUT_MS) : null;
      throw refuse(where, `${reasonOf(err)}${cause ? ` Reason: ${cause.text}.` : ''}${keyNote}`);
    }
  }
}
