// The candidates tab: the list on the left, the selected candidate (by default the best) on the right.
import { useMemo, useRef } from 'react';
import { useRunStore } from '../../store/runStore.ts';
import { useUiStore } from '../../store/uiStore.ts';
import { bestCandidate } from '../common/runFacts.ts';
import { openCandidate } from '../common/navigate.ts';
import { useFillHeight } from '../common/useFillHeight.ts';
import { CandidateDetail } from './CandidateDetail.tsx';
import { CandidateList } from './CandidateList.tsx';
import { childrenOf, compareTarget, frontCounts } from './candidateInfo.ts';
import { objectiveFronts } from '../common/objectives.ts';
import './candidates.css';

export function CandidatesView() {
  const candidates = useRunStore((s) => s.candidates);
  const front = useRunStore((s) => s.front);
  const valExamples = useRunStore((s) => s.valExamples);
  const selected = useUiStore((s) => s.selectedCandidate);
  const chosenCompare = useUiStore((s) => s.compareCandidate);
  const setCompare = useUiStore((s) => s.setCompare);

  const counts = useMemo(() => frontCounts(front), [front]);
  const fronts = useMemo(() => objectiveFronts(candidates), [candidates]);
  const current = (selected !== null ? candidates[selected] : undefined) ?? bestCandidate(candidates);
  const idx = current?.row.candidateIdx ?? null;
  const children = useMemo(() => (idx === null ? [] : childrenOf(candidates, idx)), [candidates, idx]);
  const compareIdx = idx === null ? null : compareTarget(candidates, idx, chosenCompare);
  const compare = compareIdx === null ? null : (candidates[compareIdx] ?? null);
  const exampleCount = front.length || valExamples.length;
  // the list and the candidate scroll inside a view sized to the window, like the proposals tab
  const viewRef = useRef<HTMLDivElement>(null);
  const height = useFillHeight(viewRef, 360, 12);

  return (
    <div ref={viewRef} className="candidate-view" data-testid="candidate-view" style={{ height }}>
      <CandidateList
        candidates={candidates}
        frontCounts={counts}
        exampleCount={exampleCount}
        selected={idx}
        onSelect={openCandidate}
      />
      {current ? (
        <CandidateDetail
          candidate={current}
          candidates={candidates}
          childIndices={children}
          frontCount={counts.get(current.row.candidateIdx) ?? 0}
          objectiveFronts={fronts}
          valExamples={valExamples}
          compare={compare}
          onOpen={openCandidate}
          onCompare={setCompare}
        />
      ) : (
        <p className="panel muted">No candidate yet: the seed appears once its val score is in.</p>
      )}
    </div>
  );
}
