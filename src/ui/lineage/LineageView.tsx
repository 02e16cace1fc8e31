// The lineage panel: React owns the toolbar, legend and tooltip; drawLineage owns the SVG. The layout
// is recomputed from the run data (cheap, and stable for existing nodes), the drawing is incremental.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { rgb } from 'd3';
import { useRunStore } from '../../store/runStore.ts';
import { useUiStore } from '../../store/uiStore.ts';
import { HoverTooltip } from '../common/HoverTooltip.tsx';
import type { HoverInfo } from '../common/HoverTooltip.tsx';
import { openCandidate, openProposal } from '../common/navigate.ts';
import { useFillHeight } from '../common/useFillHeight.ts';
import { bestCandidate, frontMembers } from '../common/runFacts.ts';
import { createLineageRenderer } from './drawLineage.ts';
import type { LineageRenderer, LineageViewState } from './drawLineage.ts';
import { LINEAGE_SPACING, createLineageLayout, rowsFor } from './lineageLayout.ts';
import { describeLineageNode } from './lineageTooltip.ts';
import { roundDomain, scoreColor, scoreDomain } from '../common/scoreColor.ts';
import type { ScoreDomain } from '../common/scoreColor.ts';
import { LineageLegend } from './LineageLegend.tsx';
import './lineage.css';

// The view the user left when switching to another tab (the panel unmounts), restored on return so
// opening a candidate and coming back does not lose their zoom; only for the same run.
let leftView: { runId: string | null; view: LineageViewState } | null = null;

export function LineageView() {
  const runId = useRunStore((s) => s.runId);
  const candidates = useRunStore((s) => s.candidates);
  const proposals = useRunStore((s) => s.proposals);
  const front = useRunStore((s) => s.front);
  const showRejected = useUiStore((s) => s.showRejectedInLineage);
  const toggleRejected = useUiStore((s) => s.toggleRejectedInLineage);
  const selected = useUiStore((s) => s.selectedCandidate);

  const rejected = useMemo(
    () => (showRejected ? proposals.filter((p) => p.status === 'rejected') : []),
    [proposals, showRejected],
  );
  // one incremental layout per panel: a live update places only the new nodes
  const layoutOf = useMemo(createLineageLayout, []);
  const layout = useMemo(
    () =>
      layoutOf(
        candidates.map((c) => c && { idx: c.row.candidateIdx, parentIds: c.row.parentIds }),
        rejected,
        { ...LINEAGE_SPACING, rows: rowsFor(candidates.length + rejected.length) },
      ),
    [layoutOf, candidates, rejected],
  );
  // rounded out to 0.05 and kept while its ends stay: a new colour scale restyles every node
  const [lo, hi] = useMemo(
    () => roundDomain(scoreDomain(candidates.filter(Boolean).map((c) => c!.row.valsetScore))),
    [candidates],
  );
  const domain = useMemo((): ScoreDomain => [lo, hi], [lo, hi]);
  // one colour per distinct score, not per node and frame: scores take few values (k / valset size)
  const colorOf = useMemo(() => {
    const scale = scoreColor(domain);
    const cache = new Map<number, string>();
    // as hex: the shortest form, written once per node into the lineage's markup
    return (score: number) => cache.get(score) ?? cache.set(score, rgb(scale(score)).formatHex()).get(score)!;
  }, [domain]);
  const members = useMemo(() => frontMembers(front), [front]);
  const best = useMemo(() => bestCandidate(candidates)?.row.candidateIdx ?? null, [candidates]);

  const bodyRef = useRef<HTMLDivElement>(null);
  const bodyHeight = useFillHeight(bodyRef, 260, 22);
  const svgRef = useRef<SVGSVGElement>(null);
  const renderer = useRef<LineageRenderer | null>(null);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  // the hover handler is created once with the renderer; it reads the latest data through this ref
  const latest = useRef({ candidates, proposals });
  useEffect(() => {
    latest.current = { candidates, proposals };
  }, [candidates, proposals]);

  useEffect(() => {
    const restore = leftView?.runId === runId ? leftView.view : undefined;
    const r = createLineageRenderer(
      svgRef.current!,
      {
        onHover: (node, clientX, clientY) => {
          if (!node) return setHover(null);
          const { candidates: cs, proposals: ps } = latest.current;
          setHover({
            lines: describeLineageNode(node, cs, (id) => ps.find((p) => p.proposalId === id)),
            clientX,
            clientY,
          });
        },
        onClick: (node) => {
          setHover(null);
          if (node.kind === 'candidate') openCandidate(node.key);
          else openProposal(node.key);
        },
      },
      restore,
    );
    renderer.current = r;
    return () => {
      leftView = { runId, view: r.view() };
      r.destroy();
      renderer.current = null;
    };
  }, [runId]);

  // the same function until the colours change, so the renderer restyles every node only then; it
  // reads the latest candidates (updated by the effect above, which runs first)
  const color = useCallback((idx: number) => colorOf(latest.current.candidates[idx]?.row.valsetScore ?? 0), [colorOf]);
  useEffect(() => {
    renderer.current?.update(layout, { color, best, front: members, selected });
  }, [layout, color, members, best, selected]);

  const depth = layout.nodes.reduce((d, n) => (n.kind === 'candidate' && n.depth > d ? n.depth : d), 0);
  const count = layout.nodes.length - rejected.length;

  return (
    <section className="panel lineage" data-testid="lineage">
      <header className="panel-head">
        <h3>Lineage</h3>
        <span className="muted">
          {count} candidate{count === 1 ? '' : 's'} · depth {depth}
        </span>
        <span className="spacer" />
        <label className="lineage-toggle">
          <input type="checkbox" checked={showRejected} onChange={toggleRejected} /> show rejected proposals
        </label>
        <button type="button" onClick={() => renderer.current?.fit()} title="Fit the whole tree into view">
          Fit
        </button>
      </header>
      <div ref={bodyRef} className="lineage-body" style={{ height: bodyHeight }}>
        <svg ref={svgRef} className="lineage-svg" role="img" aria-label="lineage of candidates" />
        {count === 0 && <p className="panel-empty muted">The seed candidate appears here once it is scored.</p>}
        <LineageLegend domain={domain} showRejected={showRejected} />
      </div>
      <HoverTooltip info={hover} />
    </section>
  );
}
