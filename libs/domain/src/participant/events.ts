import type { Actor } from '../shared/actor.js';
import type { IsoDate, IsoInstant } from '../shared/time.js';

/**
 * The participant journey's event catalogue. Each event has a type and a schema version; a change of shape is
 * a new version with a pure upcaster (upcasters.ts), never an edit of stored events. `occurredAt` is clinical
 * time (when it happened at the site); the event store adds the recording time. Entries that can later be
 * corrected or voided carry an `entryId` (the id of the command that recorded them).
 */
type Event<T extends string, D, V extends number = 1> = { readonly type: T; readonly schemaVersion: V; readonly occurredAt: IsoInstant; readonly data: D };

export interface ObservationValue {
  readonly code: string;
  readonly value: number | string | boolean;
  readonly unit?: string;
  /** Date the sample was taken or the assessment made. */
  readonly observedOn: IsoDate;
  /** Where the value comes from: local lab, central lab, source document, device. */
  readonly source: string;
}

export type CriterionOutcome = 'MET' | 'NOT_MET' | 'MISSING' | 'OUT_OF_DATE' | 'UNIT_MISMATCH';

export interface CriterionResult {
  readonly criterionId: string;
  readonly criterionVersion: number;
  readonly outcome: CriterionOutcome;
  /** The observation entry (or attestation) the outcome was decided on, for the inspector. */
  readonly basedOn?: { readonly entryId: string; readonly value: number | string | boolean; readonly unit?: string; readonly observedOn: IsoDate };
  readonly parts?: readonly CriterionResult[];
}

/** An electronic signature (21 CFR 11.50): who, what it means, when, and the hash of exactly what was signed. */
export interface Signature {
  readonly signer: Actor;
  readonly meaning: string;
  readonly signedAt: IsoInstant;
  readonly recordHash: string;
}

export interface DeviationCandidate {
  /** Stable per rule and subject (e.g. `visit-out-of-window:M3`): the same deviation is never raised twice. */
  readonly deviationId: string;
  readonly rule: DeviationRule;
  readonly important: boolean;
  readonly description: string;
  readonly relatedEntryIds: readonly string[];
}

export type DeviationRule =
  | 'VISIT_OUT_OF_WINDOW'
  | 'VISIT_MISSED'
  | 'DLT_ASSESSMENT_MISSED'
  | 'WASHOUT_TOO_SHORT'
  | 'LD_DOSE_OUTSIDE_TOLERANCE'
  | 'INFUSION_DOSE_OUTSIDE_TOLERANCE'
  | 'INFUSION_DELAYED_AFTER_LD'
  | 'THAW_LIMIT_EXCEEDED'
  | 'SAE_REPORTED_LATE';

