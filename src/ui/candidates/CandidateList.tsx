// The list of candidates (virtualised: a long run has a thousand): index, val score, origin and front
// membership; a click selects.
import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CandidateView } from '../../store/runStore.ts';
import { formatScore } from '../common/format.ts';
import { candidateOrder } from './candidateInfo.ts';
import type { CandidateSort } from './candidateInfo.ts';
import { CandidateSortSelect } from './CandidateSortSelect.tsx';

const ROW_HEIGHT = 30;

interface Props {
  candidates: readonly (CandidateView | undefined)[];
  frontCounts: ReadonlyMap<number, number>;
  exampleCount: number;
  selected: number | null;
  onSelect(idx: number): void;
}

export function CandidateList({ candidates, frontCounts, exampleCount, selected, onSelect }: Props) {
  const [sort, setSort] = useState<CandidateSort>('score');
  const order = useMemo(() => candidateOrder(candidates, sort), [candidates, sort]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <aside className="panel candidate-list">
      <header className="panel-head">
        <h3>Candidates</h3>
        <span className="spacer" />
        <CandidateSortSelect caption="sort" label="sort candidates" value={sort} onChange={setSort} />
      </header>
      <div ref={scrollRef} className="candidate-list-scroll" role="listbox" aria-label="candidates">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const idx = order[item.index]!;
            const c = candidates[idx]!;
            const onFront = frontCounts.get(idx) ?? 0;
            return (
              <div
                key={idx}
                role="option"
                aria-selected={idx === selected}
                className={`candidate-item${idx === selected ? ' selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                tabIndex={0}
                onClick={() => onSelect(idx)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect(idx);
                  }
                }}
              >
                <span className="ci-idx">#{idx}</span>
                <span className="ci-score">{formatScore(c.row.valsetScore)}</span>
                <span className={`origin-tag ${c.row.origin}`}>{c.row.origin}</span>
                <span className="ci-marks">
                  {c.row.isBest && <span className="badge good">best</span>}
                  {onFront > 0 && (
                    <span
                      className="badge"
                      title={`on the Pareto front for ${onFront} of ${exampleCount} val examples`}
                    >
                      front {onFront}
                    </span>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </aside>
  );
}
