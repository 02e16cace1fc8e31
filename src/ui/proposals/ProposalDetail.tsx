// One proposal opened: why it was accepted, rejected or skipped, what it changed, the feedback the
// reflection LM read, its reply and the prompt it was sent. Every LM and dataset text is a text node.
import type { ReactNode } from 'react';
import type { ProposalRow } from '../../engine/tracking.ts';
import { openCandidate } from '../common/navigate.ts';
import { FeedbackRecords } from './FeedbackRecords.tsx';
import { LongText } from './LongText.tsx';
import { formatCount, reasonText } from './proposalFormat.ts';
import { ProposalDiff } from './ProposalDiff.tsx';
import { ScoreChange } from './ScoreChange.tsx';
import { StatusBadge } from './StatusBadge.tsx';

function Section({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <section className="detail-section">
      <h3>
        {title}
        {aside && <span className="muted aside">{aside}</span>}
      </h3>
      {children}
    </section>
  );
}

function CandidateLink({ idx }: { idx: number }) {
  return (
    <button type="button" className="link" title={`open candidate #${idx}`} onClick={() => openCandidate(idx)}>
      #{idx}
    </button>
  );
}

function Facts({ row }: { row: ProposalRow }) {
  const merge = row.kind === 'merge';
  const examples = row.minibatchIds.length;
  return (
    <dl className="detail-facts">
      <div>
        <dt>{merge ? 'Parents' : 'Parent'}</dt>
        <dd>
          {row.parentIds.map((id, i) => (
            <span key={i}>
              {i > 0 && ' + '}
              <CandidateLink idx={id} />
            </span>
          ))}
        </dd>
      </div>
      <div>
        <dt
          title={
            merge
              ? 'better parent → merged, summed over the val subsample'
              : 'parent → proposal, summed over the minibatch'
          }
        >
          {merge ? `Val subsample (${examples})` : `Minibatch (${examples})`}
        </dt>
        <dd>
          <ScoreChange before={row.subsampleScoreBefore} after={row.subsampleScoreAfter} />
        </dd>
      </div>
      <div>
        <dt>Metric calls</dt>
        <dd>{formatCount(row.metricCallsAt)}</dd>
      </div>
    </dl>
  );
}

function LmSections({ row }: { row: ProposalRow }) {
  if (row.kind === 'merge') {
    return (
      <Section title="Reflection">
        <p className="muted note">
          A merge combines components of two front programs over their common ancestor: no reflection LM call, no
          feedback.
        </p>
      </Section>
    );
  }
  if (row.prompt === '' && row.rawLmOutput === '') {
    return (
      <Section title="Reflection">
        <p className="muted note">The reflection LM was not called for this iteration.</p>
      </Section>
    );
  }
  return (
    <>
      <Section
        title="Feedback the reflection LM saw"
        aside={row.feedbackRecords.length === 1 ? '1 example' : `${row.feedbackRecords.length} examples`}
      >
        {row.feedbackRecords.length > 0 ? (
          <FeedbackRecords records={row.feedbackRecords} exampleIds={row.minibatchIds} />
        ) : (
          <p className="muted note">No feedback records.</p>
        )}
      </Section>
      <Section title="Raw output of the reflection LM">
        {row.rawLmOutput === '' ? (
          <p className="muted note">The reflection LM returned nothing.</p>
        ) : (
          <LongText text={row.rawLmOutput} testId="proposal-raw-output" label="raw output of the reflection LM" />
        )}
      </Section>
      <Section title="Prompt sent to the reflection LM">
        <LongText text={row.prompt} testId="proposal-prompt" label="prompt sent to the reflection LM" />
      </Section>
    </>
  );
}

export function ProposalDetail({ row }: { row: ProposalRow }) {
  const merge = row.kind === 'merge';
  return (
    <article className="proposal-detail panel" data-testid="proposal-detail" aria-label={`proposal ${row.proposalId}`}>
      <header className="detail-header">
        <div className="detail-title">
          <h2>Proposal {row.proposalId}</h2>
          <StatusBadge status={row.status} reason={row.reason} />
          <span className="muted">
            iteration {row.iteration} · {row.kind}
            {row.component && !merge && (
              <>
                {' · '}
                <span className="mono">{row.component}</span>
              </>
            )}
          </span>
          {row.candidateIdx >= 0 && (
            <button type="button" className="open-candidate" onClick={() => openCandidate(row.candidateIdx)}>
              Open candidate #{row.candidateIdx}
            </button>
          )}
        </div>
        {row.reason && <p className={`detail-reason ${row.status}`}>{reasonText(row.reason)}</p>}
        <Facts row={row} />
      </header>
      <Section title={merge ? 'Common ancestor → merged candidate' : 'Parent text → proposed text'}>
        <ProposalDiff row={row} />
      </Section>
      <LmSections row={row} />
    </article>
  );
}
