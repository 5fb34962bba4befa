import { useState } from 'preact/hooks';
import { useCommand } from '../../../hooks/use-command.js';
import { CheckboxField, CommandForm, SelectField, TextField } from '../../../ui/form.js';
import type { StepProps } from './step-props.js';

type Decision = 'confirm' | 'dismiss';
const PATHS: Record<Decision, string> = { confirm: 'deviations/confirmations', dismiss: 'deviations/dismissals' };

/**
 * A person's decision on a deviation candidate the rules raised: confirmed (with its importance, ICH E3) or
 * dismissed, each with the reason that goes to the deviations log.
 */
export function DeviationDecisionStep({ participantId, state, onRecorded }: StepProps) {
  const candidates = state.deviations.filter((d) => d.status === 'CANDIDATE');
  const decided = state.deviations.filter((d) => d.status !== 'CANDIDATE');
  const [chosen, setDeviationId] = useState(candidates[0]?.deviationId ?? '');
  const deviation = candidates.find((d) => d.deviationId === chosen) ?? candidates[0];
  const [decision, setDecision] = useState<Decision>('confirm');
  const [important, setImportant] = useState<boolean | undefined>(undefined);
  const [reason, setReason] = useState('');
  const after = async (what: string, a: Parameters<StepProps['onRecorded']>[0]) => {
    await onRecorded(a, what);
    setReason('');
    setImportant(undefined);
  };
  // Two commands, one form: each keeps its own idempotency key.
  const confirm = useCommand(participantId, PATHS.confirm, (a) => after('Deviation confirmed', a));
  const dismiss = useCommand(participantId, PATHS.dismiss, (a) => after('Deviation candidate dismissed', a));
  const command = decision === 'confirm' ? confirm : dismiss;
  return (
    <>
      {decided.length > 0 ? (
        <ul class="plain-list" data-testid="deviations-decided">
          {decided.map((d) => (
            <li key={d.deviationId}>
              {d.rule}: {d.status.toLowerCase()}
              {d.important ? ' (important)' : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {deviation ? (
        <CommandForm
          id="deviation-decision"
          title="Decide on a deviation candidate"
          guidance={<p>{deviation.description}</p>}
          submitLabel={decision === 'confirm' ? 'Confirm deviation' : 'Dismiss candidate'}
          busy={command.busy}
          error={command.error}
          onSubmit={() => void command.send({ deviationId: deviation.deviationId, ...(decision === 'confirm' ? { important: important ?? deviation.important } : {}), reason: reason.trim() })}
        >
          <SelectField name="deviationId" label="Candidate" value={deviation.deviationId} onChange={setDeviationId} options={candidates.map((d) => ({ value: d.deviationId, label: `${d.rule} — ${d.deviationId}` }))} />
          <SelectField
            name="decision"
            label="Decision"
            value={decision}
            onChange={(v) => setDecision(v as Decision)}
            options={[
              { value: 'confirm', label: 'Confirm: it is a protocol deviation' },
              { value: 'dismiss', label: 'Dismiss: it is not a deviation' },
            ]}
          />
          {decision === 'confirm' ? <CheckboxField name="important" label="Important protocol deviation (ICH E3)" hint="As the rule proposed it; change it if your assessment differs." checked={important ?? deviation.important} onChange={setImportant} /> : null}
          <TextField name="reason" label="Reason (for the deviations log)" value={reason} onInput={setReason} />
        </CommandForm>
      ) : (
        <p class="muted">No deviation candidate awaits a decision.</p>
      )}
    </>
  );
}
