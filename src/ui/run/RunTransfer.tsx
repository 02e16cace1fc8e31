// Export the run (JSON in the reference GEPAResult.to_dict() shape, CSV tables) and import an exported
// file to view read-only. An import failure is shown here, next to the button that caused it.
import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { exportCsv, exportJson, importFile } from '../../store/actions.ts';

export function RunTransfer({ canExport }: { canExport: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => unknown) => {
    setError(null);
    Promise.resolve()
      .then(action)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // clear the input so picking the same file again still fires a change
    e.target.value = '';
    if (file) run(() => importFile(file));
  };
  return (
    <div className="run-transfer">
      <button type="button" data-testid="export-json" disabled={!canExport} onClick={() => run(() => exportJson())} title="The result as a GEPAResult.to_dict() JSON, with config, tables and usage">
        Export JSON
      </button>
      <button type="button" data-testid="export-csv-proposals" disabled={!canExport} onClick={() => run(() => exportCsv('proposals'))}>
        Proposals CSV
      </button>
      <button type="button" data-testid="export-csv-candidates" disabled={!canExport} onClick={() => run(() => exportCsv('candidates'))}>
        Candidates CSV
      </button>
      <label className="button-like" title="Open an exported run (read-only)">
        Import…
        <input type="file" accept=".json,application/json" data-testid="import-file-input" className="file-input-hidden" onChange={onFile} />
      </label>
      {error && (
        <span className="transfer-error" role="alert" title={error}>
          {error}
        </span>
      )}
    </div>
  );
}
