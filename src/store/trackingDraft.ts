// The setup's experiment tracking as the user types it, and what it becomes: the run config's `tracking`
// (where the run logs; never a credential) and the credentials that go to the worker in memory only. Tags
// are typed one `key=value` a line. Pure, so the conversions are tested without React or a worker.
import type { TrackingConfig } from '../run/trackingConfig.ts';
import type { MlflowCredentials } from '../worker/protocol.ts';

export interface TrackingDraft {
  /** log runs to MLflow */
  enabled: boolean;
  trackingUri: string;
  experimentName: string;
  /** the MLflow run's name; empty: the studio run's name */
  runName: string;
  /** attach: log into this existing run, never create or end it */
  runId: string;
  /** one `key=value` a line */
  tags: string;
  /** before every key the run logs, e.g. "gepa/" */
  keyPrefix: string;
}

export type TrackingAuthKind = 'none' | 'token' | 'basic';

export interface TrackingAuthDraft {
  kind: TrackingAuthKind;
  token: string;
  username: string;
  password: string;
}

export const emptyTrackingDraft = (): TrackingDraft => ({
  enabled: false,
  trackingUri: 'http://localhost:5000',
  experimentName: 'gepa-studio',
  runName: '',
  runId: '',
  tags: '',
  keyPrefix: '',
});

export const emptyTrackingAuth = (): TrackingAuthDraft => ({ kind: 'none', token: '', username: '', password: '' });

/** The tags typed one `key=value` a line (blank lines skipped); the first malformed line is the problem. */
export function parseTags(text: string): { tags: Record<string, string>; problem: string | null } {
  const tags: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? '' : line.slice(0, eq).trim();
    if (!key) return { tags, problem: `tag line ${i + 1} is not key=value: "${line}"` };
    tags[key] = line.slice(eq + 1).trim();
  }
  return { tags, problem: null };
}

export function formatTags(tags: Record<string, string> | undefined): string {
  return Object.entries(tags ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}

/** What keeps the tracking setup from running, in the section's words; null when it can run (or is off). */
export function trackingProblem(draft: TrackingDraft, auth: TrackingAuthDraft): string | null {
  if (!draft.enabled) return null;
  if (!/^https?:\/\/[^/]/.test(draft.trackingUri.trim()))
    return 'Experiment tracking: the tracking URI must be an http(s) URL, e.g. http://localhost:5000';
  if (/^https?:\/\/[^/]*@/.test(draft.trackingUri.trim()))
    return 'Experiment tracking: put the user and password in their fields, not in the URI';
  if (!draft.experimentName.trim()) return 'Experiment tracking: name the MLflow experiment';
  const tags = parseTags(draft.tags).problem;
  if (tags) return `Experiment tracking: ${tags}`;
  if (auth.kind === 'token' && !auth.token) return 'Experiment tracking: paste the token, or choose no authentication';
  if (auth.kind === 'basic' && (!auth.username || !auth.password))
    return 'Experiment tracking: basic auth needs both a user and a password';
  return null;
}

/** The run config's `tracking`, or undefined when tracking is off. */
export function trackingConfigOf(draft: TrackingDraft, studioRunName: string): TrackingConfig | undefined {
  if (!draft.enabled) return undefined;
  const { tags } = parseTags(draft.tags);
  const runName = draft.runName.trim() || studioRunName.trim();
  return {
    ...(draft.keyPrefix ? { keyPrefix: draft.keyPrefix } : {}),
    mlflow: {
      trackingUri: draft.trackingUri.trim(),
      experimentName: draft.experimentName.trim(),
      ...(runName ? { runName } : {}),
      ...(draft.runId.trim() ? { runId: draft.runId.trim() } : {}),
      ...(Object.keys(tags).length ? { tags } : {}),
    },
  };
}

/**
 * A saved config's tracking as the draft (a config without MLflow keeps the fields, switched off). A run name
 * that is the studio run's own stays empty, so it follows a renamed duplicate.
 */
export function trackingDraftOf(
  config: TrackingConfig | undefined,
  previous: TrackingDraft,
  studioRunName: string,
): TrackingDraft {
  const m = config?.mlflow;
  if (!m) return { ...previous, enabled: false };
  return {
    enabled: true,
    trackingUri: m.trackingUri,
    experimentName: m.experimentName,
    runName: m.runName === undefined || m.runName === studioRunName ? '' : m.runName,
    runId: m.runId ?? '',
    tags: formatTags(m.tags),
    keyPrefix: config.keyPrefix ?? '',
  };
}

/** The credentials to send with a run or a test; undefined without any. */
export function credentialsOf(auth: TrackingAuthDraft): MlflowCredentials | undefined {
  if (auth.kind === 'token' && auth.token) return { token: auth.token };
  if (auth.kind === 'basic' && auth.username && auth.password)
    return { username: auth.username, password: auth.password };
  return undefined;
}
