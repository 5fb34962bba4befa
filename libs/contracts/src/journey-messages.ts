import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, Deadline, ImportEntry, ParticipantCommand, ParticipantState, ParticipantSummary } from '@trialflow/domain';

/** What every journey Update returns: the new stream version (the API's ETag) and the participant summary. */
export interface CommandResult {
  readonly streamVersion: number;
  readonly summary: ParticipantSummary;
}

export interface RegisterParticipantRequest {
  readonly commandId: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly participantCode: string;
  readonly trialId: string;
  readonly cohortId: string;
  readonly siteId: string;
  readonly ageYears?: number;
  readonly sex?: 'F' | 'M';
}

/** Commands people send; registration, timers and delivery reports are the orchestrator's own. */
export type ClientCommand = Exclude<ParticipantCommand, { type: 'RegisterParticipant' | 'ReachDeadline' | 'RecordReminderDelivery' }>;
export type ClientCommandType = ClientCommand['type'];

export interface JourneyCommandRequest {
  readonly command: ClientCommand;
  readonly correlationId: string;
  /**
   * The stream version the client last saw (HTTP If-Match): the command is refused with STALE_VERSION if the
   * participant has changed since, so nobody acts on a screen that is out of date.
   */
  readonly expectedVersion?: number;
}

/** State carried across continue-as-new: only what the stream cannot give back. */
export interface JourneyResume {
  readonly streamVersion: number;
}

export interface JourneyWorkflowInput {
  readonly participantId: string;
  readonly participantCode: string;
  readonly resume?: JourneyResume;
}

export const registerParticipantUpdate = defineUpdate<CommandResult, [RegisterParticipantRequest]>('RegisterParticipant');

/**
 * One Update per command type, named after it, so the workflow's history reads as the journey (an
 * `AdministerLymphodepletionDose` update, a `RecordInfusion` update). The Update id is the client's command id.
 */
export const commandUpdate = (type: ClientCommandType) => defineUpdate<CommandResult, [JourneyCommandRequest]>(type);

export const CLIENT_COMMAND_TYPES = [
  'SignConsent', 'RecordScreeningObservation', 'AttestEligibilityCriterion', 'EvaluateEligibility', 'SignEligibility', 'FailScreening',
  'StartRescreening', 'Enrol', 'RecordMedicationStop', 'RecordLymphodepletionDoseCalculation', 'AdministerLymphodepletionDose',
  'RecordPreInfusionCheck', 'AllocateProductLot', 'StartThaw', 'RecordInfusion', 'ReportAdverseEvent', 'ReportSaeToSponsor', 'AssessCrs',
  'AssessIcans', 'FlagDltCandidate', 'AdjudicateDlt', 'CompleteVisit', 'RecordEfficacyAssessment', 'RecordUnscheduledVisit', 'ConfirmDeviation', 'DismissDeviation',
  'CorrectEntry', 'VoidEntry', 'Withdraw', 'MarkLostToFollowUp', 'RecordDeath', 'CompleteStudy',
] as const satisfies readonly ClientCommandType[];

/**
 * A participant's journey imported from source records as one unit (legacy EDC or paper records entered after
 * the fact; the demo data): every entry decided at its own instant, all or none. The Update id is `importId`.
 * An import may start the journey: its first entry is then the registration.
 */
export interface ImportJourneyRequest {
  readonly importId: string;
  /** Who runs the import: recorded with every imported event beside the entry's own actor. */
  readonly importedBy: Actor;
  /** Why: recorded with every imported event that has no reason of its own. */
  readonly reason: string;
  readonly correlationId: string;
  readonly entries: readonly ImportEntry[];
}

/** Bounds one Update's payload well under Temporal's 2 MB blob limit; a longer history goes in several imports. */
export const MAX_IMPORT_ENTRIES = 500;

export const importJourneyUpdate = defineUpdate<CommandResult, [ImportJourneyRequest]>('ImportJourney');

export const summaryQuery = defineQuery<ParticipantSummary>('summary');
export const pendingDeadlinesQuery = defineQuery<readonly Deadline[]>('pendingDeadlines');
export const stateQuery = defineQuery<ParticipantState>('state');

/**
 * How far the event store has caught up with the journey. The journey answers a command once its events are in
 * its durable history and writes them to the store behind the answer, in order; `storedVersion` reaches
 * `decidedVersion` milliseconds later (longer while the database is away). `failure` is set if the store refused
 * the journey's events for good.
 */
export interface StoreStatus {
  readonly decidedVersion: number;
  readonly storedVersion: number;
  readonly failure?: string;
}
export const storeStatusQuery = defineQuery<StoreStatus>('storeStatus');

/** ApplicationFailure type of a domain rejection; its details carry the DomainError. */
export const DOMAIN_REJECTION_FAILURE_TYPE = 'DomainRejection';
