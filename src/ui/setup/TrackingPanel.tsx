// Experiment tracking, folded away until wanted: log the run to an MLflow tracking server (where, the run's
// name and tags, attach to an existing run, a key prefix), the server's token or user and password (memory
// only unless remembered with the API keys), and a connection test that says when the server does not allow
// this page's origin and what to start it with. The page calls the server itself, so CORS decides.
import { useState } from 'react';
import { useSetupStore } from '../../store/setupStore.ts';
import { testTrackingConnection } from '../../store/actions.ts';
import { trackingProblem } from '../../store/trackingDraft.ts';
import type { TrackingAuthKind } from '../../store/trackingDraft.ts';
import type { TrackingTestResult } from '../../worker/protocol.ts';
import { Checkbox } from './Checkbox.tsx';

const AUTH_CHOICES: { value: TrackingAuthKind; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'token', label: 'Bearer token' },
  { value: 'basic', label: 'User and password' },
];

type TestState = { state: 'idle' } | { state: 'running' } | { state: 'done'; result: TrackingTestResult };

function TrackingTest({ disabledReason }: { disabledReason: string | null }) {
  const [test, setTest] = useState<TestState>({ state: 'idle' });
  const run = async () => {
    setTest({ state: 'running' });
    setTest({ state: 'done', result: await testTrackingConnection() });
  };
  return (
    <div className="connection-test">
      <button
        type="button"
        data-testid="tracking-test"
        disabled={test.state === 'running' || !!disabledReason}
        title={disabledReason ?? undefined}
        onClick={() => void run()}
      >
        {test.state === 'running' ? 'Testing…' : 'Test connection'}
      </button>
      {test.state === 'done' && (
        <div
          className={`connection-result ${test.result.ok ? 'ok' : 'failed'}`}
          data-testid="tracking-test-result"
          role="status"
        >
          <strong>{test.result.ok ? 'Connected' : test.result.cors ? 'Blocked by CORS' : 'Failed'}</strong>
          <span> — {test.result.message}</span>
          {test.result.command && (
            <pre className="reply" data-testid="tracking-cors-command">
              {test.result.command}
            </pre>
          )}
        </div>
      )}
    </div>
  );
}

