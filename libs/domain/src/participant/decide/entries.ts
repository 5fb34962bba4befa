import type { ParticipantState } from '../state.js';

export interface FoundEntry {
  readonly entryType: string;
  readonly values: Record<string, unknown>;
}

/** Finds a recorded (not voided) entry by id, with its current field values, wherever the state keeps it. */
export function findEntry(state: ParticipantState, entryId: string): FoundEntry | undefined {
  const lists: [string, readonly { entryId: string; value: object }[]][] = [
    ['ScreeningObservationRecorded', state.screening.observations],
    ['EligibilityAttested', state.screening.attestations],
    ['MedicationStopped', state.medicationStops],
    ['LymphodepletionDoseAdministered', state.ld.administered],
    ['VisitCompleted', state.visits],
    ['UnscheduledVisitRecorded', state.unscheduledVisits],
    ['EfficacyAssessed', state.efficacyAssessments],
  ];
  for (const [entryType, entries] of lists) {
    const entry = entries.find((e) => e.entryId === entryId);
    if (entry) return { entryType, values: { ...entry.value } };
  }
  const assessment = state.toxicityAssessments.find((e) => e.entryId === entryId);
  if (assessment) return { entryType: assessment.value.kind === 'CRS' ? 'CrsAssessed' : 'IcansAssessed', values: { ...assessment.value } };
  const ae = state.adverseEvents.find((e) => e.entryId === entryId);
  if (ae) return { entryType: 'AdverseEventReported', values: { ...ae } };
  if (state.infusion?.entryId === entryId) return { entryType: 'InfusionCompleted', values: { ...state.infusion } };
  return undefined;
}
