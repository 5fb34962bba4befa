import type { Actor } from '../shared/actor.js';
import type { IsoDate, IsoInstant } from '../shared/time.js';
import type { Quantity } from '../calculators/shared/quantity.js';
import type { CrsAssessmentInputs } from '../calculators/toxicity/crs/crs-grade.js';
import type { IcansAssessmentInputs } from '../calculators/toxicity/icans/icans-grade.js';
import type { AdverseEventReportedV1, ConsentSignedV1, ObservationValue } from './events.js';

/**
 * The journey's command catalogue. Every command carries who issued it (actor id, role, site) and its
 * idempotency key; corrections, voids and other changes of record carry a mandatory reason (21 CFR 11.10(e),
 * ICH E6(R3) audit trail: "who, what, when and why").
 */
export interface CommandMeta {
  readonly commandId: string;
  readonly actor: Actor;
  readonly reason?: string;
}

type Command<T extends string, D> = CommandMeta & { readonly type: T; readonly data: D };

export type RegisterParticipant = Command<'RegisterParticipant', {
  readonly participantId: string;
  readonly participantCode: string;
  readonly trialId: string;
  readonly cohortId: string;
  readonly siteId: string;
  readonly ageYears?: number;
  readonly sex?: 'F' | 'M';
}>;
export type SignConsent = Command<'SignConsent', Omit<ConsentSignedV1['data'], 'entryId'>>;
export type RecordScreeningObservation = Command<'RecordScreeningObservation', ObservationValue>;
export type AttestEligibilityCriterion = Command<'AttestEligibilityCriterion', { readonly criterionCode: string; readonly attested: boolean; readonly note?: string }>;
export type EvaluateEligibility = Command<'EvaluateEligibility', Record<string, never>>;
export type SignEligibility = Command<'SignEligibility', {
  readonly meaning: string;
  /** The hash of the evaluation the investigator was shown: a changed record cannot be signed unseen. */
  readonly recordHash: string;
  /** Set by the API after re-authentication (21 CFR 11.200): the domain refuses an unauthenticated signature. */
  readonly reauthenticated: boolean;
}>;
export type FailScreening = Command<'FailScreening', { readonly reason: string }>;
export type StartRescreening = Command<'StartRescreening', { readonly reason: string }>;
export type Enrol = Command<'Enrol', { readonly doseLevelId: string }>;
export type RecordMedicationStop = Command<'RecordMedicationStop', { readonly drugClass: string; readonly drugName: string; readonly lastDoseOn: IsoDate }>;
/** Raw measurements only: the decider computes BSA, renal function and the doses with the versioned calculators. */
export type RecordLymphodepletionDoseCalculation = Command<'RecordLymphodepletionDoseCalculation', {
  readonly height: Quantity;
  readonly weight: Quantity;
  readonly serumCreatinine: Quantity;
  readonly measuredOn: IsoDate;
}>;
export type AdministerLymphodepletionDose = Command<'AdministerLymphodepletionDose', { readonly drug: string; readonly day: number; readonly doseMg: number; readonly administeredAt: IsoInstant }>;
export type RecordPreInfusionCheck = Command<'RecordPreInfusionCheck', { readonly items: Record<string, boolean> }>;
export type AllocateProductLot = Command<'AllocateProductLot', { readonly lotId: string; readonly bagIds: readonly string[]; readonly carPositiveCellsPerBag?: number }>;
export type StartThaw = Command<'StartThaw', { readonly bagIds: readonly string[]; readonly startedAt: IsoInstant }>;
export type RecordInfusion = Command<'RecordInfusion', {
  readonly startedAt: IsoInstant;
  readonly completedAt: IsoInstant;
  readonly carPositiveCellsInfused: number;
  readonly weightKg: number;
}>;
export type ReportAdverseEvent = Command<'ReportAdverseEvent', Omit<AdverseEventReportedV1['data'], 'entryId' | 'aeId'> & { readonly aeId?: string }>;
export type ReportSaeToSponsor = Command<'ReportSaeToSponsor', { readonly aeId: string; readonly reportedAt: IsoInstant }>;
/** Raw ASTCT parameters: the grade is derived (and versioned) by the decider, never typed in. */
export type AssessCrs = Command<'AssessCrs', { readonly assessedAt: IsoInstant; readonly parameters: CrsAssessmentInputs }>;
/** Raw ICE/CAPD and neurological findings; the participant's age comes from the record (CAPD at ≤12 years). */
export type AssessIcans = Command<'AssessIcans', { readonly assessedAt: IsoInstant; readonly parameters: Omit<IcansAssessmentInputs, 'ageYears'> }>;
export type FlagDltCandidate = Command<'FlagDltCandidate', { readonly sourceEntryId: string; readonly rule: string; readonly description: string }>;
export type AdjudicateDlt = Command<'AdjudicateDlt', { readonly candidateId: string; readonly isDlt: boolean; readonly rationale: string; readonly meaning: string; readonly reauthenticated: boolean }>;
export type CompleteVisit = Command<'CompleteVisit', { readonly visitId: string; readonly actualDate: IsoDate; readonly assessments: readonly string[] }>;
/**
 * An instrument's score at a completed scheduled visit. The decider checks it against the instrument's range and
 * derives the change from the screening baseline and the response with the versioned calculators.
 */
