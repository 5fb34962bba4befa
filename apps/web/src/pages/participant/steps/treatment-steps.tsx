import { useEffect, useState } from 'preact/hooks';
import { addDays, formatCountdown, formatInstant, fromLocalInput, siteToday, toLocalInput } from '../../../format/dates.js';
import { useCommand } from '../../../hooks/use-command.js';
import { CheckboxField, CommandForm, FieldErrorsFor, SelectField, TextField, numberOrText } from '../../../ui/form.js';
import { remainingDoses } from '../next-steps.js';
import { LdCalculationView } from './ld-calculation-view.js';
import type { StepProps } from './step-props.js';

/** A site-clock date-time input's value for the API (the text as typed when it is not one: the API names it). */
const instantOf = (value: string, timeZone: string): string => fromLocalInput(value, timeZone) ?? value;

export function MedicationStopStep({ participantId, state, protocol, timeZone, onRecorded }: StepProps) {
  const classes = protocol.washout.classes;
  const [drugClass, setDrugClass] = useState(classes[0]?.drugClass ?? '');
  const [drugName, setDrugName] = useState('');
  const [lastDoseOn, setLastDoseOn] = useState(siteToday(timeZone));
  const chosen = classes.find((c) => c.drugClass === drugClass);
  const command = useCommand(participantId, 'medication-stops', async (a) => {
    await onRecorded(a, `${drugName} stop recorded`);
    setDrugName('');
  });
  return (
    <>
      {state.medicationStops.length > 0 ? (
        <ul class="plain-list">
          {state.medicationStops.map((m) => {
            const days = classes.find((c) => c.drugClass === m.value.drugClass)?.minimumDays ?? 0;
            return (
              <li key={m.entryId}>
                {m.value.drugName} ({m.value.drugClass}): last dose {m.value.lastDoseOn}; washout of {days} days ends {addDays(m.value.lastDoseOn, days)}
              </li>
            );
          })}
        </ul>
      ) : null}
      <CommandForm
        id="medication-stop"
        title="Record a medication stop"
        guidance={<p>Each drug class has a minimum washout before {protocol.washout.referenceEvent === 'LYMPHODEPLETION_START' ? 'the first lymphodepletion dose' : 'the reference event'}.</p>}
        submitLabel="Record medication stop"
        busy={command.busy}
        error={command.error}
        onSubmit={() => void command.send({ drugClass, drugName: drugName.trim(), lastDoseOn })}
      >
        <SelectField name="drugClass" label="Drug class" value={drugClass} onChange={setDrugClass} options={classes.map((c) => ({ value: c.drugClass, label: `${c.label} (${c.minimumDays} days)` }))} hint={chosen?.note} />
        <div class="field-row">
          <TextField name="drugName" label="Drug" value={drugName} onInput={setDrugName} />
          <TextField name="lastDoseOn" label="Last dose on" type="date" value={lastDoseOn} onInput={setLastDoseOn} hint={chosen ? `Washout ends ${addDays(lastDoseOn, chosen.minimumDays)}` : undefined} />
        </div>
      </CommandForm>
    </>
  );
}

export function ProductLotStep({ participantId, onRecorded }: StepProps) {
  const [lotId, setLotId] = useState('');
  const [bags, setBags] = useState('');
  const [cells, setCells] = useState('');
  const command = useCommand(participantId, 'product-lot', (a) => onRecorded(a, 'Product lot allocated'));
  const bagIds = bags
    .split(/[,\s]+/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <CommandForm id="product-lot" title="Allocate the product lot" guidance={<p>From the certificate of analysis. The product must be on site before lymphodepletion starts.</p>} submitLabel="Allocate lot" busy={command.busy} error={command.error} onSubmit={() => void command.send({ lotId: lotId.trim(), bagIds, carPositiveCellsPerBag: numberOrText(cells) })}>
      <div class="field-row">
        <TextField name="lotId" label="Lot number" value={lotId} onInput={setLotId} />
        <TextField name="bagIds" label="Bag ids" hint="As printed on the labels, separated by commas." value={bags} onInput={setBags} />
        <TextField name="carPositiveCellsPerBag" label="CAR+ viable cells per bag" hint="e.g. 6e7" value={cells} onInput={setCells} inputMode="decimal" />
      </div>
      <FieldErrorsFor names={['bagIds']} />
    </CommandForm>
  );
}

