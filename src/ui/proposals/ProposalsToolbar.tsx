// The proposals filters: status (with counts), component, and a text search; and how many rows show.
import type { ProposalStatus } from '../../engine/tracking.ts';
import { formatCount } from './proposalFormat.ts';
import { isFiltered, NO_FILTER, STATUSES, type ProposalFilter, type StatusFilter } from './proposalFilters.ts';

interface Props {
  filter: ProposalFilter;
  onChange(filter: ProposalFilter): void;
  components: string[];
  counts: Record<ProposalStatus, number>;
  shown: number;
  total: number;
}

export function ProposalsToolbar({ filter, onChange, components, counts, shown, total }: Props) {
  return (
    <div className="proposals-toolbar" role="search">
      <select
        data-testid="proposal-filter-status"
        aria-label="status"
        value={filter.status}
        onChange={(e) => onChange({ ...filter, status: e.target.value as StatusFilter })}
      >
        <option value="all">All statuses ({formatCount(total)})</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {s[0]!.toUpperCase() + s.slice(1)} ({formatCount(counts[s])})
          </option>
        ))}
      </select>
      <select
        data-testid="proposal-filter-component"
        aria-label="component"
        value={filter.component}
        onChange={(e) => onChange({ ...filter, component: e.target.value })}
      >
        <option value="">All components</option>
        {components.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <input
        type="search"
        data-testid="proposal-search"
        aria-label="search proposals"
        placeholder="Search text, reason, component"
        title="searches the component, the reason, the proposed text and the raw LM output"
        value={filter.query}
        onChange={(e) => onChange({ ...filter, query: e.target.value })}
      />
      <span className="muted shown">
        {shown === total ? `${formatCount(total)} proposals` : `${formatCount(shown)} of ${formatCount(total)}`}
      </span>
      {isFiltered(filter) && (
        <button type="button" onClick={() => onChange(NO_FILTER)}>
          Clear
        </button>
      )}
    </div>
  );
}
