// Reading a run configuration from disk: the JSON the studio exports (a RunConfig, or a whole exported
// run whose `config` is one), its dataset from `dataset.path` (relative to the config file) or inline
// rows, and API keys from the environment variables the config names. Every problem is a
// RunConfigError naming the field (and the file, line or variable where there is one).
// Invariant: the config that comes out holds its rows inline and no path, so the run directory and the
// result file are self-contained, and it never holds a key.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { presetFor } from '../lm/presets.ts';
import { inlineDataset, inlineRows } from '../run/runDataset.ts';
import type { RunSecrets } from '../run/buildRun.ts';
import { parseDataset } from '../tasks/datasets/index.ts';
import type { DatasetRow } from '../tasks/datasets/index.ts';
import { EXPORT_FORMAT } from '../run/exportFormat.ts';
import { DatasetError } from '../tasks/types.ts';
import { RunConfigError, validateRunConfig } from '../run/runConfig.ts';
import type { ModelConfig, RunConfig } from '../run/runConfig.ts';
import { errorMessage } from '../engine/index.ts';

export interface LoadedConfig {
  /** validated, defaults filled in, rows inline, no dataset path */
  config: RunConfig;
  /** the dataset rows with the line numbers of their file (for mapping errors) */
  rows: DatasetRow[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The config document inside a file: a RunConfig as is, or the `config` of an exported run. */
export function configDocument(raw: unknown): unknown {
  if (isObject(raw) && raw.format === EXPORT_FORMAT) {
    if (!isObject(raw.config)) throw new RunConfigError('config', 'this exported run holds no run configuration');
    return raw.config;
  }
  return raw;
}

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new RunConfigError('--config', `file not found: ${file}`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new RunConfigError('config', `${file} is not valid JSON (${errorMessage(err)})`);
  }
}

function readRows(raw: Record<string, unknown>, configDir: string): { rows: DatasetRow[]; fileName: string } {
  const ds = raw.dataset as Record<string, unknown>;
  if (typeof ds.path !== 'string' || ds.path === '') {
    if (Array.isArray(ds.rows) && ds.rows.every(isObject))
      return {
        rows: inlineRows(ds.rows, ds.lines as number[] | undefined),
        fileName: typeof ds.fileName === 'string' ? ds.fileName : 'inline rows',
      };
    throw new RunConfigError('dataset.rows', 'must be an array of objects (or give dataset.path, a file)');
  }
  const file = path.resolve(configDir, ds.path);
  if (!existsSync(file) || !statSync(file).isFile())
    throw new RunConfigError('dataset.path', `dataset file not found: ${file}`);
  try {
    return {
      rows: parseDataset(readFileSync(file, 'utf8'), ds.path).rows,
      fileName: typeof ds.fileName === 'string' && ds.fileName ? ds.fileName : path.basename(file),
    };
  } catch (err) {
    if (err instanceof DatasetError) throw new RunConfigError('dataset.path', err.message);
    throw err;
  }
}

/** Reads, validates and resolves a config file. */
export function loadConfigFile(file: string): LoadedConfig {
  const raw = configDocument(readJson(file));
  // the shape first (it names a missing dataset or a bad field before any file is read)
  validateRunConfig(raw);
  const { rows, fileName } = readRows(raw as Record<string, unknown>, path.dirname(file));
  return { config: resolvedConfig(raw as Record<string, unknown>, rows, fileName), rows };
}

/** A validated config with the rows inline (values, and the file's lines) and no path. */
export function resolvedConfig(raw: Record<string, unknown>, rows: DatasetRow[], fileName: string): RunConfig {
  const config = validateRunConfig(structuredClone(raw));
  const { path: _path, lines: _lines, ...dataset } = config.dataset;
  return { ...config, dataset: { ...dataset, fileName, ...inlineDataset(rows) } };
}

/** The models a run calls, with the config field that holds each and the secret it needs. */
function modelsInUse(config: RunConfig): { field: string; model: ModelConfig; secret: keyof RunSecrets }[] {
  const models: { field: string; model: ModelConfig; secret: keyof RunSecrets }[] = [
    { field: 'taskLm', model: config.taskLm, secret: 'taskApiKey' },
    { field: 'reflectionLm', model: config.reflectionLm, secret: 'reflectionApiKey' },
  ];
  if (config.metric.kind === 'llm_judge' && config.judgeLm)
    models.push({ field: 'judgeLm', model: config.judgeLm, secret: 'judgeApiKey' });
  return models;
}

/** API keys from the environment variables the config names; a needed key that is missing is an error. */
export function secretsFromEnv(config: RunConfig, env: Record<string, string | undefined>): RunSecrets {
  const secrets: RunSecrets = {};
  for (const { field, model, secret } of modelsInUse(config)) {
    if (model.provider === 'demo') continue;
    const name = model.apiKeyEnv;
    if (name !== undefined && (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))) {
      throw new RunConfigError(
        `${field}.apiKeyEnv`,
        `must be the name of an environment variable, got ${JSON.stringify(name)}`,
      );
    }
    if (name) {
      const key = env[name];
      if (!key)
        throw new RunConfigError(
          `${field}.apiKeyEnv`,
          `the environment variable ${name} is not set; it must hold the API key for ${model.baseUrl}`,
        );
      secrets[secret] = key;
    } else if (presetFor(model.provider).needsKey) {
      throw new RunConfigError(
        `${field}.apiKeyEnv`,
        `${presetFor(model.provider).label} needs an API key: name the environment variable that holds it, ` +
          `e.g. "apiKeyEnv": "${model.provider.toUpperCase()}_API_KEY"`,
      );
    }
  }
  return secrets;
}

/** The endpoints a run calls over HTTP (no demo model), each with its key, once per base URL and model. */
export function httpEndpoints(
  config: RunConfig,
  secrets: RunSecrets,
): { field: string; model: ModelConfig; apiKey?: string }[] {
  const seen = new Set<string>();
  const out: { field: string; model: ModelConfig; apiKey?: string }[] = [];
  for (const { field, model, secret } of modelsInUse(config)) {
    const apiKey = secrets[secret];
    const id = JSON.stringify([model.baseUrl, model.model, apiKey ?? null]);
    if (model.provider === 'demo' || seen.has(id)) continue;
    seen.add(id);
    out.push({ field, model, ...(apiKey ? { apiKey } : {}) });
  }
  return out;
}
