// The minibatch examples as the reflection LM saw them: each record's fields (inputs, outputs,
// feedback…) as labelled text blocks, in the order the adapter built them. An adapter may leave an example
// out for a step (an output it could not parse, feedback per step), so the train ids are shown only when
// every example has its record.
import { feedbackFields } from './proposalFormat.ts';

interface Props {
  records: Record<string, unknown>[];
  /** the trainset ids of the minibatch, in the records' order */
  exampleIds: number[];
}

export function FeedbackRecords({ records, exampleIds }: Props) {
  const ids = records.length === exampleIds.length ? exampleIds : [];
  return (
    <ol className="feedback-records" data-testid="proposal-feedback">
      {records.map((record, i) => (
        <li key={i} className="feedback-record">
          <div className="record-title">
            Example {i + 1}
            {ids[i] !== undefined && <span className="muted"> · train #{ids[i]}</span>}
          </div>
          <dl>
            {feedbackFields(record).map((f) => (
              <div key={f.label} className="record-field">
                <dt>{f.label}</dt>
                <dd>
                  <pre>{f.text}</pre>
                </dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}
