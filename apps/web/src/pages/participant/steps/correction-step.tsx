import { useState } from 'preact/hooks';
import { toLocalInput } from '../../../format/dates.js';
import { useCommand } from '../../../hooks/use-command.js';
import { CommandForm, SelectField, TextField, numberOrText } from '../../../ui/form.js';
import { recordedEntries, shownValue, valueKind, type RecordedEntry } from '../correctable-entries.js';
import { instantOf, splitList } from './form-values.js';
import type { StepProps } from './step-props.js';

/**
 * Corrections and voids (21 CFR 11.10(e)): each is a new event with the reason; the original entry stays in
 * the record with the previous value beside the corrected one. The journey decides which entries and fields
 * may change; its refusal names the field and lists the correctable ones.
 */
export function CorrectionStep(props: StepProps) {
  const entries = recordedEntries(props.state);
  if (entries.length === 0) return <p class="muted">Nothing recorded yet that could be corrected.</p>;
  return (
    <>
      <CorrectEntryForm {...props} entries={entries} />
      <VoidEntryForm {...props} entries={entries} />
    </>
  );
}

const entryOptions = (entries: readonly RecordedEntry[]) => entries.map((e) => ({ value: e.entryId, label: e.label }));

/** What the value input starts from: the recorded date or date-time (easiest to amend), the other truth value. */
function startingValue(current: unknown, timeZone: string): string {
  const kind = valueKind(current);
  if (kind === 'date') return String(current);
  if (kind === 'instant') return toLocalInput(String(current), timeZone);
  if (kind === 'boolean') return String(!current);
  return '';
}

function CorrectEntryForm({ participantId, timeZone, onRecorded, entries }: StepProps & { entries: readonly RecordedEntry[] }) {
  const [chosenEntry, setEntryId] = useState(entries.at(-1)!.entryId);
  // After a reload the chosen entry may be gone (voided): fall back to the latest, never send a stale id.
  const entry = entries.find((e) => e.entryId === chosenEntry) ?? entries.at(-1)!;
  const [chosenField, setField] = useState(entry.fields[0] ?? '');
  const field = entry.fields.includes(chosenField) ? chosenField : (entry.fields[0] ?? '');
  const current = entry.values[field];
  const kind = valueKind(current);
  const [typedValue, setValue] = useState<string | undefined>(undefined);
  const value = typedValue ?? startingValue(current, timeZone);
  const [reason, setReason] = useState('');
  const command = useCommand(participantId, 'corrections', async (a) => {
    await onRecorded(a, `Correction of ${field} recorded`);
    setValue(undefined);
    setReason('');
  });
  const choose = (set: (v: string) => void) => (v: string) => {
    set(v);
    setValue(undefined);
  };
  const asSent = (): unknown => {
    if (kind === 'number') return numberOrText(value);
    if (kind === 'boolean') return value === 'true';
    if (kind === 'list') return splitList(value);
    if (kind === 'instant') return instantOf(value, timeZone);
    return value.trim();
  };
  return (
    <CommandForm
      id="correction"
      title="Correct an entry"
      guidance={<p>The original value stays in the record beside the corrected one, with your reason. Later deadlines follow from the corrected value.</p>}
      submitLabel="Record correction"
      busy={command.busy}
      error={command.error}
      onSubmit={() => void command.send({ entryId: entry.entryId, changes: { [field]: asSent() }, reason: reason.trim() })}
    >
      <SelectField name="entryId" label="Entry" value={entry.entryId} onChange={choose(setEntryId)} options={entryOptions(entries)} />
      <div class="field-row">
        <SelectField name="field" label="Field" value={field} onChange={choose(setField)} options={entry.fields.map((f) => ({ value: f, label: f }))} />
        <p class="field" data-testid="correction-current">
          Recorded: <strong>{shownValue(current)}</strong>
        </p>
      </div>
      {kind === 'boolean' ? (
        <SelectField name={`changes.${field}`} label="Corrected value" value={value} onChange={setValue} options={[{ value: 'true', label: 'yes' }, { value: 'false', label: 'no' }]} />
      ) : (
        <TextField
          name={`changes.${field}`}
          label={kind === 'instant' ? 'Corrected value (site time)' : 'Corrected value'}
          type={kind === 'date' ? 'date' : kind === 'instant' ? 'datetime-local' : 'text'}
          inputMode={kind === 'number' ? 'decimal' : undefined}
          hint={kind === 'list' ? 'Separated by commas.' : undefined}
          value={value}
          onInput={setValue}
        />
      )}
      <TextField name="reason" label="Reason for the correction" value={reason} onInput={setReason} />
    </CommandForm>
  );
}

function VoidEntryForm({ participantId, onRecorded, entries }: StepProps & { entries: readonly RecordedEntry[] }) {
  const [chosenEntry, setEntryId] = useState(entries.at(-1)!.entryId);
  const entryId = entries.some((e) => e.entryId === chosenEntry) ? chosenEntry : entries.at(-1)!.entryId;
  const [reason, setReason] = useState('');
  const command = useCommand(participantId, 'voids', async (a) => {
    await onRecorded(a, 'Entry voided');
    setReason('');
  });
  return (
    <CommandForm
      id="void"
      title="Void an entry recorded in error"
      guidance={<p>The entry stays in the record, struck through, with your reason. A fact that must stand (a dose given, the infusion) is corrected instead.</p>}
      submitLabel="Void entry"
      tone="secondary"
      busy={command.busy}
      error={command.error}
      onSubmit={() => void command.send({ entryId, reason: reason.trim() })}
    >
      <SelectField name="entryId" label="Entry" value={entryId} onChange={setEntryId} options={entryOptions(entries)} />
      <TextField name="reason" label="Reason for voiding" value={reason} onInput={setReason} />
    </CommandForm>
  );
}
