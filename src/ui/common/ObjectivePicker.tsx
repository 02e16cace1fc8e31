// The "score or one objective" picker the score chart and the matrix share in a multi-objective run:
// '' is the score, any other value an objective's name.
export function ObjectivePicker({
  label,
  ariaLabel,
  testId,
  className,
  names,
  value,
  onPick,
}: {
  label: string;
  ariaLabel: string;
  testId: string;
  className?: string;
  names: readonly string[];
  value: string;
  onPick(name: string): void;
}) {
  return (
    <label className={className}>
      {label}{' '}
      <select data-testid={testId} aria-label={ariaLabel} value={value} onChange={(e) => onPick(e.target.value)}>
        <option value="">score</option>
        {names.map((n) => (
          <option key={n} value={n}>
            objective: {n}
          </option>
        ))}
      </select>
    </label>
  );
}