export function LdCalculationStep({ participantId, state, timeline, timeZone, onRecorded }: StepProps) {
  const [height, setHeight] = useState('');
  const [heightUnit, setHeightUnit] = useState('cm');
  const [weight, setWeight] = useState('');
  const [weightUnit, setWeightUnit] = useState('kg');
  const [creatinine, setCreatinine] = useState('');
  const [creatinineUnit, setCreatinineUnit] = useState('µmol/L');
  const [measuredOn, setMeasuredOn] = useState(siteToday(timeZone));
  const command = useCommand(participantId, 'lymphodepletion/calculation', (a) => onRecorded(a, 'Doses calculated'));
  const latest = [...timeline.entries].reverse().find((e) => e.type === 'LymphodepletionDosesCalculated');
  const started = state.ld.administered.length > 0;
  return (
    <>
      {latest ? <LdCalculationView entry={latest} /> : null}
      {started ? null : (
        <CommandForm
          id="ld-calculation"
          title={latest ? 'Recalculate the doses' : 'Calculate the doses'}
          guidance={<p>Doses follow from today's height, weight and serum creatinine (body surface area; fludarabine adjusted for renal function). Enter the measurements; the calculation is recorded with its inputs and versions.</p>}
          submitLabel="Calculate doses"
          busy={command.busy}
          error={command.error}
          onSubmit={() =>
            void command.send({
              height: { value: numberOrText(height), unit: heightUnit },
              weight: { value: numberOrText(weight), unit: weightUnit },
              serumCreatinine: { value: numberOrText(creatinine), unit: creatinineUnit },
              measuredOn,
            })
          }
        >
          <div class="field-row">
            <TextField name="height.value" label="Height" value={height} onInput={setHeight} inputMode="decimal" />
            <SelectField name="height.unit" label="Unit" value={heightUnit} onChange={setHeightUnit} options={['cm', 'm', 'in'].map((u) => ({ value: u, label: u }))} class="field-unit" />
            <TextField name="weight.value" label="Weight" value={weight} onInput={setWeight} inputMode="decimal" />
            <SelectField name="weight.unit" label="Unit" value={weightUnit} onChange={setWeightUnit} options={['kg', 'lb'].map((u) => ({ value: u, label: u }))} class="field-unit" />
          </div>
          <div class="field-row">
            <TextField name="serumCreatinine.value" label="Serum creatinine" value={creatinine} onInput={setCreatinine} inputMode="decimal" />
            <SelectField name="serumCreatinine.unit" label="Unit" value={creatinineUnit} onChange={setCreatinineUnit} options={['µmol/L', 'mg/dL'].map((u) => ({ value: u, label: u }))} class="field-unit" />
            <TextField name="measuredOn" label="Measured on" type="date" value={measuredOn} onInput={setMeasuredOn} />
          </div>
        </CommandForm>
      )}
    </>
  );
}

export function LdDoseStep({ participantId, state, protocol, timeline, timeZone, onRecorded }: StepProps) {
  const calculation = [...timeline.entries].reverse().find((e) => e.type === 'LymphodepletionDosesCalculated');
  const remaining = remainingDoses(state);
  const key = (d: { drug: string; day: number }) => `${d.drug}:${d.day}`;
  const [chosen, setChosen] = useState(remaining[0] ? key(remaining[0]) : '');
  const dose = remaining.find((d) => key(d) === chosen) ?? remaining[0];
  const [doseMg, setDoseMg] = useState(dose ? String(dose.doseMg) : '');
  const [at, setAt] = useState(toLocalInput(Date.now(), timeZone));
  const command = useCommand(participantId, 'lymphodepletion/doses', async (a) => {
    await onRecorded(a, `${dose?.drug ?? 'Dose'} D${dose?.day ?? ''} recorded`);
  });
  useEffect(() => {
    const next = remaining[0];
    if (next && !remaining.some((d) => key(d) === chosen)) {
      setChosen(key(next));
      setDoseMg(String(next.doseMg));
    }
  }, [remaining.map(key).join(',')]);
  function choose(value: string) {
    setChosen(value);
    const d = remaining.find((x) => key(x) === value);
    if (d) setDoseMg(String(d.doseMg));
  }
  const tolerance = protocol.lymphodepletion.doseTolerancePercent;
  return (
    <>
      {calculation ? <LdCalculationView entry={calculation} /> : null}
      {state.ld.administered.length > 0 ? (
        <ul class="plain-list">
          {state.ld.administered.map((a) => (
            <li key={a.entryId}>
              D{a.value.day} {a.value.drug}: {a.value.doseMg} mg at {formatInstant(a.value.at, timeZone)}
            </li>
          ))}
        </ul>
      ) : null}
      {dose ? (
        <CommandForm
          id="ld-dose"
          title="Record a lymphodepletion dose"
          guidance={<p>Give the calculated dose; more than {tolerance}% away from it is a deviation candidate. Times are on the site's clock.</p>}
          submitLabel="Record dose"
          busy={command.busy}
          error={command.error}
          onSubmit={() => void command.send({ drug: dose.drug, day: dose.day, doseMg: numberOrText(doseMg), administeredAt: instantOf(at, timeZone) })}
        >
          <SelectField name="day" label="Planned dose" value={key(dose)} onChange={choose} options={remaining.map((d) => ({ value: key(d), label: `D${d.day} ${d.drug} — calculated ${d.doseMg} mg` }))} />
          <div class="field-row">
            <TextField name="doseMg" label="Dose given (mg)" value={doseMg} onInput={setDoseMg} inputMode="decimal" />
            <TextField name="administeredAt" label="Given at (site time)" type="datetime-local" value={at} onInput={setAt} />
          </div>
          <FieldErrorsFor names={['drug']} />
        </CommandForm>
      ) : null}
    </>
  );
}

const CHECKLIST: readonly { id: string; label: string }[] = [
  { id: 'afebrile', label: 'Afebrile' },
  { id: 'noActiveInfection', label: 'No active infection' },
  { id: 'labsWithin7Days', label: 'Labs within 7 days' },
  { id: 'tocilizumabAvailable', label: 'Tocilizumab available on site' },
];

export function PreInfusionCheckStep({ participantId, onRecorded }: StepProps) {
  const [items, setItems] = useState<Record<string, boolean>>(Object.fromEntries(CHECKLIST.map((c) => [c.id, false])));
  const command = useCommand(participantId, 'pre-infusion-check', (a) => onRecorded(a, 'Pre-infusion check recorded'));
  return (
    <CommandForm id="pre-infusion-check" title="Pre-infusion check" guidance={<p>Tick each item that is met; an item not met is recorded as such and the check does not pass.</p>} submitLabel="Record check" busy={command.busy} error={command.error} onSubmit={() => void command.send({ items })}>
      <fieldset class="checklist">
        <legend>Checklist</legend>
        {CHECKLIST.map((c) => (
          <CheckboxField key={c.id} name={`items.${c.id}`} label={c.label} checked={items[c.id] ?? false} onChange={(checked) => setItems((all) => ({ ...all, [c.id]: checked }))} />
        ))}
      </fieldset>
      <FieldErrorsFor names={['items']} />
    </CommandForm>
  );
}

/** Minutes left between the thaw and the end of the infusion, ticking every second. */
export function ThawCountdown({ thawStartedAt, limitMinutes, timeZone }: { thawStartedAt: string; limitMinutes: number; timeZone: string }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const deadline = Date.parse(thawStartedAt) + limitMinutes * 60_000;
  const left = deadline - now;
  const tone = left < 0 ? 'danger' : left < 15 * 60_000 ? 'warning' : 'info';
  return (
    <div class={`countdown countdown-${tone}`} role="timer" aria-live="off" data-testid="thaw-countdown">
      <span class="countdown-label">{left >= 0 ? 'Infuse within' : 'Thaw limit passed'}</span>
      <span class="countdown-value">{formatCountdown(left)}</span>
      <span class="muted small">
        thawed {formatInstant(thawStartedAt, timeZone)}; limit {limitMinutes} min, until {formatInstant(new Date(deadline).toISOString(), timeZone)}
      </span>
    </div>
  );
}

export function ThawStep({ participantId, state, protocol, timeZone, onRecorded }: StepProps) {
  const bags = state.lot?.bagIds ?? [];
  const [chosen, setChosen] = useState<readonly string[]>(bags);
  const [startedAt, setStartedAt] = useState(toLocalInput(Date.now(), timeZone));
  const command = useCommand(participantId, 'thaw', (a) => onRecorded(a, 'Thaw started'));
  return (
    <CommandForm
      id="thaw"
      title="Start the thaw"
      guidance={<p>From the start of the thaw, the infusion must end within {protocol.infusion.thawToInfusionLimitMinutes} minutes (pharmacy manual); the page counts down.</p>}
      submitLabel="Record thaw start"
      busy={command.busy}
      error={command.error}
      onSubmit={() => void command.send({ bagIds: chosen, startedAt: instantOf(startedAt, timeZone) })}
    >
      <fieldset class="checklist">
        <legend>Bags thawed (lot {state.lot?.lotId})</legend>
        {bags.map((b) => (
          <CheckboxField key={b} name={`bag-${b}`} label={b} checked={chosen.includes(b)} onChange={(checked) => setChosen((all) => (checked ? [...all, b] : all.filter((x) => x !== b)))} />
        ))}
      </fieldset>
      <FieldErrorsFor names={['bagIds']} />
      <TextField name="startedAt" label="Thaw started at (site time)" type="datetime-local" value={startedAt} onInput={setStartedAt} />
    </CommandForm>
  );
}

export function InfusionStep({ participantId, state, protocol, timeline, timeZone, onRecorded }: StepProps) {
  const calculation = [...timeline.entries].reverse().find((e) => e.type === 'LymphodepletionDosesCalculated');
  const measuredWeight = (calculation?.data.inputs as { weight?: { value: number; unit: string } } | undefined)?.weight;
  const [weightKg, setWeightKg] = useState(measuredWeight?.unit === 'kg' ? String(measuredWeight.value) : '');
  const level = protocol.doseLevels.find((d) => d.id === state.doseLevelId);
  const weight = Number(weightKg);
  const target = level ? (level.dose.basis === 'FIXED' ? level.dose.carPositiveCells : Number.isFinite(weight) && weight > 0 ? Math.min(level.dose.carPositiveCellsPerKg * weight, level.dose.maxTotalCells ?? Infinity) : undefined) : undefined;
  const [cells, setCells] = useState('');
  const [startedAt, setStartedAt] = useState(toLocalInput(Date.now(), timeZone));
  const [completedAt, setCompletedAt] = useState(toLocalInput(Date.now(), timeZone));
  const command = useCommand(participantId, 'infusion', (a) => onRecorded(a, 'Infusion recorded: day 0'));
  return (
    <>
      {state.thawStartedAt ? <ThawCountdown thawStartedAt={state.thawStartedAt} limitMinutes={protocol.infusion.thawToInfusionLimitMinutes} timeZone={timeZone} /> : null}
      <CommandForm
        id="infusion"
        title="Record the infusion"
        guidance={
          <p>
            Dose level {level?.id ?? '—'} ({level?.label ?? '—'}){target !== undefined ? `: target ${target.toExponential(2)} CAR+ cells` : ''}; more than {protocol.infusion.doseTolerancePercent}% away is a deviation candidate. The infusion date becomes study day 0.
          </p>
        }
        submitLabel="Record infusion"
        busy={command.busy}
        error={command.error}
        onSubmit={() => void command.send({ startedAt: instantOf(startedAt, timeZone), completedAt: instantOf(completedAt, timeZone), carPositiveCellsInfused: numberOrText(cells || (target !== undefined ? String(target) : '')), weightKg: numberOrText(weightKg) })}
      >
        <div class="field-row">
          <TextField name="startedAt" label="Started at (site time)" type="datetime-local" value={startedAt} onInput={setStartedAt} />
          <TextField name="completedAt" label="Completed at (site time)" type="datetime-local" value={completedAt} onInput={setCompletedAt} />
        </div>
        <div class="field-row">
          <TextField name="weightKg" label="Weight used for dosing (kg)" value={weightKg} onInput={setWeightKg} inputMode="decimal" />
          <TextField name="carPositiveCellsInfused" label="CAR+ cells infused" hint={target !== undefined ? `Leave empty to record the target, ${target.toExponential(2)}.` : undefined} value={cells} onInput={setCells} inputMode="decimal" />
        </div>
      </CommandForm>
    </>
  );
}
