import { useState } from 'preact/hooks';
import { recordableCriteria, type SimpleCriterion } from '../../../api/protocol.js';
import { formatInstant, siteToday } from '../../../format/dates.js';
import { useCommand } from '../../../hooks/use-command.js';
import { CheckboxField, CommandForm, SelectField, TextField, numberOrText, optional } from '../../../ui/form.js';
import type { StepProps } from './step-props.js';

export function ConsentStep({ participantId, state, protocol, timeZone, user, onRecorded }: StepProps) {
  const versions = protocol.consent.icfVersions;
  const minor = state.ageYears !== undefined && state.ageYears < protocol.consent.adultAgeYears;
  const [icfVersion, setIcfVersion] = useState(versions.at(-1)?.version ?? '');
  const [signedOn, setSignedOn] = useState(siteToday(timeZone));
  const [participantName, setParticipantName] = useState('');
  const [investigatorName, setInvestigatorName] = useState('');
  const [guardianName, setGuardianName] = useState('');
  const [assent, setAssent] = useState(false);
  const [obtainedBy, setObtainedBy] = useState(user.id);
  const command = useCommand(participantId, 'consent', (a) => onRecorded(a, 'Consent recorded'));
  const submit = () =>
    void command.send({
      icfVersion,
      signedOn,
      signers: [
        { role: minor ? 'GUARDIAN' : 'PARTICIPANT', name: minor ? guardianName : participantName },
        ...(minor ? [{ role: 'PARTICIPANT', name: participantName }] : []),
        { role: 'INVESTIGATOR', name: investigatorName },
      ],
      assent: minor ? assent : false,
      obtainedBy: obtainedBy.trim(),
    });
  return (
    <CommandForm id="consent" title="Informed consent" guidance={<p>No study procedure may happen before consent (ICH E6 4.8.8). The form version must have been approved by the ethics committee on the signing date.</p>} submitLabel="Record consent" busy={command.busy} error={command.error} onSubmit={submit}>
      <div class="field-row">
        <SelectField name="icfVersion" label="Consent form version" value={icfVersion} onChange={setIcfVersion} options={versions.map((v) => ({ value: v.version, label: `${v.version} (approved from ${v.approvedFrom}${v.approvedUntil ? ` until ${v.approvedUntil}` : ''})` }))} />
        <TextField name="signedOn" label="Signed on" type="date" value={signedOn} onInput={setSignedOn} />
      </div>
      {minor ? <TextField name="signers.0.name" label="Guardian's name" value={guardianName} onInput={setGuardianName} /> : null}
      <TextField name={minor ? 'signers.1.name' : 'signers.0.name'} label="Participant's name (as signed)" hint="Kept in the encrypted record only." value={participantName} onInput={setParticipantName} />
      <TextField name={minor ? 'signers.2.name' : 'signers.1.name'} label="Investigator's name (as signed)" value={investigatorName} onInput={setInvestigatorName} />
      {minor ? <CheckboxField name="assent" label="The participant gave their own assent" checked={assent} onChange={setAssent} /> : null}
      <TextField name="obtainedBy" label="Consent obtained by (user id)" value={obtainedBy} onInput={setObtainedBy} />
    </CommandForm>
  );
}

const SOURCES = ['local lab', 'central lab', 'source document', 'device'];

function criterionGuidance(c: SimpleCriterion): string {
  const threshold = c.threshold === true ? 'yes' : c.threshold === false ? 'no' : String(c.threshold ?? '');
  const rule = c.comparator && c.comparator !== '=' ? `${c.comparator} ${threshold}${c.unit ? ` ${c.unit}` : ''}` : c.comparator === '=' ? `must be ${threshold}` : '';
  const window = c.withinDaysBefore ? `; measured within ${c.withinDaysBefore} days` : '';
  return `${c.kind === 'exclusion' ? 'Exclusion' : 'Inclusion'}: ${rule}${window}`;
}

