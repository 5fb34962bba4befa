import { useState } from 'preact/hooks';
import { formatDate, siteToday } from '../../../format/dates.js';
import { useCommand } from '../../../hooks/use-command.js';
import { CommandForm, TextField } from '../../../ui/form.js';
import { splitList } from './form-values.js';
import type { StepProps } from './step-props.js';

/** A visit outside the schedule (e.g. a fever work-up), with why the participant was seen. */
export function UnscheduledVisitStep({ participantId, state, timeZone, onRecorded }: StepProps) {
  const [visitDate, setVisitDate] = useState(siteToday(timeZone));
  const [reason, setReason] = useState('');
  const [assessments, setAssessments] = useState('');
  const command = useCommand(participantId, 'unscheduled-visits', async (a) => {
    await onRecorded(a, `Unscheduled visit on ${visitDate} recorded`);
    setReason('');
    setAssessments('');
  });
  return (
    <>
      {state.unscheduledVisits.length > 0 ? (
        <ul class="plain-list" data-testid="unscheduled-visits">
          {state.unscheduledVisits.map((v) => (
            <li key={v.entryId}>
              {formatDate(v.value.visitDate)}: {v.value.reason}
              {v.value.assessments && v.value.assessments.length > 0 ? ` (${v.value.assessments.join(', ')})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <CommandForm
        id="unscheduled-visit"
        title="Record an unscheduled visit"
        guidance={<p>A visit outside the schedule: its date (not in the future), why the participant was seen and what was done.</p>}
        submitLabel="Record unscheduled visit"
        busy={command.busy}
        error={command.error}
        onSubmit={() => void command.send({ visitDate, reason: reason.trim(), assessments: splitList(assessments) })}
      >
        <div class="field-row">
          <TextField name="visitDate" label="Date of the visit" type="date" value={visitDate} onInput={setVisitDate} />
          <TextField name="assessments" label="Assessments done" hint="Codes separated by commas, e.g. CRP, CBC." value={assessments} onInput={setAssessments} />
        </div>
        <TextField name="reason" label="Reason for the visit" value={reason} onInput={setReason} />
      </CommandForm>
    </>
  );
}
