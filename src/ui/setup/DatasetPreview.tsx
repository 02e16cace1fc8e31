// The first rows of the file as a table of text, each column tagged with its role in the mapping.
// Long cells are cut to one line; the full value is in the cell's title.
import type { DatasetDraft } from '../../store/setupStore.ts';
import { cellText } from './cellText.ts';

const PREVIEW_ROWS = 5;

function roleOf(column: string, mapping: DatasetDraft['mapping']): string | null {
  if (mapping.id === column) return 'id';
  if (mapping.answer === column) return 'answer';
  if (mapping.inputs.includes(column)) return 'input';
  return null;
}

export function DatasetPreview({ dataset }: { dataset: DatasetDraft }) {
  const rows = dataset.rows.slice(0, PREVIEW_ROWS);
  return (
    <div className="table-scroll">
      <table className="dataset-preview" data-testid="dataset-preview">
        <thead>
          <tr>
            <th className="line">line</th>
            {dataset.columns.map((c) => {
              const role = roleOf(c, dataset.mapping);
              return (
                <th key={c}>
                  {c} {role && role !== c && <span className={`badge role-${role}`}>{role}</span>}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {/* not keyed by line: the rows of a one-line JSON array all start on line 1 */}
          {rows.map((row, i) => (
            <tr key={i}>
              <td className="line">{row.line}</td>
              {dataset.columns.map((c) => {
                const t = cellText(row.values[c]);
                return (
                  <td key={c} title={t.full}>
                    {t.short}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
