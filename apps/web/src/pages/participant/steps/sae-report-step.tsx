import { useState } from 'preact/hooks';
import { formatInstant, toLocalInput } from '../../../format/dates.js';
import { useCommand } from '../../../hooks/use-command.js';
import { CommandForm, SelectField, TextField } from '../../../ui/form.js';
import { instantOf } from './form-values.js';
import type { StepProps } from './step-props.js';

/** Serious AEs whose report to the sponsor is not recorded yet, oldest awareness first. */
export const saesToReport = (state: StepProps['state']) => state.adverseEvents.filter((ae) => ae.serious && !ae.reportedToSponsorAt).sort((a, b) => a.awareAt.localeCompare(b.awareAt));

/** When a serious AE was reported to the sponsor: the clock runs from the site's awareness (21 CFR 312.64(b)). */
export function SaeReportStep({ participantId, state, protocol, timeZone, onRecorded }: StepProps) {
  const pending = saesToReport(state);
  const [aeId, setAeId] = useState(pending[0]?.aeId ?? '');
  const [reportedAt, setReportedAt] = useState(toLocalInput(Date.now(), timeZone));
  const command = useCommand(participantId, 'sae-reports', (a) => onRecorded(a, 'SAE report to the sponsor recorded'));
  const chosen = pending.find((ae) => ae.aeId === aeId);
  const hours = protocol.safetyReporting?.saeReportHours;
  const due = chosen && hours !== undefined ? formatInstant(new Date(Date.parse(chosen.awareAt) + hours * 3_600_000).toISOString(), timeZone) : undefined;
  const reported = state.adverseEvents.filter((ae) => ae.serious && ae.reportedToSponsorAt);
  return (
    <>
      {reported.length > 0 ? (
        <ul class="plain-list" data-testid="sae-reports">
          {reported.map((ae) => (
            <li key={ae.aeId}>
              {ae.term}: reported {formatInstant(ae.reportedToSponsorAt, timeZone)} (aware {formatInstant(ae.awareAt, timeZone)})
            </li>
          ))}
        </ul>
      ) : null}
      {pending.length > 0 ? (
        <CommandForm
          id="sae-report"
          title="Record the SAE report to the sponsor"
          guidance={
            <p>
              {chosen ? `Site aware ${formatInstant(chosen.awareAt, timeZone)}` : 'Choose the serious AE'}
              {due ? `; report due by ${due} (${hours} h).` : '.'} A report after the clock is recorded with a deviation candidate.
            </p>
          }
          submitLabel="Record SAE report"
          busy={command.busy}
          error={command.error}
          onSubmit={() => void command.send({ aeId, reportedAt: instantOf(reportedAt, timeZone) })}
        >
          <SelectField name="aeId" label="Serious adverse event" value={aeId} onChange={setAeId} options={pending.map((ae) => ({ value: ae.aeId, label: `${ae.term} (grade ${ae.grade}, onset ${ae.onsetOn})` }))} />
          <TextField name="reportedAt" label="Reported to the sponsor at (site time)" type="datetime-local" value={reportedAt} onInput={setReportedAt} />
        </CommandForm>
      ) : (
        <p class="muted">Every serious AE is reported to the sponsor.</p>
      )}
    </>
  );
}
