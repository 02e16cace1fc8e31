// The matrix tab: candidates × val examples, coloured by score, with each example's front highlighted,
// so it shows which candidate wins where. One canvas; hover names the cell, a click opens the candidate.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent, PointerEvent } from 'react';
import { useRunStore } from '../../store/runStore.ts';
import { HoverTooltip } from '../common/HoverTooltip.tsx';
import type { HoverInfo } from '../common/HoverTooltip.tsx';
import { formatScore } from '../common/format.ts';
import { openCandidate } from '../common/navigate.ts';
import { useElementSize } from '../common/useElementSize.ts';
import { useFillHeight } from '../common/useFillHeight.ts';
import { legendGradient, scoreColor } from '../common/scoreColor.ts';
import { candidateOrder } from './candidateInfo.ts';
import type { CandidateSort } from './candidateInfo.ts';
import { CandidateSortSelect } from './CandidateSortSelect.tsx';
import { drawScoreMatrix } from './drawScoreMatrix.ts';
import { bestPerExample, cellAt, matrixGeometry, objectiveCells, topPerExample } from './scoreMatrix.ts';
import type { CellValues } from './scoreMatrix.ts';
import { objectiveDomain, objectiveNames, objectiveValues } from '../common/objectives.ts';
import type { CandidateView } from '../../store/runStore.ts';
import './candidates.css';
import { ObjectivePicker } from '../common/ObjectivePicker.tsx';

const COLOR = scoreColor([0, 1]);
const GRADIENT = legendGradient();
const SCORES: CellValues = (c) => c.valScores;
const VAL_SCORE = (c: CandidateView) => c.row.valsetScore;
const SCORE_DOMAIN: [number, number] = [0, 1];

export function ScoreMatrix() {
  const candidates = useRunStore((s) => s.candidates);
  const front = useRunStore((s) => s.front);
  const valExamples = useRunStore((s) => s.valExamples);
  const [sort, setSort] = useState<CandidateSort>('score');
  const [highlightFront, setHighlightFront] = useState(true);
  const [hover, setHover] = useState<HoverInfo | null>(null);

  const exampleCount = useMemo(
    () => candidates.reduce((n, c) => Math.max(n, c?.valScores.length ?? 0), valExamples.length),
    [candidates, valExamples],
  );
  const order = useMemo(() => candidateOrder(candidates, sort), [candidates, sort]);
  // a metric with objectives: the cells show the score or one objective ('' is the score)
  const names = useMemo(() => objectiveNames(candidates), [candidates]);
  const [chosen, setChosen] = useState('');
  const shown = names.includes(chosen) ? chosen : '';
  const values = useMemo(() => (shown ? objectiveCells(shown) : SCORES), [shown]);
  const rowValue = useMemo(() => (shown ? (c: CandidateView) => c.objectives?.aggregate[shown] : VAL_SCORE), [shown]);
  const domain = useMemo(
    () => (shown ? objectiveDomain(objectiveValues(candidates, shown)) : SCORE_DOMAIN),
    [shown, candidates],
  );
  const best = useMemo(
    () => (shown ? topPerExample(candidates, values, exampleCount) : bestPerExample(candidates, front, exampleCount)),
    [shown, candidates, values, front, exampleCount],
  );

  const [bodyRef, size] = useElementSize<HTMLDivElement>();
  const bodyHeight = useFillHeight(bodyRef, 280, 22);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // cells are sized to the room down to the window's bottom (less a scrollbar's height); the panel then
  // shrinks to the matrix when it needs less
  const geometry = useMemo(
    () => matrixGeometry(order.length, exampleCount, size.width, bodyHeight - 14),
    [order.length, exampleCount, size.width, bodyHeight],
  );

  useEffect(() => {
    if (size.width > 0 && canvasRef.current)
      drawScoreMatrix(canvasRef.current, geometry, {
        order,
        candidates,
        values,
        rowValue,
        domain,
        best,
        highlightFront,
        color: COLOR,
      });
  }, [geometry, order, candidates, values, rowValue, domain, best, highlightFront, size.width]);

  const cellUnder = (e: MouseEvent<HTMLCanvasElement>) => {
    const cell = cellAt(geometry, e.nativeEvent.offsetX, e.nativeEvent.offsetY);
    if (!cell) return null;
    const idx = order[cell.row]!;
    return { idx, col: cell.col };
  };
  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const hit = cellUnder(e);
    if (!hit) return setHover(null);
    const c = candidates[hit.idx];
    const id = valExamples[hit.col]?.id ?? String(hit.col);
    const what = shown || 'score';
    const onFront = best[hit.col]?.has(hit.idx) ?? false;
    setHover({
      lines: [
        `Candidate #${hit.idx} · ${shown ? `${shown} (valset mean)` : 'val'} ${formatScore(c && rowValue(c))}`,
        `example ${id} · ${what} ${formatScore(c && values(c)[hit.col])}`,
        onFront
          ? 'on the front for this example'
          : `front: ${
              [...(best[hit.col] ?? [])]
                .slice(0, 8)
                .map((i) => `#${i}`)
                .join(' ') || '—'
            }`,
      ],
      clientX: e.clientX,
      clientY: e.clientY,
    });
  };

  return (
    <section className="panel score-matrix" data-testid="score-matrix">
      <header className="panel-head">
        <h3>{shown ? `Per-example ${shown}` : 'Per-example scores'}</h3>
        <span className="muted">
          {order.length} candidates × {exampleCount} val examples
        </span>
        <span className="spacer" />
        {names.length > 0 && (
          <ObjectivePicker
            label="cells"
            ariaLabel="what the cells show"
            testId="matrix-view"
            names={names}
            value={shown}
            onPick={setChosen}
          />
        )}
        <span className="lg-scale">
          {shown || 'score'} {Number(domain[0].toFixed(3))}
          <span className="lg-gradient" style={{ background: GRADIENT }} />
          {Number(domain[1].toFixed(3))}
        </span>
        <label>
          <input type="checkbox" checked={highlightFront} onChange={(e) => setHighlightFront(e.target.checked)} />{' '}
          highlight each example's front
        </label>
        <CandidateSortSelect caption="rows" label="sort rows" value={sort} onChange={setSort} />
      </header>
      <p className="score-matrix-caption muted">
        Rows are candidates, columns val examples.{' '}
        {highlightFront
          ? `Cells off an example’s front (its best ${shown ? `${shown} values` : 'scores'}) are washed out. `
          : ''}
        Hover a cell for details, click it to open the candidate.
      </p>
      <div
        ref={bodyRef}
        className="score-matrix-body"
        style={{ height: order.length && exampleCount ? Math.min(bodyHeight, geometry.height + 14) : undefined }}
      >
        {order.length === 0 || exampleCount === 0 ? (
          <p className="muted">No scores yet: the matrix fills in as candidates are evaluated on the valset.</p>
        ) : (
          <canvas
            ref={canvasRef}
            className="score-matrix-canvas"
            onPointerMove={onMove}
            onPointerLeave={() => setHover(null)}
            onClick={(e) => {
              const hit = cellUnder(e);
              if (hit) openCandidate(hit.idx);
            }}
          />
        )}
      </div>
      <HoverTooltip info={hover} />
    </section>
  );
}
