// The settings that differ between the two runs: one row per config field (dotted path), A's value and
// B's, as text. The config is the report's (no dataset rows, no secrets).
import type { Comparison } from '../../store/compareModel.ts';

function Value({ text }: { text: string | undefined }) {
  if (text === undefined) return <span className="muted">not set</span>;
  return (
    <span className="cmp-value" title={text}>
      {text}
    </span>
  );
}

export function CompareSettings({ comparison }: { comparison: Comparison }) {
  const { settings, sameSettings, settingsKnown } = comparison;
  return (
    <section className="panel compare-settings" data-testid="compare-settings">
      <header className="panel-head">
        <h3>Settings that differ</h3>
        {settingsKnown && (
          <span className="muted">
            {settings.length} differ · {sameSettings} the same
          </span>
        )}
      </header>
      {!settingsKnown ? (
        <p className="muted">
          One of the runs was exported without its configuration: there are no settings to compare.
        </p>
      ) : settings.length === 0 ? (
        <p className="muted">The two runs have the same settings.</p>
      ) : (
        <table className="compare-table">
          <colgroup>
            <col style={{ width: '30%' }} />
            <col style={{ width: '35%' }} />
            <col style={{ width: '35%' }} />
          </colgroup>
          <thead>
            <tr>
              <th>Setting</th>
              <th>
                <span className="pick-label pick-a">A</span>
              </th>
              <th>
                <span className="pick-label pick-b">B</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {settings.map((s) => (
              <tr key={s.path} data-testid="compare-setting" data-path={s.path}>
                <td className="cmp-path">{s.path}</td>
                <td>
                  <Value text={s.a} />
                </td>
                <td>
                  <Value text={s.b} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