export type ParticipantRegisteredV1 = Event<'ParticipantRegistered', {
  readonly participantId: string;
  readonly participantCode: string;
  readonly trialId: string;
  readonly protocolVersion: string;
  readonly cohortId: string;
  readonly siteId: string;
  /** Age in whole years at registration: enough for age rules, no birth date in the record. */
  readonly ageYears?: number;
  readonly sex?: 'F' | 'M';
}>;
export type ConsentSignedV1 = Event<'ConsentSigned', {
  readonly entryId: string;
  readonly icfVersion: string;
  readonly signedOn: IsoDate;
  readonly signers: readonly { readonly role: 'PARTICIPANT' | 'GUARDIAN' | 'WITNESS' | 'INVESTIGATOR'; readonly name: string }[];
  readonly assent: boolean;
  readonly obtainedBy: string;
}>;
export type ScreeningObservationRecordedV1 = Event<'ScreeningObservationRecorded', { readonly entryId: string; readonly episode: number } & ObservationValue>;
export type EligibilityAttestedV1 = Event<'EligibilityAttested', { readonly entryId: string; readonly episode: number; readonly criterionCode: string; readonly attested: boolean; readonly note?: string }>;
export type EligibilityEvaluatedV1 = Event<'EligibilityEvaluated', {
  readonly episode: number;
  readonly cohortId: string;
  readonly protocolVersion: string;
  readonly results: readonly CriterionResult[];
  readonly eligible: boolean;
  /** SHA-256 of the canonical encoding of this evaluation: what an investigator's signature binds to. */
  readonly recordHash: string;
}>;
export type EligibilitySignedV1 = Event<'EligibilitySigned', { readonly episode: number; readonly signature: Signature }>;
export type ScreenFailedV1 = Event<'ScreenFailed', { readonly episode: number; readonly reason: string; readonly failedCriteria: readonly string[] }>;
export type RescreeningStartedV1 = Event<'RescreeningStarted', { readonly episode: number; readonly reason: string }>;
export type ScreeningWindowElapsedV1 = Event<'ScreeningWindowElapsed', { readonly episode: number; readonly windowDays: number; readonly openedAt: IsoInstant }>;
export type EnrolledV1 = Event<'Enrolled', { readonly doseLevelId: string }>;
export type MedicationStoppedV1 = Event<'MedicationStopped', { readonly entryId: string; readonly drugClass: string; readonly drugName: string; readonly lastDoseOn: IsoDate }>;
export type WashoutSatisfiedV1 = Event<'WashoutSatisfied', { readonly satisfiedOn: IsoDate; readonly latestStopEntryId: string | null }>;
export type LymphodepletionDosesCalculatedV1 = Event<'LymphodepletionDosesCalculated', {
  readonly entryId: string;
  readonly inputs: Record<string, unknown>;
  readonly doses: readonly { readonly drug: string; readonly day: number; readonly doseMg: number }[];
  readonly calculations: readonly unknown[];
}>;
export type LymphodepletionDoseAdministeredV1 = Event<'LymphodepletionDoseAdministered', {
  readonly entryId: string;
  readonly drug: string;
  readonly day: number;
  readonly doseMg: number;
  readonly calculatedMg: number;
  readonly deviationPercent: number;
}>;
export type LymphodepletionCompletedV1 = Event<'LymphodepletionCompleted', { readonly lastDoseAt: IsoInstant }>;
export type PreInfusionCheckRecordedV1 = Event<'PreInfusionCheckRecorded', { readonly entryId: string; readonly items: Record<string, boolean>; readonly passed: boolean }>;
export type ProductLotAllocatedV1 = Event<'ProductLotAllocated', { readonly lotId: string; readonly bagIds: readonly string[]; readonly carPositiveCellsPerBag?: number }>;
export type ProductThawStartedV1 = Event<'ProductThawStarted', { readonly bagIds: readonly string[] }>;
export type InfusionCompletedV1 = Event<'InfusionCompleted', {
  readonly entryId: string;
  readonly startedAt: IsoInstant;
  readonly completedAt: IsoInstant;
  /** Calendar date of the infusion at the site: study day 0 (or 1) of every later deadline. */
  readonly infusionDate: IsoDate;
  readonly carPositiveCellsInfused: number;
  readonly weightKg: number;
  readonly targetCells: number;
  readonly percentOfTarget: number;
}>;
export type AdverseEventReportedV1 = Event<'AdverseEventReported', {
  readonly entryId: string;
  readonly aeId: string;
  readonly term: string;
  readonly grade: 1 | 2 | 3 | 4 | 5;
  readonly serious: boolean;
  readonly causality: 'UNRELATED' | 'UNLIKELY' | 'POSSIBLE' | 'PROBABLE' | 'DEFINITE';
  readonly onsetOn: IsoDate;
  readonly resolvedOn?: IsoDate;
  /** When the site became aware: the SAE reporting clock starts here (clinical-domain 2.8). */
  readonly awareAt: IsoInstant;
  /** Haematological AEs follow their own DLT rules (clinical-domain 2.6). */
  readonly haematological?: boolean;
}>;
export type SaeReportedToSponsorV1 = Event<'SaeReportedToSponsor', { readonly aeId: string; readonly reportedAt: IsoInstant; readonly hoursAfterAwareness: number }>;
export type CrsAssessedV1 = Event<'CrsAssessed', { readonly entryId: string; readonly assessedAt: IsoInstant; readonly parameters: Record<string, unknown>; readonly grade: number; readonly algorithm: string }>;
export type IcansAssessedV1 = Event<'IcansAssessed', { readonly entryId: string; readonly assessedAt: IsoInstant; readonly parameters: Record<string, unknown>; readonly grade: number; readonly algorithm: string }>;
export type DltCandidateFlaggedV1 = Event<'DltCandidateFlagged', { readonly candidateId: string; readonly sourceEntryId: string; readonly rule: string; readonly description: string }>;
export type DltAdjudicatedV1 = Event<'DltAdjudicated', { readonly candidateId: string; readonly isDlt: boolean; readonly rationale: string; readonly signature: Signature }>;
export type DltWindowClosedV1 = Event<'DltWindowClosed', { readonly fromDate: IsoDate; readonly toDate: IsoDate; readonly dltCount: number; readonly pendingCandidates: number }>;
export type AeCollectionEndedV1 = Event<'AeCollectionEnded', { readonly lastDate: IsoDate }>;
export type VisitCompletedV1 = Event<'VisitCompleted', { readonly entryId: string; readonly visitId: string; readonly actualDate: IsoDate; readonly assessments: readonly string[]; readonly inWindow: boolean }>;
/** A score's response against the participant's baseline under the instrument's published definition. */
export interface EfficacyResponse {
  readonly outcome: 'RESPONSE' | 'NO_RESPONSE' | 'NOT_EVALUABLE';
  readonly definition: string;
  /** `calculator@version` of the rule applied; absent when there was nothing to apply it to (no baseline). */
  readonly algorithm?: string;
  /** Why the response is not evaluable. */
  readonly reason?: string;
}
/**
 * An instrument's score at a scheduled visit. The change from baseline and the response are derived by the
 * versioned calculators at the time of recording and stored with their algorithm, so a rescore under a new
 * algorithm is a new event (void and record again), never an edit.
 */
