// One candidate in full: scores and marks, parents and children, every component's text, a diff
// against another candidate and the per-example table.
import type { CandidateView } from '../../store/runStore.ts';
import type { Example } from '../../tasks/types.ts';
import { formatScore } from '../common/format.ts';
import { CandidateChips } from './CandidateChips.tsx';
import { CandidateCompare } from './CandidateCompare.tsx';
import { CopyPromptButton } from './CopyPromptButton.tsx';
import { ExampleScores } from './ExampleScores.tsx';
import { ObjectiveFronts } from './ObjectiveFronts.tsx';
import type { ObjectiveFront } from '../common/objectives.ts';

interface Props {
  candidate: CandidateView;
  candidates: readonly (CandidateView | undefined)[];
  childIndices: readonly number[];
  frontCount: number;
  /** a multi-objective run's per-objective fronts (empty without objectives) */
  objectiveFronts: readonly ObjectiveFront[];
  valExamples: readonly Example[];
  compare: CandidateView | null;
  onOpen(idx: number): void;
  onCompare(idx: number | null): void;
}

export function CandidateDetail({
  candidate,
  candidates,
  childIndices,
  frontCount,
  objectiveFronts,
  valExamples,
  compare,
  onOpen,
  onCompare,
}: Props) {
  const r = candidate.row;
  const exampleCount = Math.max(valExamples.length, candidate.valScores.length);
  return (
    <article className="panel candidate-detail">
      <header className="candidate-head">
        <h3>Candidate #{r.candidateIdx}</h3>
        <span className={`origin-tag ${r.origin}`}>{r.origin}</span>
        {r.isBest && <span className="badge good">best</span>}
        {frontCount > 0 && (
          <span className="badge">
            on the front for {frontCount} of {exampleCount} examples
          </span>
        )}
        <span className="spacer" />
        <CopyPromptButton texts={r.texts} />
      </header>
      <dl className="candidate-facts">
        <div>
          <dt>val score</dt>
          <dd className="big">{formatScore(r.valsetScore)}</dd>
        </div>
        <div>
          <dt>iteration</dt>
          <dd>{r.iteration}</dd>
        </div>
        <div>
          <dt>found at</dt>
          <dd>{r.metricCallsAtDiscovery} metric calls</dd>
        </div>
      </dl>
      <ObjectiveFronts fronts={objectiveFronts} candidate={candidate} candidates={candidates} onOpen={onOpen} />
      <CandidateChips
        label="parents"
        testId="candidate-parents"
        indices={r.parentIds}
        candidates={candidates}
        empty="none (the seed)"
        onOpen={onOpen}
      />
      <CandidateChips
        label="children"
        testId="candidate-children"
        indices={childIndices}
        candidates={candidates}
        empty="none yet"
        onOpen={onOpen}
      />
      <section className="candidate-texts">
        {Object.entries(r.texts).map(([name, text]) => (
          <div key={name} className="component-block">
            <div className="component-name">{name}</div>
            <pre data-testid={`candidate-text-${name}`} className="component-text">
              {text}
            </pre>
          </div>
        ))}
      </section>
      <CandidateCompare candidate={candidate} target={compare} candidates={candidates} onChoose={onCompare} />
      <ExampleScores valExamples={valExamples} candidate={candidate} compare={compare} />
    </article>
  );
}
