// "Open an exported run" lives in the top bar so a colleague can view a shared export from a fresh tab,
// before any run exists; the run is also kept in the history (to compare it, or to find it after a
// reload). The import error is shown beside the button that caused it.
import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { importAndKeep } from '../store/keepImport.ts';
import { errorMessage } from '../engine/index.ts';

export function ImportRunButton() {
  const [error, setError] = useState<string | null>(null);
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // clear the input so picking the same file again still fires a change
    e.target.value = '';
    if (!file) return;
    setError(null);
    importAndKeep(file).catch((err: unknown) => setError(errorMessage(err)));
  };
  return (
    <span className="import-run">
      <label className="topbar-button" title="Open an exported run (read-only; it is kept in the history)">
        Open export…
        <input
          type="file"
          accept=".json,application/json"
          data-testid="import-file-input"
          className="file-input-hidden"
          onChange={onFile}
        />
      </label>
      {error && (
        <span className="import-error" role="alert" data-testid="import-error" title={error}>
          {error}
        </span>
      )}
    </span>
  );
}