export type EfficacyAssessedV1 = Event<'EfficacyAssessed', {
  readonly entryId: string;
  readonly visitId: string;
  readonly instrument: string;
  readonly assessedOn: IsoDate;
  readonly value: number;
  readonly unit: string;
  /** The screening observation compared against; null when none was recorded. */
  readonly baseline: { readonly entryId: string; readonly value: number; readonly observedOn: IsoDate } | null;
  readonly change: { readonly absolute: number; readonly percent: number | null; readonly algorithm: string } | null;
  /** Null when the calculators define no response for the instrument (only the change is recorded). */
  readonly response: EfficacyResponse | null;
}>;
export type UnscheduledVisitRecordedV1 = Event<'UnscheduledVisitRecorded', { readonly entryId: string; readonly visitDate: IsoDate; readonly reason: string; readonly assessments: readonly string[] }>;
export type VisitMissedV1 = Event<'VisitMissed', { readonly visitId: string; readonly windowClosedOn: IsoDate }>;
export type ReminderDueV1 = Event<'ReminderDue', { readonly reminderId: string; readonly subject: string; readonly visitId?: string; readonly dueOn: IsoDate; readonly escalation: boolean }>;
/** The outcome of delivering a due reminder through the site's channels (webhook, e-mail). */
export type ReminderDeliveredV1 = Event<'ReminderDelivered', { readonly reminderId: string; readonly notificationId: string; readonly channels: readonly string[]; readonly deliveredAt: IsoInstant }>;
export type ReminderDeliveryFailedV1 = Event<'ReminderDeliveryFailed', { readonly reminderId: string; readonly notificationId: string; readonly failures: readonly { readonly channel: string; readonly error: string; readonly attempts: number }[] }>;
export type DeviationCandidateRaisedV1 = Event<'DeviationCandidateRaised', DeviationCandidate>;
export type DeviationConfirmedV1 = Event<'DeviationConfirmed', { readonly deviationId: string; readonly important: boolean; readonly reason: string }>;
export type DeviationDismissedV1 = Event<'DeviationDismissed', { readonly deviationId: string; readonly reason: string }>;
export type EntryCorrectedV1 = Event<'EntryCorrected', {
  readonly entryId: string;
  readonly entryType: string;
  /** Previous and corrected value of each field, side by side for the audit trail. */
  readonly changes: Record<string, { readonly previous: unknown; readonly corrected: unknown }>;
  readonly reason: string;
}>;
export type EntryVoidedV1 = Event<'EntryVoided', { readonly entryId: string; readonly entryType: string; readonly reason: string }>;
/** Schema 1 did not keep the withdrawal date the coordinator entered; read back as schema 2 without it. */
export type WithdrawnV1 = Event<'Withdrawn', { readonly reason: string; readonly safetyFollowUpConsented: boolean }>;
/** Schema 2 keeps the date of withdrawal (the disposition date of SDTM DS). Absent only on schema-1 events. */
export type WithdrawnV2 = Event<'Withdrawn', { readonly reason: string; readonly safetyFollowUpConsented: boolean; readonly withdrawnOn?: IsoDate }, 2>;
export type LostToFollowUpV1 = Event<'LostToFollowUp', { readonly lastContactOn: IsoDate; readonly attempts: number }>;
export type DiedV1 = Event<'Died', { readonly diedOn: IsoDate; readonly cause: string }>;
export type StudyCompletedV1 = Event<'StudyCompleted', { readonly completedOn: IsoDate }>;

export type ParticipantEvent =
  | ParticipantRegisteredV1 | ConsentSignedV1 | ScreeningObservationRecordedV1 | EligibilityAttestedV1 | EligibilityEvaluatedV1
  | EligibilitySignedV1 | ScreenFailedV1 | RescreeningStartedV1 | ScreeningWindowElapsedV1 | EnrolledV1 | MedicationStoppedV1
  | WashoutSatisfiedV1 | LymphodepletionDosesCalculatedV1 | LymphodepletionDoseAdministeredV1 | LymphodepletionCompletedV1
  | PreInfusionCheckRecordedV1 | ProductLotAllocatedV1 | ProductThawStartedV1 | InfusionCompletedV1 | AdverseEventReportedV1
  | SaeReportedToSponsorV1 | CrsAssessedV1 | IcansAssessedV1 | DltCandidateFlaggedV1 | DltAdjudicatedV1 | DltWindowClosedV1
  | AeCollectionEndedV1 | VisitCompletedV1 | EfficacyAssessedV1 | UnscheduledVisitRecordedV1 | VisitMissedV1 | ReminderDueV1 | ReminderDeliveredV1
  | ReminderDeliveryFailedV1 | DeviationCandidateRaisedV1
  | DeviationConfirmedV1 | DeviationDismissedV1 | EntryCorrectedV1 | EntryVoidedV1 | WithdrawnV2 | LostToFollowUpV1 | DiedV1
  | StudyCompletedV1;

export type ParticipantEventType = ParticipantEvent['type'];
export type EventOf<T extends ParticipantEventType> = Extract<ParticipantEvent, { type: T }>;

export const participantStreamId = (participantId: string): string => `participant-${participantId}`;
