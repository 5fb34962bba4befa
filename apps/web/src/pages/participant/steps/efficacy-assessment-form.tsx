import { useState } from 'preact/hooks';
import { formatDate, siteToday } from '../../../format/dates.js';
import { useCommand } from '../../../hooks/use-command.js';
import type { EfficacyAssessment } from '../../../api/types.js';
import { CommandForm, SelectField, TextField, numberOrText } from '../../../ui/form.js';
import { SCORED_INSTRUMENTS, scorableAt } from './scored-instruments.js';
import type { StepProps } from './step-props.js';

const RESPONSE_LABELS = { RESPONSE: 'response', NO_RESPONSE: 'no response', NOT_EVALUABLE: 'response not evaluable' } as const;

function describe(a: EfficacyAssessment): string {
  const change = a.change ? `, ${a.change.absolute > 0 ? '+' : ''}${a.change.absolute} from baseline ${a.baseline?.value ?? ''}`.trimEnd() : ', no baseline';
  const response = a.response ? ` — ${RESPONSE_LABELS[a.response.outcome]}${a.response.reason ? ` (${a.response.reason})` : ''}` : '';
  return `${a.instrument} at ${a.visitId}: ${a.value}${change}${response}`;
}

/**
 * The scores of the instruments the protocol schedules at a visit already done, next to the visit form. The
 * journey derives the change from the screening baseline and the response; a score outside the instrument's
 * range comes back as a field error on the score.
 */
export function EfficacyAssessmentForm({ participantId, cohortId, state, protocol, timeZone, onRecorded }: StepProps) {
  const visitsDone = protocol.visits.filter((v) => state.visits.some((d) => d.value.visitId === v.id));
  const [visitId, setVisitId] = useState(visitsDone.at(-1)?.id ?? '');
  const offered = scorableAt(protocol, cohortId, visitId, state);
  const [chosen, setInstrument] = useState('');
  const instrument = offered.includes(chosen) ? chosen : (offered[0] ?? '');
  const [assessedOn, setAssessedOn] = useState(siteToday(timeZone));
  const [score, setScore] = useState('');
  const command = useCommand(participantId, 'efficacy-assessments', async (a) => {
    await onRecorded(a, `${instrument} at ${visitId} recorded`);
    setScore('');
  });
  if (visitsDone.length === 0) return null;
  return (
    <>
      {state.efficacyAssessments.length > 0 ? (
        <ul class="plain-list" data-testid="efficacy-assessments">
          {state.efficacyAssessments.map((a) => (
            <li key={a.entryId} title={a.value.response?.definition}>
              {describe(a.value)} ({formatDate(a.value.assessedOn)})
            </li>
          ))}
        </ul>
      ) : null}
      <CommandForm
        id="efficacy"
        title="Record an efficacy score"
        guidance={<p>The total score of an instrument scheduled at a visit already done. The journey compares it with the screening baseline and applies the instrument's published response definition.</p>}
        submitLabel="Record score"
        busy={command.busy}
        error={command.error}
        onSubmit={() => void command.send({ visitId, instrument, assessedOn, value: numberOrText(score), unit: 'score' })}
      >
        <div class="field-row">
          <SelectField name="visitId" label="Visit" value={visitId} onChange={setVisitId} options={visitsDone.map((v) => ({ value: v.id, label: `${v.id} — ${v.label}` }))} />
          {offered.length > 0 ? (
            <SelectField name="instrument" label="Instrument" value={instrument} onChange={setInstrument} options={offered.map((i) => ({ value: i, label: i }))} />
          ) : (
            <p class="muted" data-testid="no-scorable-instrument">No instrument scheduled at {visitId} takes a score, or all are recorded.</p>
          )}
        </div>
        <div class="field-row">
          <TextField name="value" label="Score" hint={instrument ? `Range ${SCORED_INSTRUMENTS[instrument]}.` : undefined} inputMode="decimal" value={score} onInput={setScore} class="field-unit" />
          <TextField name="assessedOn" label="Assessed on" type="date" value={assessedOn} onInput={setAssessedOn} />
        </div>
      </CommandForm>
    </>
  );
}
