// Export the run (JSON in the reference GEPAResult.to_dict() shape, the HTML report, CSV tables). Importing lives in
// the top bar (ImportRunButton), so it works before any run exists.
import { useState } from 'react';
import { exportCsv, exportJson, exportReport } from '../../store/actions.ts';
import { errorMessage } from '../../engine/index.ts';
import { useRunStore } from '../../store/runStore.ts';
import { exportBestOutputs, isSearch } from '../../store/bestOutputs.ts';

export function RunTransfer({ canExport }: { canExport: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const search = useRunStore(isSearch);
  const run = (action: () => unknown) => {
    setError(null);
    Promise.resolve()
      .then(action)
      .catch((e: unknown) => setError(errorMessage(e)));
  };
  return (
    <div className="run-transfer">
      <button
        type="button"
        data-testid="export-json"
        disabled={!canExport}
        onClick={() => run(() => exportJson())}
        title="The result as a GEPAResult.to_dict() JSON, with config, tables and usage"
      >
        Export JSON
      </button>
      <button
        type="button"
        data-testid="export-report"
        disabled={!canExport}
        onClick={() => run(() => exportReport())}
        title="One HTML file that opens offline: lineage tree, score chart, proposals with diffs, texts, matrix, config"
      >
        Export report
      </button>
      <button
        type="button"
        data-testid="export-csv-proposals"
        disabled={!canExport}
        onClick={() => run(() => exportCsv('proposals'))}
      >
        Proposals CSV
      </button>
      <button
        type="button"
        data-testid="export-csv-candidates"
        disabled={!canExport}
        onClick={() => run(() => exportCsv('candidates'))}
      >
        Candidates CSV
      </button>
      {search && (
        <>
          <button
            type="button"
            data-testid="export-best-jsonl"
            disabled={!canExport}
            onClick={() => run(() => exportBestOutputs('jsonl'))}
            title="The best output found for each task, its candidate and score: one JSON object a line"
          >
            Best JSONL
          </button>
          <button
            type="button"
            data-testid="export-best-csv"
            disabled={!canExport}
            onClick={() => run(() => exportBestOutputs('csv'))}
            title="The best output found for each task, its candidate and score, as a spreadsheet"
          >
            Best CSV
          </button>
        </>
      )}
      {error && (
        <span className="transfer-error" role="alert" title={error}>
          {error}
        </span>
      )}
    </div>
  );
}
