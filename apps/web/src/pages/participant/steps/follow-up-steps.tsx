import { useState } from 'preact/hooks';
import { formatDate, formatInstant, siteToday, toLocalInput } from '../../../format/dates.js';
import { useCommand } from '../../../hooks/use-command.js';
import { CheckboxField, CommandForm, FieldErrorsFor, SelectField, TextField, numberOrText, optional } from '../../../ui/form.js';
import { EfficacyAssessmentForm } from './efficacy-assessment-form.js';
import { choices, instantOf, splitList } from './form-values.js';
import type { StepProps } from './step-props.js';

export function VisitStep(props: StepProps) {
  const { participantId, state, protocol, nextVisit, timeZone, onRecorded } = props;
  const done = new Set(state.visits.map((v) => v.value.visitId));
  const open = protocol.visits.filter((v) => !done.has(v.id));
  const [visitId, setVisitId] = useState(nextVisit?.visitId ?? open[0]?.id ?? '');
  const [actualDate, setActualDate] = useState(siteToday(timeZone));
  const [assessments, setAssessments] = useState('');
  const command = useCommand(participantId, 'visits', (a) => onRecorded(a, `Visit ${visitId} recorded`));
  // The window shown is the roster's (the domain planner's) for the due visit; other visits are offered by name.
  const window = nextVisit && nextVisit.visitId === visitId ? nextVisit : undefined;
  return (
    <>
      {state.visits.length > 0 ? (
        <ul class="plain-list">
          {state.visits.map((v) => (
            <li key={v.entryId}>
              {v.value.visitId} on {v.value.actualDate}
              {v.value.inWindow ? '' : ' (outside its window)'}
            </li>
          ))}
        </ul>
      ) : null}
      <CommandForm
        id="visit"
        title="Complete a visit"
        guidance={<p>A date outside the visit's window is recorded with a deviation candidate; a date in the future is refused.</p>}
        submitLabel="Record visit"
        busy={command.busy}
        error={command.error}
        onSubmit={() => void command.send({ visitId, actualDate, assessments: splitList(assessments) })}
      >
        <SelectField name="visitId" label="Visit" value={visitId} onChange={setVisitId} options={open.map((v) => ({ value: v.id, label: `${v.id} — ${v.label}` }))} />
        {window ? (
          <p class="visit-window" data-testid="visit-window">
            {window.label}: target {formatDate(window.target)}, window {formatDate(window.opens)} – {formatDate(window.closes)}
          </p>
        ) : null}
        <div class="field-row">
          <TextField name="actualDate" label="Date of the visit" type="date" value={actualDate} onInput={setActualDate} />
          <TextField name="assessments" label="Assessments done" hint="Codes separated by commas, e.g. SLEDAI-2K, CBC." value={assessments} onInput={setAssessments} />
        </div>
      </CommandForm>
      <EfficacyAssessmentForm {...props} />
    </>
  );
}

const CAUSALITY = ['UNRELATED', 'UNLIKELY', 'POSSIBLE', 'PROBABLE', 'DEFINITE'];

export function AdverseEventStep({ participantId, state, timeZone, onRecorded }: StepProps) {
  const [term, setTerm] = useState('');
  const [grade, setGrade] = useState('1');
  const [serious, setSerious] = useState(false);
  const [causality, setCausality] = useState('POSSIBLE');
  const [onsetOn, setOnsetOn] = useState(siteToday(timeZone));
  const [awareAt, setAwareAt] = useState(toLocalInput(Date.now(), timeZone));
  const [haematological, setHaematological] = useState(false);
  const command = useCommand(participantId, 'adverse-events', async (a) => {
    await onRecorded(a, `Adverse event ${term.trim()} recorded`);
    setTerm('');
  });
  return (
    <>
      {state.adverseEvents.length > 0 ? (
        <ul class="plain-list" data-testid="adverse-events">
          {state.adverseEvents.map((ae) => (
            <li key={ae.aeId}>
              {ae.term}: grade {ae.grade}
              {ae.serious ? ', serious' : ''}, onset {ae.onsetOn}
              {ae.resolvedOn ? `, resolved ${ae.resolvedOn}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <CommandForm
        id="adverse-event"
        title="Report an adverse event"
        guidance={<p>CTCAE v5.0 term and grade. A serious AE starts the sponsor-report clock when the site became aware of it (site time).</p>}
        submitLabel="Report adverse event"
        busy={command.busy}
        error={command.error}
        onSubmit={() => void command.send({ term: term.trim(), grade: numberOrText(grade), serious, causality, onsetOn, awareAt: instantOf(awareAt, timeZone), haematological })}
      >
        <div class="field-row">
          <TextField name="term" label="CTCAE term" value={term} onInput={setTerm} />
          <SelectField name="grade" label="Grade" value={grade} onChange={setGrade} options={choices(['1', '2', '3', '4', '5'])} class="field-unit" />
          <SelectField name="causality" label="Causality" value={causality} onChange={setCausality} options={choices(CAUSALITY)} />
        </div>
        <div class="field-row">
          <TextField name="onsetOn" label="Onset on" type="date" value={onsetOn} onInput={setOnsetOn} />
          <TextField name="awareAt" label="Site aware at (site time)" type="datetime-local" value={awareAt} onInput={setAwareAt} />
        </div>
        <CheckboxField name="serious" label="Serious (SAE)" checked={serious} onChange={setSerious} />
        <CheckboxField name="haematological" label="Haematological" checked={haematological} onChange={setHaematological} />
      </CommandForm>
    </>
  );
}

/** The grades the journey derived for earlier assessments of one kind (never typed in). */
function AssessmentGrades({ kind, state, timeZone }: Pick<StepProps, 'state' | 'timeZone'> & { kind: 'CRS' | 'ICANS' }) {
  const rows = state.toxicityAssessments.filter((t) => t.value.kind === kind);
  if (rows.length === 0) return null;
  return (
    <ul class="plain-list" data-testid={`${kind.toLowerCase()}-grades`}>
      {rows.map((t) => (
        <li key={t.entryId}>
          {kind} grade {t.value.grade} — assessed {formatInstant(t.value.assessedAt, timeZone)}
        </li>
      ))}
    </ul>
  );
}

const HYPOTENSION = ['none', 'not-requiring-vasopressors', 'one-vasopressor', 'multiple-vasopressors'];
const OXYGEN = ['none', 'nasal-cannula', 'blow-by', 'facemask', 'non-rebreather', 'venturi', 'cpap', 'bipap', 'mechanical-ventilation'];

export function CrsStep({ participantId, state, timeZone, onRecorded }: StepProps) {
  const [assessedAt, setAssessedAt] = useState(toLocalInput(Date.now(), timeZone));
  const [temperature, setTemperature] = useState('');
  const [masked, setMasked] = useState(false);
  const [otherCause, setOtherCause] = useState(false);
  const [hypotension, setHypotension] = useState('none');
  const [device, setDevice] = useState('none');
  const [flow, setFlow] = useState('');
  const command = useCommand(participantId, 'crs-assessments', (a) => onRecorded(a, 'CRS assessment recorded'));
  const temp = numberOrText(temperature);
  const litres = numberOrText(flow);
  return (
    <>
      <AssessmentGrades kind="CRS" state={state} timeZone={timeZone} />
      <CommandForm
        id="crs"
        title="Record a CRS assessment"
        guidance={<p>ASTCT consensus (Lee 2019): enter what was observed; the journey derives the grade.</p>}
        submitLabel="Record CRS assessment"
        busy={command.busy}
        error={command.error}
        onSubmit={() =>
          void command.send({
            assessedAt: instantOf(assessedAt, timeZone),
            parameters: {
              ...(temp === undefined ? {} : { temperature: { value: temp, unit: '°C' } }),
              feverMaskedByTreatment: masked,
              feverAttributableToOtherCause: otherCause,
              hypotension,
              oxygen: { device, ...(litres === undefined ? {} : { flow: { value: litres, unit: 'L/min' } }) },
            },
          })
        }
      >
        <div class="field-row">
          <TextField name="assessedAt" label="Assessed at (site time)" type="datetime-local" value={assessedAt} onInput={setAssessedAt} />
          <TextField name="parameters.temperature.value" label="Highest temperature (°C)" value={temperature} onInput={setTemperature} inputMode="decimal" />
        </div>
        <CheckboxField name="parameters.feverMaskedByTreatment" label="Fever masked by antipyretics or anti-cytokine therapy" checked={masked} onChange={setMasked} />
        <CheckboxField name="parameters.feverAttributableToOtherCause" label="Fever attributable to another cause" checked={otherCause} onChange={setOtherCause} />
        <div class="field-row">
          <SelectField name="parameters.hypotension" label="Hypotension support" value={hypotension} onChange={setHypotension} options={choices(HYPOTENSION)} />
          <SelectField name="parameters.oxygen.device" label="Oxygen device" value={device} onChange={setDevice} options={choices(OXYGEN)} />
          <TextField name="parameters.oxygen.flow.value" label="Flow (L/min)" hint="For a nasal cannula." value={flow} onInput={setFlow} inputMode="decimal" />
        </div>
        <FieldErrorsFor names={['parameters.temperature', 'parameters.oxygen', 'parameters']} />
      </CommandForm>
    </>
  );
}

const CONSCIOUSNESS = ['alert', 'awakens-spontaneously', 'awakens-to-voice', 'awakens-to-tactile-stimulus', 'unarousable'];
const SEIZURE = ['none', 'rapidly-resolving', 'prolonged-or-repetitive'];
const MOTOR = ['none', 'deep-focal-weakness'];
const OEDEMA = ['none', 'focal-local', 'diffuse-or-signs'];

export function IcansStep({ participantId, state, timeZone, onRecorded }: StepProps) {
  const [assessedAt, setAssessedAt] = useState(toLocalInput(Date.now(), timeZone));
  const [instrument, setInstrument] = useState(state.ageYears !== undefined && state.ageYears <= 12 ? 'capd' : 'ice');
  const [score, setScore] = useState('');
  const [unable, setUnable] = useState(false);
  const [consciousness, setConsciousness] = useState('alert');
  const [seizure, setSeizure] = useState('none');
  const [motor, setMotor] = useState('none');
  const [oedema, setOedema] = useState('none');
  const command = useCommand(participantId, 'icans-assessments', (a) => onRecorded(a, 'ICANS assessment recorded'));
  const scored = numberOrText(score);
  return (
    <>
      <AssessmentGrades kind="ICANS" state={state} timeZone={timeZone} />
      <CommandForm
        id="icans"
        title="Record an ICANS assessment"
        guidance={<p>ICE score (age over 12) or CAPD (12 or younger) and the neurological findings; the journey derives the grade.</p>}
        submitLabel="Record ICANS assessment"
        busy={command.busy}
        error={command.error}
        onSubmit={() =>
          void command.send({
            assessedAt: instantOf(assessedAt, timeZone),
            parameters: {
              encephalopathy: { instrument, ...(scored === undefined ? {} : { score: scored }), ...(unable ? { unableToPerform: true } : {}) },
              consciousness,
              seizure,
              motor,
              cerebralOedema: oedema,
            },
          })
        }
      >
        <div class="field-row">
          <TextField name="assessedAt" label="Assessed at (site time)" type="datetime-local" value={assessedAt} onInput={setAssessedAt} />
          <SelectField name="parameters.encephalopathy.instrument" label="Instrument" value={instrument} onChange={setInstrument} options={choices(['ice', 'capd'])} class="field-unit" />
          <TextField name="parameters.encephalopathy.score" label="Score" value={score} onInput={setScore} inputMode="numeric" />
        </div>
        <CheckboxField name="parameters.encephalopathy.unableToPerform" label="Unable to perform the assessment" checked={unable} onChange={setUnable} />
        <div class="field-row">
          <SelectField name="parameters.consciousness" label="Consciousness" value={consciousness} onChange={setConsciousness} options={choices(CONSCIOUSNESS)} />
          <SelectField name="parameters.seizure" label="Seizure" value={seizure} onChange={setSeizure} options={choices(SEIZURE)} />
          <SelectField name="parameters.motor" label="Motor" value={motor} onChange={setMotor} options={choices(MOTOR)} />
          <SelectField name="parameters.cerebralOedema" label="Cerebral oedema" value={oedema} onChange={setOedema} options={choices(OEDEMA)} />
        </div>
        <FieldErrorsFor names={['parameters.encephalopathy', 'parameters']} />
      </CommandForm>
    </>
  );
}

export function DltAdjudicationStep({ participantId, state, user, onRecorded }: StepProps) {
  const pending = state.dlt.candidates.filter((c) => !c.adjudicated);
  const [candidateId, setCandidateId] = useState(pending[0]?.candidateId ?? '');
  const [isDlt, setIsDlt] = useState('true');
  const [rationale, setRationale] = useState('');
  const [meaning, setMeaning] = useState('I confirm this DLT adjudication');
  const [password, setPassword] = useState('');
  const command = useCommand(participantId, 'dlt-adjudications', async (a) => {
    setRationale('');
    await onRecorded(a, 'DLT adjudication signed');
  });
  return (
    <CommandForm
      id="dlt-adjudication"
      title="Adjudicate a DLT candidate"
      guidance={<p>Your decision and its rationale are signed with your name ({user.name}), the meaning and the time (21 CFR 11.100). Enter your password again to sign.</p>}
      submitLabel="Sign adjudication"
      busy={command.busy}
      error={command.error}
      onSubmit={() => {
        // The password is never kept in the page after it was sent, whatever the answer.
        setPassword('');
        void command.send({ candidateId, isDlt: isDlt === 'true', rationale: optional(rationale), meaning, password });
      }}
    >
      <SelectField name="candidateId" label="Candidate" value={candidateId} onChange={setCandidateId} options={pending.map((c) => ({ value: c.candidateId, label: `${c.candidateId} (${c.rule})` }))} />
      <SelectField
        name="isDlt"
        label="Decision"
        value={isDlt}
        onChange={setIsDlt}
        options={[
          { value: 'true', label: 'Is a dose-limiting toxicity' },
          { value: 'false', label: 'Is not a DLT' },
        ]}
      />
      <TextField name="rationale" label="Clinical rationale" value={rationale} onInput={setRationale} />
      <TextField name="meaning" label="Meaning of the signature" value={meaning} onInput={setMeaning} />
      <TextField name="password" label="Your password" type="password" autoComplete="current-password" value={password} onInput={setPassword} />
    </CommandForm>
  );
}
