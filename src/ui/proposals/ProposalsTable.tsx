// The proposals table: @tanstack/react-table for the columns, headers and sort state, over only the rows
// @tanstack/react-virtual has in view, so a live run's thousands of rows cost one sort per change and a
// screenful of cells per frame (sorting itself is proposalSort.ts). The scroll box is focusable:
// arrows, Page Up/Down, Home and End move the selection.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ProposalRow } from '../../engine/tracking.ts';
import { FLEX_COLUMN, HEADER_HINTS, NUMERIC_COLUMNS, proposalColumns } from './proposalColumns.tsx';
import { NAV_KEYS, nextSelection, type NavKey } from './proposalNavigation.ts';
import { sortProposals, type ColumnId } from './proposalSort.ts';

// fixed heights keep the virtualiser's arithmetic exact; proposals.css uses the same numbers
const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 32;

interface Props {
  rows: ProposalRow[];
  selectedId: number | null;
  onSelect(id: number | null): void;
  /** shown in the body when the filters leave no row */
  empty: ReactNode;
}

export function ProposalsTable({ rows, selectedId, onSelect, empty }: Props) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const sorted = useMemo(() => {
    const first = sorting[0];
    return sortProposals(rows, first && { id: first.id as ColumnId, desc: first.desc });
  }, [rows, sorting]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => sorted[i]?.proposalId ?? i,
    // rows start below the sticky header, and scrolling to a row must not hide it under the header
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const windowRows = useMemo(() => sorted.slice(firstIndex, lastIndex + 1), [sorted, firstIndex, lastIndex]);

  const table = useReactTable({
    data: windowRows,
    columns: proposalColumns,
    state: { sorting },
    onSortingChange: setSorting,
    manualSorting: true,
    enableMultiSort: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => String(r.proposalId),
  });
  const tableRows = table.getRowModel().rows;

  const indexOf = (id: number | null) => (id === null ? -1 : sorted.findIndex((r) => r.proposalId === id));

  // a selection made before this tab was opened is scrolled into view once, on mount
  const [initialIndex] = useState(() => indexOf(selectedId));
  useEffect(() => {
    if (initialIndex >= 0) virtualizer.scrollToIndex(initialIndex, { align: 'center' });
  }, [virtualizer, initialIndex]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!NAV_KEYS.includes(e.key)) return;
    e.preventDefault();
    const pageSize = Math.floor((e.currentTarget.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1;
    const next = nextSelection(
      sorted.map((r) => r.proposalId),
      selectedId,
      e.key as NavKey,
      pageSize,
    );
    if (next === null) return;
    onSelect(next);
    virtualizer.scrollToIndex(indexOf(next), { align: 'auto' });
  };

  const padTop = items.length > 0 ? items[0]!.start - HEADER_HEIGHT : 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const columnCount = proposalColumns.length;

  return (
    <div
      ref={scrollRef}
      className="proposals-scroll"
      data-testid="proposals-table"
      tabIndex={0}
      aria-label="Proposals. Arrow keys move the selection."
      onKeyDown={onKeyDown}
    >
      <table className="proposals-table" aria-rowcount={sorted.length + 1}>
        <colgroup>
          {table.getVisibleLeafColumns().map((c) => (
            <col key={c.id} style={c.id === FLEX_COLUMN ? undefined : { width: c.getSize() }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} style={{ height: HEADER_HEIGHT }}>
              {group.headers.map((h) => {
                const dir = h.column.getIsSorted();
                return (
                  <th
                    key={h.id}
                    className={NUMERIC_COLUMNS.has(h.id) ? 'num' : undefined}
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                    title={HEADER_HINTS[h.id]}
                  >
                    <button type="button" className="sort" onClick={h.column.getToggleSortingHandler()}>
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      <span className="sort-mark" aria-hidden="true">
                        {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {sorted.length === 0 && (
            <tr className="empty">
              <td colSpan={columnCount}>{empty}</td>
            </tr>
          )}
          {padTop > 0 && (
            <tr aria-hidden="true" style={{ height: padTop }}>
              <td colSpan={columnCount} />
            </tr>
          )}
          {tableRows.map((row, i) => {
            const p = row.original;
            const selected = p.proposalId === selectedId;
            return (
              <tr
                key={row.id}
                data-testid={`proposal-row-${p.proposalId}`}
                data-status={p.status}
                aria-rowindex={firstIndex + i + 2}
                aria-selected={selected}
                className={selected ? 'selected' : undefined}
                style={{ height: ROW_HEIGHT }}
                onClick={() => onSelect(p.proposalId)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={NUMERIC_COLUMNS.has(cell.column.id) ? 'num' : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true" style={{ height: padBottom }}>
              <td colSpan={columnCount} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
