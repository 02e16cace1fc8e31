// The entries of a chart's legend: a mark (a styled span: line, dot, node, bar…) and what it means.
// One renderer for every legend, so the score chart and the lineage view list their marks the same way.

export interface LegendItem {
  /** class names of the mark's span, e.g. 'lg-line best' */
  mark: string;
  label: string;
}

/** The items as `li` (inside a list) or `span` (inside a flex row) elements. */
export function LegendItems({ items, as: Tag }: { items: readonly LegendItem[]; as: 'li' | 'span' }) {
  return (
    <>
      {items.map((item) => (
        <Tag key={item.label}>
          <span className={item.mark} />
          {item.label}
        </Tag>
      ))}
    </>
  );
}
