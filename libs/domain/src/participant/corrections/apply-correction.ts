import type { EntryCorrectedV1, EntryVoidedV1 } from '../events.js';
import type { Entry, ParticipantState } from '../state.js';

type Changes = EntryCorrectedV1['data']['changes'];

const corrected = (changes: Changes): Record<string, unknown> => Object.fromEntries(Object.entries(changes).map(([field, c]) => [field, c.corrected]));

function patchEntries<T>(entries: readonly Entry<T>[], entryId: string, patch: Record<string, unknown>): Entry<T>[] {
  return entries.map((e) => (e.entryId === entryId ? { ...e, value: { ...e.value, ...patch } } : e));
}

/** Applies a correction's new values to the entry it targets (the previous values stay in the event). */
export function applyCorrection(state: ParticipantState, data: EntryCorrectedV1['data']): ParticipantState {
  const patch = corrected(data.changes);
  switch (data.entryType) {
    case 'ScreeningObservationRecorded': {
      // A corrected value invalidates an evaluation not yet acted on: it must be evaluated and signed again.
      const { evaluation: _e, signature: _s, ...screening } = state.screening;
      const reopen = state.phase === 'SCREENING' ? screening : state.screening;
      return { ...state, screening: { ...reopen, observations: patchEntries(state.screening.observations, data.entryId, patch) } };
    }
    case 'EligibilityAttested': {
      const { evaluation: _e, signature: _s, ...screening } = state.screening;
      const reopen = state.phase === 'SCREENING' ? screening : state.screening;
      return { ...state, screening: { ...reopen, attestations: patchEntries(state.screening.attestations, data.entryId, patch) } };
    }
    case 'MedicationStopped':
      return { ...state, medicationStops: patchEntries(state.medicationStops, data.entryId, patch) };
    case 'LymphodepletionDoseAdministered':
      return { ...state, ld: { ...state.ld, administered: patchEntries(state.ld.administered, data.entryId, patch) } };
    case 'InfusionCompleted':
      return state.infusion ? { ...state, infusion: { ...state.infusion, ...patch } } : state;
    case 'AdverseEventReported':
      return { ...state, adverseEvents: state.adverseEvents.map((ae) => (ae.entryId === data.entryId ? { ...ae, ...patch } : ae)) };
    case 'VisitCompleted':
      return { ...state, visits: patchEntries(state.visits, data.entryId, patch) };
    case 'UnscheduledVisitRecorded':
      return { ...state, unscheduledVisits: patchEntries(state.unscheduledVisits, data.entryId, patch) };
    case 'EfficacyAssessed':
      return { ...state, efficacyAssessments: patchEntries(state.efficacyAssessments, data.entryId, patch) };
    default:
      return state;
  }
}

/** Removes a voided entry from what the rules see (it stays in the stream, marked void by this event). */
export function applyVoid(state: ParticipantState, data: EntryVoidedV1['data']): ParticipantState {
  const keep = <T extends { entryId: string }>(entries: readonly T[]) => entries.filter((e) => e.entryId !== data.entryId);
  switch (data.entryType) {
    case 'ScreeningObservationRecorded':
    case 'EligibilityAttested': {
      const { evaluation: _e, signature: _s, ...screening } = state.screening;
      const reopen = state.phase === 'SCREENING' ? screening : state.screening;
      return { ...state, screening: { ...reopen, observations: keep(state.screening.observations), attestations: keep(state.screening.attestations) } };
    }
    case 'MedicationStopped':
      return { ...state, medicationStops: keep(state.medicationStops) };
    case 'AdverseEventReported':
      return { ...state, adverseEvents: keep(state.adverseEvents) };
    case 'VisitCompleted':
      return { ...state, visits: keep(state.visits) };
    case 'UnscheduledVisitRecorded':
      return { ...state, unscheduledVisits: keep(state.unscheduledVisits) };
    case 'EfficacyAssessed':
      return { ...state, efficacyAssessments: keep(state.efficacyAssessments) };
    case 'CrsAssessed':
    case 'IcansAssessed':
      return { ...state, toxicityAssessments: keep(state.toxicityAssessments) };
    default:
      return state;
  }
}