export function ObservationStep({ participantId, state, protocol, cohortId, timeZone, onRecorded }: StepProps) {
  const criteria = recordableCriteria(protocol.cohorts.find((c) => c.id === cohortId)?.eligibility ?? []).filter((c) => c.rule === 'observation');
  const observed = new Map(state.screening.observations.map((o) => [o.value.code, o.value] as const));
  const firstMissing = criteria.find((c) => !observed.has(c.code)) ?? criteria[0];
  const [code, setCode] = useState(firstMissing?.code ?? '');
  const criterion = criteria.find((c) => c.code === code);
  const boolean = typeof criterion?.threshold === 'boolean';
  const [value, setValue] = useState(boolean ? 'true' : '');
  const [observedOn, setObservedOn] = useState(siteToday(timeZone));
  const [source, setSource] = useState(SOURCES[0]!);
  const command = useCommand(participantId, 'screening/observations', async (a) => {
    await onRecorded(a, `${criterion?.code ?? code} recorded`);
    const next = criteria.find((c) => c.code !== code && !observed.has(c.code));
    if (next) choose(next.code);
    else setValue('');
  });
  function choose(next: string) {
    setCode(next);
    const c = criteria.find((x) => x.code === next);
    setValue(typeof c?.threshold === 'boolean' ? 'true' : '');
    command.clearError();
  }
  const submit = () =>
    void command.send({
      code,
      value: boolean ? value === 'true' : numberOrText(value),
      ...(criterion?.unit ? { unit: criterion.unit } : {}),
      observedOn,
      source,
    });
  return (
    <>
      <table class="table compact">
        <caption>Observation criteria of the {cohortId} cohort</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Rule</th>
            <th scope="col">Recorded</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => {
            const o = observed.get(c.code);
            return (
              <tr key={c.code}>
                <td>
                  <strong>{c.code}</strong>
                  <br />
                  <span class="muted small">{c.text}</span>
                </td>
                <td class="small">{criterionGuidance(c)}</td>
                <td>{o ? `${String(o.value)}${o.unit ? ` ${o.unit}` : ''} on ${o.observedOn}` : <span class="muted">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <CommandForm id="observation" title="Record a screening observation" submitLabel="Record observation" busy={command.busy} error={command.error} onSubmit={submit}>
        <SelectField name="code" label="Criterion" value={code} onChange={choose} options={criteria.map((c) => ({ value: c.code, label: `${c.code}${observed.has(c.code) ? ' (recorded)' : ''}` }))} hint={criterion ? `${criterion.text}. ${criterionGuidance(criterion)}` : undefined} />
        <div class="field-row">
          {boolean ? (
            <SelectField
              name="value"
              label="Result"
              value={value}
              onChange={setValue}
              options={[
                { value: 'true', label: 'Yes' },
                { value: 'false', label: 'No' },
              ]}
            />
          ) : (
            <TextField name="value" label={`Value${criterion?.unit ? ` (${criterion.unit})` : ''}`} value={value} onInput={setValue} inputMode="decimal" />
          )}
          <TextField name="observedOn" label="Observed on" type="date" value={observedOn} onInput={setObservedOn} />
          <SelectField name="source" label="Source" value={source} onChange={setSource} options={SOURCES.map((s) => ({ value: s, label: s }))} />
        </div>
      </CommandForm>
    </>
  );
}

export function AttestationStep({ participantId, state, protocol, cohortId, onRecorded }: StepProps) {
  const criteria = recordableCriteria(protocol.cohorts.find((c) => c.id === cohortId)?.eligibility ?? []).filter((c) => c.rule === 'attestation');
  const attested = new Map(state.screening.attestations.map((a) => [a.value.criterionCode, a.value.attested] as const));
  const [code, setCode] = useState(criteria.find((c) => !attested.has(c.code))?.code ?? criteria[0]?.code ?? '');
  const [answer, setAnswer] = useState('true');
  const [note, setNote] = useState('');
  const criterion = criteria.find((c) => c.code === code);
  const command = useCommand(participantId, 'screening/attestations', async (a) => {
    await onRecorded(a, `${code} attested`);
    const next = criteria.find((c) => c.code !== code && !attested.has(c.code));
    if (next) setCode(next.code);
    setNote('');
  });
  return (
    <CommandForm id="attestation" title="Attest a criterion" guidance={<p>The investigator's own judgement, recorded under their name.</p>} submitLabel="Record attestation" busy={command.busy} error={command.error} onSubmit={() => void command.send({ criterionCode: code, attested: answer === 'true', note: optional(note) })}>
      <SelectField name="criterionCode" label="Criterion" value={code} onChange={setCode} options={criteria.map((c) => ({ value: c.code, label: `${c.code}${attested.has(c.code) ? ` (recorded: ${attested.get(c.code) ? 'met' : 'not met'})` : ''}` }))} hint={criterion?.text} />
      <SelectField
        name="attested"
        label="The criterion is"
        value={answer}
        onChange={setAnswer}
        options={[
          { value: 'true', label: 'Met' },
          { value: 'false', label: 'Not met' },
        ]}
      />
      <TextField name="note" label="Note (optional)" value={note} onInput={setNote} />
    </CommandForm>
  );
}

export function EvaluateStep({ participantId, onRecorded }: StepProps) {
  const command = useCommand(participantId, 'screening/evaluation', (a) => onRecorded(a, 'Eligibility evaluated'));
  return (
    <CommandForm id="evaluate" title="Evaluate eligibility" guidance={<p>Every criterion of the cohort is checked against the values recorded so far (each within its time window). The result is then signed by the investigator.</p>} submitLabel="Evaluate eligibility now" busy={command.busy} error={command.error} onSubmit={() => void command.send({})} />
  );
}

export function SignEligibilityStep({ participantId, state, timeZone, user, onRecorded }: StepProps) {
  const evaluation = state.screening.evaluation;
  const [meaning, setMeaning] = useState('I confirm the participant is eligible');
  const [password, setPassword] = useState('');
  const command = useCommand(participantId, 'screening/signature', async (a) => {
    setPassword('');
    await onRecorded(a, 'Eligibility signed');
  });
  if (!evaluation) return null;
  return (
    <CommandForm
      id="sign"
      title="Sign the eligibility evaluation"
      guidance={
        <>
          <p>
            Your electronic signature is the legally binding equivalent of your handwritten one (21 CFR 11.100). It is recorded with your name ({user.name}), its meaning, the time, and the fingerprint of the exact evaluation shown: evaluated {formatInstant(evaluation.evaluatedAt, timeZone)}, record{' '}
            <code title={evaluation.recordHash}>{evaluation.recordHash.slice(0, 12)}…</code>. Enter your password again to sign.
          </p>
        </>
      }
      submitLabel="Sign"
      busy={command.busy}
      error={command.error}
      onSubmit={() => {
        setPassword('');
        void command.send({ meaning, recordHash: evaluation.recordHash, password });
      }}
    >
      <TextField name="meaning" label="Meaning of the signature" value={meaning} onInput={setMeaning} />
      <TextField name="password" label="Your password" type="password" autoComplete="current-password" value={password} onInput={setPassword} />
    </CommandForm>
  );
}

export function FailScreeningStep({ participantId, onRecorded }: StepProps) {
  const [reason, setReason] = useState('');
  const command = useCommand(participantId, 'screening/failure', (a) => onRecorded(a, 'Screen failure recorded'));
  return (
    <CommandForm id="fail-screening" tone="secondary" title="Record a screen failure" guidance={<p>Ends this screening episode; the protocol may allow a re-screening.</p>} submitLabel="Record screen failure" busy={command.busy} error={command.error} onSubmit={() => void command.send({ reason })}>
      <TextField name="reason" label="Reason" value={reason} onInput={setReason} />
    </CommandForm>
  );
}

export function EnrolStep({ participantId, protocol, onRecorded }: StepProps) {
  const [doseLevelId, setDoseLevelId] = useState(protocol.doseLevels[0]?.id ?? '');
  const command = useCommand(participantId, 'enrolment', (a) => onRecorded(a, 'Enrolled'));
  return (
    <CommandForm id="enrol" title="Enrol" guidance={<p>Enrolment assigns the dose level of the cohort's current escalation step.</p>} submitLabel="Enrol" busy={command.busy} error={command.error} onSubmit={() => void command.send({ doseLevelId })}>
      <SelectField name="doseLevelId" label="Dose level" value={doseLevelId} onChange={setDoseLevelId} options={protocol.doseLevels.map((d) => ({ value: d.id, label: `${d.id} — ${d.label}` }))} />
    </CommandForm>
  );
}
