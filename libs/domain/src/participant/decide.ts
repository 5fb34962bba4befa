import { assertNever } from '../shared/domain-error.js';
import type { ParticipantCommand } from './commands.js';
import { reachDeadline } from './decide/deadlines.js';
import { recordReminderDelivery } from './decide/reminders.js';
import type { ParticipantDecision } from './decide/outcome.js';
import { confirmDeviation, correctEntry, dismissDeviation, voidEntry } from './decide/records.js';
import { register, signConsent } from './decide/registration.js';
import { adjudicateDlt, assessCrs, assessIcans, flagDltCandidate, reportAdverseEvent, reportSaeToSponsor } from './decide/safety.js';
import { attestCriterion, evaluate, failScreening, recordObservation, signEligibility, startRescreening } from './decide/screening.js';
import { completeStudy, markLostToFollowUp, recordDeath, withdraw } from './decide/termination.js';
import { administerLdDose, allocateLot, enrol, recordInfusion, recordLdCalculation, recordMedicationStop, recordPreInfusionCheck, startThaw } from './decide/treatment.js';
import { completeVisit, recordUnscheduledVisit } from './decide/visits.js';
import { recordEfficacyAssessment } from './decide/efficacy.js';
import { siteAccess } from './decide/site-access.js';
import type { ParticipantState } from './state.js';

/**
 * The journey's rules: given the state and a command at instant `now`, the events to record, or the broken
 * rule as a DomainError with a stable code. Pure: the workflow's update validator, its handler and the tests
 * all call it.
 */
export function decide(state: ParticipantState, command: ParticipantCommand, now: Date): ParticipantDecision {
  const refused = siteAccess(state, command);
  if (refused) return { ok: false, error: refused };
  switch (command.type) {
    case 'RegisterParticipant': return register(state, command, now);
    case 'SignConsent': return signConsent(state, command, now);
    case 'RecordScreeningObservation': return recordObservation(state, command, now);
    case 'AttestEligibilityCriterion': return attestCriterion(state, command, now);
    case 'EvaluateEligibility': return evaluate(state, command, now);
    case 'SignEligibility': return signEligibility(state, command, now);
    case 'FailScreening': return failScreening(state, command, now);
    case 'StartRescreening': return startRescreening(state, command, now);
    case 'Enrol': return enrol(state, command, now);
    case 'RecordMedicationStop': return recordMedicationStop(state, command, now);
    case 'RecordLymphodepletionDoseCalculation': return recordLdCalculation(state, command, now);
    case 'AdministerLymphodepletionDose': return administerLdDose(state, command, now);
    case 'RecordPreInfusionCheck': return recordPreInfusionCheck(state, command, now);
    case 'AllocateProductLot': return allocateLot(state, command, now);
    case 'StartThaw': return startThaw(state, command, now);
    case 'RecordInfusion': return recordInfusion(state, command, now);
    case 'ReportAdverseEvent': return reportAdverseEvent(state, command, now);
    case 'ReportSaeToSponsor': return reportSaeToSponsor(state, command, now);
    case 'AssessCrs': return assessCrs(state, command, now);
    case 'AssessIcans': return assessIcans(state, command, now);
    case 'FlagDltCandidate': return flagDltCandidate(state, command, now);
    case 'AdjudicateDlt': return adjudicateDlt(state, command, now);
    case 'CompleteVisit': return completeVisit(state, command, now);
    case 'RecordEfficacyAssessment': return recordEfficacyAssessment(state, command, now);
    case 'RecordUnscheduledVisit': return recordUnscheduledVisit(state, command, now);
    case 'ConfirmDeviation': return confirmDeviation(state, command, now);
    case 'DismissDeviation': return dismissDeviation(state, command, now);
    case 'CorrectEntry': return correctEntry(state, command, now);
    case 'VoidEntry': return voidEntry(state, command, now);
    case 'Withdraw': return withdraw(state, command, now);
    case 'MarkLostToFollowUp': return markLostToFollowUp(state, command, now);
    case 'RecordDeath': return recordDeath(state, command, now);
    case 'CompleteStudy': return completeStudy(state, command, now);
    case 'RecordReminderDelivery': return recordReminderDelivery(state, command, now);
    case 'ReachDeadline': return reachDeadline(state, command, now);
    default: return assertNever(command);
  }
}
