// An inference-time search's result, live: per task, the best output any candidate has given so far, the
// candidate that gave it (a click opens it in the candidates view) and its score against the seed prompt's.
// Virtualised, since a search may have thousands of tasks; long texts are clamped until a row is opened.
// LM output and inputs are rendered as text, never HTML. The JSONL / CSV downloads sit with the run's other
// exports in the header.
import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRunStore } from '../../store/runStore.ts';
import { useUiStore } from '../../store/uiStore.ts';
import { bestOutputsOf } from '../../store/bestOutputs.ts';
import type { BestOutput } from '../../store/bestOutputs.ts';
import { formatScore } from '../common/format.ts';
import { useFillHeight } from '../common/useFillHeight.ts';
import './bestOutputs.css';

const ROW_ESTIMATE = 64;

const inputText = (inputs: Record<string, unknown>): string =>
  Object.entries(inputs)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('\n');

function Summary({ rows, tasks }: { rows: readonly BestOutput[]; tasks: number }) {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const seeds = rows.map((r) => r.seedScore).filter((s): s is number => s !== null);
  const improved = rows.filter((r) => r.seedScore !== null && r.score > r.seedScore).length;
  const candidates = new Set(rows.map((r) => r.candidateIdx)).size;
  return (
    <p className="best-summary" data-testid="best-summary">
      <strong>{rows.length}</strong> of {tasks} tasks answered · mean best score{' '}
      <strong>{formatScore(mean(rows.map((r) => r.score)))}</strong>
      {seeds.length > 0 && <> (seed prompt {formatScore(mean(seeds))})</>} · <strong>{improved}</strong> improved on the
      seed · best answers from {candidates} candidate{candidates === 1 ? '' : 's'}
    </p>
  );
}

export function BestOutputsView() {
  const valExamples = useRunStore((s) => s.valExamples);
  const candidates = useRunStore((s) => s.candidates);
  const rows = useMemo(() => bestOutputsOf({ valExamples, candidates }), [valExamples, candidates]);
  if (rows.length === 0)
    return (
      <p className="muted best-empty" data-testid="best-empty">
        No answers yet: the best output for each task appears once the seed prompt has been scored.
      </p>
    );
  return (
    <div className="best-outputs">
      <Summary rows={rows} tasks={valExamples.length} />
      <BestOutputsTable rows={rows} />
    </div>
  );
}

function BestOutputsTable({ rows }: { rows: readonly BestOutput[] }) {
  const selectCandidate = useUiStore((s) => s.selectCandidate);
  const setRunTab = useUiStore((s) => s.setRunTab);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const scrollRef = useRef<HTMLDivElement>(null);
  const height = useFillHeight(scrollRef, 240, 16);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
  });
  const toggle = (task: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(task)) next.add(task);
      return next;
    });
  const showCandidate = (idx: number) => {
    selectCandidate(idx);
    setRunTab('candidates');
  };

  return (
    <>
      <div className="best-row best-head" role="row">
        <span role="columnheader">Task</span>
        <span role="columnheader">Input</span>
        <span role="columnheader">Expected</span>
        <span role="columnheader">Best output so far</span>
        <span role="columnheader">Candidate</span>
        <span role="columnheader">Score</span>
      </div>
      <div
        ref={scrollRef}
        className="best-scroll"
        style={{ height }}
        role="table"
        aria-label="best output per task"
        data-testid="best-outputs"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const r = rows[item.index]!;
            const isOpen = open.has(r.task);
            return (
              <div
                key={r.task}
                ref={virtualizer.measureElement}
                data-index={item.index}
                role="row"
                data-testid="best-row"
                className={`best-row${isOpen ? ' open' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => toggle(r.task)}
                title={isOpen ? 'Click to clamp' : 'Click to show the whole texts'}
              >
                <span role="cell" className="best-task">
                  <span className="best-task-n">{r.task + 1}</span>
                  <span className="muted best-id">{r.exampleId}</span>
                </span>
                <span role="cell" className="best-text">
                  {inputText(r.inputs)}
                </span>
                <span role="cell" className="best-text muted">
                  {r.expected ?? '—'}
                </span>
                <span role="cell" className="best-text best-output" data-testid="best-output">
                  {r.output === '' ? <span className="muted">(empty)</span> : r.output}
                </span>
                <span role="cell">
                  <button
                    type="button"
                    className="best-candidate"
                    data-testid="best-candidate"
                    onClick={(e) => {
                      e.stopPropagation();
                      showCandidate(r.candidateIdx);
                    }}
                    title={
                      r.reachedBy > 1
                        ? `${r.reachedBy} candidates reached this score; the earliest is shown`
                        : 'Open this candidate'
                    }
                  >
                    #{r.candidateIdx}
                  </button>
                  {r.reachedBy > 1 && <span className="muted"> +{r.reachedBy - 1} tied</span>}
                </span>
                <span role="cell" className="best-score">
                  <strong data-testid="best-score">{formatScore(r.score)}</strong>
                  {r.seedScore !== null && <span className="muted"> seed {formatScore(r.seedScore)}</span>}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
