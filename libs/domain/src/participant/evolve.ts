import { assertNever } from '../shared/domain-error.js';
import { applyCorrection, applyVoid } from './corrections/apply-correction.js';
import type { ParticipantEvent } from './events.js';
import { initialState, type ParticipantState } from './state.js';

/**
 * Folds one event into the state. Total and pure: the workflow, the projections and the auditor's "as of"
 * replay all use it, so a state is always exactly the fold of its stream.
 */
export function evolve(previous: ParticipantState, event: ParticipantEvent): ParticipantState {
  const state: ParticipantState = { ...previous, version: previous.version + 1 };
  const at = event.occurredAt;
  switch (event.type) {
    case 'ParticipantRegistered': {
      const { participantId, participantCode, trialId, protocolVersion, cohortId, siteId, ageYears, sex } = event.data;
      return {
        ...state,
        phase: 'SCREENING',
        participantId, participantCode, trialId, protocolVersion, cohortId, siteId, registeredAt: at,
        ...(ageYears === undefined ? {} : { ageYears }),
        ...(sex === undefined ? {} : { sex }),
        screening: { ...state.screening, episode: 1, openedAt: at },
      };
    }
    case 'ConsentSigned':
      return { ...state, consent: { icfVersion: event.data.icfVersion, signedOn: event.data.signedOn, signedAt: at }, screening: { ...state.screening, openedAt: at } };
    case 'ScreeningObservationRecorded': {
      const { entryId, episode: _episode, ...value } = event.data;
      return { ...state, screening: { ...state.screening, observations: [...state.screening.observations, { entryId, type: event.type, value }] } };
    }
    case 'EligibilityAttested':
      return {
        ...state,
        screening: {
          ...state.screening,
          attestations: [...state.screening.attestations, { entryId: event.data.entryId, type: event.type, value: { criterionCode: event.data.criterionCode, attested: event.data.attested, on: at } }],
        },
      };
    case 'EligibilityEvaluated': {
      const { results, eligible, recordHash } = event.data;
      const { signature: _stale, ...screening } = state.screening; // a new evaluation needs a new signature
      return { ...state, screening: { ...screening, evaluation: { results, eligible, recordHash, evaluatedAt: at } } };
    }
    case 'EligibilitySigned':
      return { ...state, screening: { ...state.screening, signature: event.data.signature } };
    case 'ScreenFailed':
      return { ...state, phase: 'SCREEN_FAILED', screening: { ...state.screening, failures: state.screening.failures + 1 } };
    case 'RescreeningStarted':
      // A new episode: earlier observations stay in the stream (and the audit trail) but no longer count.
      return { ...state, phase: 'SCREENING', screening: { episode: event.data.episode, openedAt: at, windowElapsed: false, failures: state.screening.failures, observations: [], attestations: [] } };
    case 'ScreeningWindowElapsed':
      return { ...state, screening: { ...state.screening, windowElapsed: true } };
    case 'Enrolled':
      return { ...state, phase: 'ENROLLED', doseLevelId: event.data.doseLevelId, enrolledAt: at };
    case 'MedicationStopped': {
      const { entryId, ...value } = event.data;
      return { ...state, medicationStops: [...state.medicationStops, { entryId, type: event.type, value }] };
    }
    case 'WashoutSatisfied':
      return { ...state, washoutSatisfiedOn: event.data.satisfiedOn };
    case 'LymphodepletionDosesCalculated':
      return { ...state, ld: { ...state.ld, calculated: { entryId: event.data.entryId, doses: event.data.doses } } };
    case 'LymphodepletionDoseAdministered': {
      const { entryId, drug, day, doseMg } = event.data;
      return {
        ...state,
        phase: 'LYMPHODEPLETION',
        ld: { ...state.ld, startedAt: state.ld.startedAt ?? at, administered: [...state.ld.administered, { entryId, type: event.type, value: { drug, day, doseMg, at } }] },
      };
    }
    case 'LymphodepletionCompleted':
      return { ...state, phase: 'AWAITING_INFUSION', ld: { ...state.ld, completedAt: event.data.lastDoseAt } };
    case 'PreInfusionCheckRecorded':
      return { ...state, preInfusionCheck: { passed: event.data.passed, at } };
    case 'ProductLotAllocated':
      return { ...state, lot: { lotId: event.data.lotId, bagIds: event.data.bagIds, ...(event.data.carPositiveCellsPerBag === undefined ? {} : { carPositiveCellsPerBag: event.data.carPositiveCellsPerBag }) } };
    case 'ProductThawStarted':
      return { ...state, thawStartedAt: at };
    case 'InfusionCompleted': {
      const { entryId, startedAt, completedAt, infusionDate, percentOfTarget } = event.data;
      return { ...state, phase: 'DLT_WINDOW', infusion: { entryId, startedAt, completedAt, infusionDate, percentOfTarget } };
    }
    case 'AdverseEventReported': {
      const { entryId, aeId, term, grade, serious, causality, onsetOn, awareAt, resolvedOn, haematological } = event.data;
      const ae = { entryId, aeId, term, grade, serious, causality, onsetOn, awareAt, ...(resolvedOn === undefined ? {} : { resolvedOn }), ...(haematological === undefined ? {} : { haematological }) };
      return { ...state, adverseEvents: [...state.adverseEvents, ae] };
    }
    case 'SaeReportedToSponsor':
      return { ...state, adverseEvents: state.adverseEvents.map((ae) => (ae.aeId === event.data.aeId ? { ...ae, reportedToSponsorAt: event.data.reportedAt } : ae)) };
    case 'CrsAssessed':
    case 'IcansAssessed':
      return {
        ...state,
        toxicityAssessments: [
          ...state.toxicityAssessments,
          { entryId: event.data.entryId, type: event.type, value: { kind: event.type === 'CrsAssessed' ? 'CRS' : 'ICANS', grade: event.data.grade, assessedAt: event.data.assessedAt } },
        ],
      };
    case 'DltCandidateFlagged':
      return { ...state, dlt: { ...state.dlt, candidates: [...state.dlt.candidates, { candidateId: event.data.candidateId, sourceEntryId: event.data.sourceEntryId, rule: event.data.rule }] } };
    case 'DltAdjudicated':
      return {
        ...state,
        dlt: { ...state.dlt, candidates: state.dlt.candidates.map((c) => (c.candidateId === event.data.candidateId ? { ...c, adjudicated: true, isDlt: event.data.isDlt } : c)) },
      };
    case 'DltWindowClosed':
      return { ...state, phase: state.phase === 'DLT_WINDOW' ? 'FOLLOW_UP' : state.phase, dlt: { ...state.dlt, windowClosed: true } };
    case 'AeCollectionEnded':
      return { ...state, aeCollectionEnded: true };
    case 'VisitCompleted': {
      const { entryId, visitId, actualDate, inWindow } = event.data;
      return { ...state, visits: [...state.visits, { entryId, type: event.type, value: { visitId, actualDate, inWindow } }] };
    }
    case 'EfficacyAssessed': {
      const { entryId, ...value } = event.data;
      return { ...state, efficacyAssessments: [...state.efficacyAssessments, { entryId, type: event.type, value }] };
    }
    case 'UnscheduledVisitRecorded':
      return { ...state, unscheduledVisits: [...state.unscheduledVisits, { entryId: event.data.entryId, type: event.type, value: { visitDate: event.data.visitDate, reason: event.data.reason } }] };
    case 'VisitMissed':
      return { ...state, missedVisits: [...state.missedVisits, event.data.visitId] };
    case 'ReminderDue':
      return { ...state, remindersSent: [...state.remindersSent, event.data.reminderId] };
    case 'ReminderDelivered':
    case 'ReminderDeliveryFailed':
      return { ...state, remindersDelivered: [...state.remindersDelivered, { reminderId: event.data.reminderId, delivered: event.type === 'ReminderDelivered' }] };
    case 'DeviationCandidateRaised':
      return { ...state, deviations: [...state.deviations, { ...event.data, status: 'CANDIDATE' }] };
    case 'DeviationConfirmed':
      return { ...state, deviations: state.deviations.map((d) => (d.deviationId === event.data.deviationId ? { ...d, status: 'CONFIRMED', important: event.data.important } : d)) };
    case 'DeviationDismissed':
      return { ...state, deviations: state.deviations.map((d) => (d.deviationId === event.data.deviationId ? { ...d, status: 'DISMISSED' } : d)) };
    case 'EntryCorrected':
      return applyCorrection(state, event.data);
    case 'EntryVoided':
      return applyVoid(state, event.data);
    case 'Withdrawn':
      return { ...state, phase: 'ENDED', endReason: 'WITHDRAWN', safetyFollowUpOnly: event.data.safetyFollowUpConsented, endedOn: event.data.withdrawnOn ?? at.slice(0, 10) };
    case 'LostToFollowUp':
      return { ...state, phase: 'ENDED', endReason: 'LOST_TO_FOLLOW_UP', endedOn: event.data.lastContactOn };
    case 'Died':
      return { ...state, phase: 'ENDED', endReason: 'DIED', endedOn: event.data.diedOn, safetyFollowUpOnly: false };
    case 'StudyCompleted':
      return { ...state, phase: 'ENDED', endReason: 'COMPLETED', endedOn: event.data.completedOn };
    default:
      return assertNever(event);
  }
}

export const fold = (events: readonly ParticipantEvent[], from: ParticipantState = initialState): ParticipantState => events.reduce(evolve, from);