export type RecordEfficacyAssessment = Command<'RecordEfficacyAssessment', {
  readonly visitId: string;
  readonly instrument: string;
  readonly assessedOn: IsoDate;
  readonly value: number;
  /** The instrument's unit (`score`); optional, but a different unit is refused. */
  readonly unit?: string;
}>;
export type RecordUnscheduledVisit = Command<'RecordUnscheduledVisit', { readonly visitDate: IsoDate; readonly reason: string; readonly assessments: readonly string[] }>;
export type ConfirmDeviation = Command<'ConfirmDeviation', { readonly deviationId: string; readonly important: boolean; readonly reason: string }>;
export type DismissDeviation = Command<'DismissDeviation', { readonly deviationId: string; readonly reason: string }>;
export type CorrectEntry = Command<'CorrectEntry', { readonly entryId: string; readonly changes: Record<string, unknown>; readonly reason: string }>;
export type VoidEntry = Command<'VoidEntry', { readonly entryId: string; readonly reason: string }>;
export type Withdraw = Command<'Withdraw', { readonly reason: string; readonly safetyFollowUpConsented: boolean; readonly withdrawnOn: IsoDate }>;
export type MarkLostToFollowUp = Command<'MarkLostToFollowUp', { readonly lastContactOn: IsoDate; readonly attempts: number }>;
export type RecordDeath = Command<'RecordDeath', { readonly diedOn: IsoDate; readonly cause: string }>;
export type CompleteStudy = Command<'CompleteStudy', { readonly completedOn: IsoDate }>;
/** The delivery outcome of a due reminder, reported by the orchestrator after its delivery activity. */
export type RecordReminderDelivery = Command<'RecordReminderDelivery', {
  readonly reminderId: string;
  readonly notificationId: string;
  readonly delivered: readonly string[];
  readonly failures: readonly { readonly channel: string; readonly error: string; readonly attempts: number }[];
  readonly at: IsoInstant;
}>;
/** A deadline from `plan()` was reached; issued by the orchestrator's timer, never by a user. */
export type ReachDeadline = Command<'ReachDeadline', { readonly deadlineId: string; readonly dueAt: IsoInstant }>;

export type ParticipantCommand =
  | RegisterParticipant | SignConsent | RecordScreeningObservation | AttestEligibilityCriterion | EvaluateEligibility | SignEligibility
  | FailScreening | StartRescreening | Enrol | RecordMedicationStop | RecordLymphodepletionDoseCalculation | AdministerLymphodepletionDose
  | RecordPreInfusionCheck | AllocateProductLot | StartThaw | RecordInfusion | ReportAdverseEvent | ReportSaeToSponsor | AssessCrs
  | AssessIcans | FlagDltCandidate | AdjudicateDlt | CompleteVisit | RecordEfficacyAssessment | RecordUnscheduledVisit | ConfirmDeviation | DismissDeviation
  | CorrectEntry | VoidEntry | Withdraw | MarkLostToFollowUp | RecordDeath | CompleteStudy | RecordReminderDelivery | ReachDeadline;

export type ParticipantCommandType = ParticipantCommand['type'];
export type CommandOf<T extends ParticipantCommandType> = Extract<ParticipantCommand, { type: T }>;
