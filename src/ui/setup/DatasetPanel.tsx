// The dataset: a drop zone around the file picker, the inline parse error (naming file, line and
// field; the previous data stays), what reading the file changed (e.g. an invisible character removed
// from a header), a preview of the first rows, the field mapping and the split.
import { useSetupStore } from '../../store/setupStore.ts';
import { Section } from './Section.tsx';
import { DatasetDropZone } from './DatasetDropZone.tsx';
import { DatasetPreview } from './DatasetPreview.tsx';
import { FieldMappingEditor } from './FieldMappingEditor.tsx';
import { SplitEditor } from './SplitEditor.tsx';
import { RunModePicker, SearchSplitNote } from './RunModePicker.tsx';
import type { DatasetSummary } from '../../store/datasetSummary.ts';

export function DatasetPanel({ summary }: { summary: DatasetSummary }) {
  const dataset = useSetupStore((s) => s.dataset);
  const search = useSetupStore((s) => s.mode === 'search');
  const loaded = dataset.rows.length > 0;
  return (
    <Section
      title="Dataset"
      aside={
        loaded && (
          <span className="muted">
            {`${dataset.fileName} · ${dataset.format.toUpperCase()} · ` +
              `${dataset.rows.length.toLocaleString('en-US')} rows`}
          </span>
        )
      }
    >
      <DatasetDropZone />
      {dataset.error && (
        <div className="dataset-error" role="alert" data-testid="dataset-error">
          <pre>{dataset.error}</pre>
          {loaded && <p className="setup-hint">The previous data ({dataset.fileName}) is kept.</p>}
        </div>
      )}
      {loaded && (
        <>
          {dataset.warnings.length > 0 && (
            <ul className="dataset-warnings" data-testid="dataset-warnings">
              {dataset.warnings.map((w, i) => (
                // warnings are plain text in file order and may repeat: the position is their identity
                <li key={i}>{`${dataset.fileName}: ${w}`}</li>
              ))}
            </ul>
          )}
          <DatasetPreview dataset={dataset} />
          <h3>Field mapping</h3>
          <FieldMappingEditor />
          {summary.problem && (
            <p className="problem-line" data-testid="mapping-problem">
              {summary.problem}
            </p>
          )}
          <h3>What the examples are for</h3>
          <RunModePicker />
          {search ? (
            summary.examples > 0 && !summary.problem && <SearchSplitNote examples={summary.examples} />
          ) : (
            <>
              <h3>Train / validation split</h3>
              <SplitEditor summary={summary} />
            </>
          )}
        </>
      )}
    </Section>
  );
}