export function TrackingPanel() {
  const draft = useSetupStore((s) => s.tracking);
  const auth = useSetupStore((s) => s.trackingAuth);
  const studioName = useSetupStore((s) => s.name);
  const set = useSetupStore((s) => s.setTracking);
  const setAuth = useSetupStore((s) => s.setTrackingAuth);
  const remember = useSetupStore((s) => s.rememberKeys);
  const setRemember = useSetupStore((s) => s.setRememberKeys);
  const problem = trackingProblem(draft, auth);
  const origin = globalThis.location?.origin ?? '';
  const off = !draft.enabled;
  return (
    <section
      className="panel setup-section tracking-panel"
      aria-label="Experiment tracking"
      data-testid="tracking-section"
    >
      <details>
        <summary data-testid="tracking-toggle">
          <h2>Experiment tracking</h2>
          <span className={`badge${draft.enabled ? ' good' : ''}`} data-testid="tracking-badge">
            {draft.enabled ? 'MLflow · on' : 'off'}
          </span>
        </summary>
        <p className="setup-help">
          Log the run to an MLflow tracking server as it goes: the config as params, scores every iteration, the
          candidates and proposals tables, the candidate tree and the summary. This page calls the server directly, so
          the server must allow the origin <code>{origin}</code> (MLflow 3.5 or newer allows localhost pages by default;
          otherwise start it with <code>--cors-allowed-origins {origin}</code>).
        </p>
        <Checkbox data-testid="tracking-enabled" checked={draft.enabled} onChecked={(enabled) => set({ enabled })}>
          Log runs to MLflow
        </Checkbox>
        <div className="form-grid tracking-grid">
          <label htmlFor="tracking-uri">Tracking URI</label>
          <input
            id="tracking-uri"
            data-testid="tracking-uri"
            className="mono"
            spellCheck={false}
            disabled={off}
            value={draft.trackingUri}
            placeholder="http://localhost:5000"
            onChange={(e) => set({ trackingUri: e.target.value })}
          />
          <label htmlFor="tracking-experiment">Experiment</label>
          <input
            id="tracking-experiment"
            data-testid="tracking-experiment"
            disabled={off}
            value={draft.experimentName}
            placeholder="found by name, or created"
            onChange={(e) => set({ experimentName: e.target.value })}
          />
          <label htmlFor="tracking-run-name">Run name</label>
          <input
            id="tracking-run-name"
            data-testid="tracking-run-name"
            disabled={off}
            value={draft.runName}
            placeholder={studioName || 'the studio run’s name'}
            onChange={(e) => set({ runName: e.target.value })}
          />
          <label htmlFor="tracking-tags">Tags</label>
          <textarea
            id="tracking-tags"
            data-testid="tracking-tags"
            className="mono tracking-tags"
            rows={2}
            spellCheck={false}
            disabled={off}
            value={draft.tags}
            placeholder={'one key=value a line, e.g.\nteam=search'}
            onChange={(e) => set({ tags: e.target.value })}
          />
          <label htmlFor="tracking-run-id">Attach to run</label>
          <span className="inline-fields">
            <input
              id="tracking-run-id"
              data-testid="tracking-run-id"
              className="mono"
              spellCheck={false}
              disabled={off}
              value={draft.runId}
              placeholder="optional run id"
              onChange={(e) => set({ runId: e.target.value })}
            />
            <span className="muted option-help">logs into that run; never creates or ends it</span>
          </span>
          <label htmlFor="tracking-prefix">Key prefix</label>
          <span className="inline-fields">
            <input
              id="tracking-prefix"
              data-testid="tracking-prefix"
              className="mono short"
              spellCheck={false}
              disabled={off}
              value={draft.keyPrefix}
              placeholder="gepa/"
              onChange={(e) => set({ keyPrefix: e.target.value })}
            />
            <span className="muted option-help">before every metric, param, tag, table and artifact name</span>
          </span>
          <label htmlFor="tracking-auth">Authentication</label>
          <select
            id="tracking-auth"
            data-testid="tracking-auth"
            disabled={off}
            value={auth.kind}
            onChange={(e) => setAuth({ kind: e.target.value as TrackingAuthKind })}
          >
            {AUTH_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          {auth.kind === 'token' && (
            <>
              <label htmlFor="tracking-token">Token</label>
              <input
                id="tracking-token"
                data-testid="tracking-token"
                type="password"
                autoComplete="off"
                spellCheck={false}
                disabled={off}
                value={auth.token}
                placeholder="sent as Authorization: Bearer …"
                onChange={(e) => setAuth({ token: e.target.value.trim() })}
              />
            </>
          )}
          {auth.kind === 'basic' && (
            <>
              <label htmlFor="tracking-username">User</label>
              <input
                id="tracking-username"
                data-testid="tracking-username"
                autoComplete="off"
                spellCheck={false}
                disabled={off}
                value={auth.username}
                onChange={(e) => setAuth({ username: e.target.value.trim() })}
              />
              <label htmlFor="tracking-password">Password</label>
              <input
                id="tracking-password"
                data-testid="tracking-password"
                type="password"
                autoComplete="off"
                disabled={off}
                value={auth.password}
                onChange={(e) => setAuth({ password: e.target.value })}
              />
            </>
          )}
        </div>
        {auth.kind !== 'none' && (
          <div className="remember">
            <Checkbox data-testid="tracking-remember" checked={remember} onChecked={setRemember}>
              Remember API keys and tracking credentials on this device
            </Checkbox>
            <p className="setup-hint">
              Otherwise the credentials stay in this tab&apos;s memory: never in the saved run, an export or a log.
            </p>
          </div>
        )}
        {draft.enabled && problem && (
          <p className="setup-hint warn-text" data-testid="tracking-problem">
            {problem}
          </p>
        )}
        <TrackingTest disabledReason={off ? 'Turn tracking on first' : problem} />
      </details>
    </section>
  );
}
