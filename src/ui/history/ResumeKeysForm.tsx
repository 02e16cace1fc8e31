// Resuming a run that calls endpoints with keys: the keys are never stored, so they are asked again,
// one field per endpoint (prefilled when this tab already holds the key for it). They go to the worker
// in memory only.
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { RunRecord } from '../../storage/types.ts';
import { resumeStoredRun } from '../../store/actions.ts';
import { useSetupStore } from '../../store/setupStore.ts';
import { keyFields, missingKey, prefilledKeys, secretsFrom } from './resumeKeys.ts';
import { errorMessage } from '../../engine/index.ts';

interface Props {
  record: RunRecord;
  onDone(): void;
  onError(message: string | null): void;
}

export function ResumeKeysForm({ record, onDone, onError }: Props) {
  const fields = keyFields(record.config);
  const [values, setValues] = useState(() => prefilledKeys(fields, useSetupStore.getState()));
  const problem = missingKey(fields, values);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    onError(null);
    resumeStoredRun(record.id, secretsFrom(fields, values)).then(onDone, (err: unknown) => onError(errorMessage(err)));
  };
  return (
    <form className="resume-keys" onSubmit={submit} data-testid={`resume-keys-${record.id}`}>
      <p className="muted">API keys are kept in memory only, never stored: give them again to resume this run.</p>
      {fields.map((f, i) => (
        <label key={f.baseUrl + f.provider} className="resume-key">
          <span>
            {f.roles.join(' + ')} LM <span className="mono muted">{f.baseUrl}</span>
            {!f.required && <span className="muted"> (optional for this server)</span>}
          </span>
          <input
            type="password"
            autoComplete="off"
            data-testid={`resume-key-${f.roles[0]}`}
            value={values[i] ?? ''}
            onChange={(e) => setValues((v) => v.map((x, k) => (k === i ? e.target.value : x)))}
          />
        </label>
      ))}
      <span className="resume-keys-actions">
        <button
          type="submit"
          className="primary"
          data-testid="resume-confirm"
          disabled={problem !== null}
          title={problem ?? 'Resume from the last checkpoint'}
        >
          Resume
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        {problem && <span className="muted">{problem}</span>}
      </span>
    </form>
  );
}
