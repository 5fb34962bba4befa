import type { JourneyState } from '../../api/types.js';

/** A recorded entry as the domain's state holds it now (corrections applied, voided entries gone). */
export interface RecordedEntry {
  readonly entryId: string;
  readonly label: string;
  /** The entry's current values, by field name. */
  readonly values: Readonly<Record<string, unknown>>;
  /** The fields offered for a correction: every recorded value but the identifiers. */
  readonly fields: readonly string[];
}

export type ValueKind = 'number' | 'boolean' | 'list' | 'date' | 'instant' | 'text';

/**
 * The entries a person recorded that are still in the record, where the domain's state keeps them. Which of
 * them (and which fields) the journey lets one correct or void is its decision: the form offers every
 * recorded value and the API names the field it refuses, with the fields it accepts (one place for the rule).
 */
export function recordedEntries(state: JourneyState): RecordedEntry[] {
  const entry = (entryId: string, label: string, values: object): RecordedEntry => ({
    entryId,
    label,
    values: values as Record<string, unknown>,
    // Identifiers name what an entry is about; a correction changes what was observed, never which thing it was.
    fields: Object.keys(values).filter((field) => !/Id$/.test(field)),
  });
  const s = state.screening;
  return [
    ...s.observations.map((o) => entry(o.entryId, `Observation ${o.value.code} = ${String(o.value.value)}${o.value.unit ? ` ${o.value.unit}` : ''} (${o.value.observedOn})`, o.value)),
    ...s.attestations.map((a) => entry(a.entryId, `Attestation ${a.value.criterionCode}: ${a.value.attested ? 'yes' : 'no'}`, a.value)),
    ...state.medicationStops.map((m) => entry(m.entryId, `Medication stop ${m.value.drugName} (last dose ${m.value.lastDoseOn})`, m.value)),
    ...state.ld.administered.map((d) => entry(d.entryId, `LD dose D${d.value.day} ${d.value.drug} ${d.value.doseMg} mg`, d.value)),
    ...(state.infusion ? [entry(state.infusion.entryId, `Infusion on ${state.infusion.infusionDate}`, state.infusion)] : []),
    ...state.adverseEvents.map((ae) => entry(ae.entryId, `AE ${ae.term} (grade ${ae.grade}, onset ${ae.onsetOn})`, ae)),
    ...state.toxicityAssessments.map((t) => entry(t.entryId, `${t.value.kind} assessment (grade ${t.value.grade}, ${t.value.assessedAt})`, t.value)),
    ...state.visits.map((v) => entry(v.entryId, `Visit ${v.value.visitId} on ${v.value.actualDate}`, v.value)),
    ...state.unscheduledVisits.map((v) => entry(v.entryId, `Unscheduled visit on ${v.value.visitDate}`, v.value)),
    // Change and response are derived from the score: only what was recorded is offered (the journey takes a void and a rescore).
    ...state.efficacyAssessments.map((a) => entry(a.entryId, `${a.value.instrument} at ${a.value.visitId}: ${a.value.value} (${a.value.assessedOn})`, { visitId: a.value.visitId, assessedOn: a.value.assessedOn, value: a.value.value })),
  ];
}

/** How a field's new value is typed and sent, read off its current value (a field never recorded is text). */
export function valueKind(current: unknown): ValueKind {
  if (typeof current === 'number') return 'number';
  if (typeof current === 'boolean') return 'boolean';
  if (Array.isArray(current)) return 'list';
  if (typeof current === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(current)) return 'date';
  if (typeof current === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(current)) return 'instant';
  return 'text';
}

/** A current value as the form shows it. */
export const shownValue = (value: unknown): string => (value === undefined || value === null ? '—' : Array.isArray(value) ? value.join(', ') : String(value));
