// "Test connection": one small call to the endpoint, with a result that says what happened (and, for a
// bare network error, the provider's CORS hint, which the worker includes in the message).
import { useState } from 'react';
import type { LmRole } from '../../store/setupStore.ts';
import { testConnection } from '../../store/actions.ts';
import type { ConnectionResult } from '../../worker/protocol.ts';
import { errorMessage } from '../../engine/index.ts';

type State = { state: 'idle' } | { state: 'running' } | { state: 'done'; result: ConnectionResult };

export function ConnectionTest({ role, disabledReason }: { role: LmRole; disabledReason: string | null }) {
  const [test, setTest] = useState<State>({ state: 'idle' });
  const run = async () => {
    setTest({ state: 'running' });
    try {
      setTest({ state: 'done', result: await testConnection(role) });
    } catch (err) {
      setTest({ state: 'done', result: { ok: false, message: errorMessage(err) } });
    }
  };
  return (
    <div className="connection-test">
      <button
        type="button"
        data-testid={`model-test-${role}`}
        disabled={test.state === 'running' || !!disabledReason}
        title={disabledReason ?? undefined}
        onClick={() => void run()}
      >
        {test.state === 'running' ? 'Testing…' : 'Test connection'}
      </button>
      {disabledReason && <span className="setup-hint">{disabledReason}</span>}
      {test.state === 'done' && (
        <div
          className={`connection-result ${test.result.ok ? 'ok' : 'failed'}`}
          data-testid={`model-test-result-${role}`}
          role="status"
        >
          <strong>{test.result.ok ? 'Connected' : 'Failed'}</strong>
          {test.result.latencyMs !== undefined && (
            <span className="muted"> · {Math.round(test.result.latencyMs)} ms</span>
          )}
          <span> — {test.result.message}</span>
          {test.result.reply && <pre className="reply">{test.result.reply}</pre>}
        </div>
      )}
    </div>
  );
}
