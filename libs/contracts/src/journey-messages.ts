import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, Deadline, ParticipantSummary } from '@trialflow/domain';

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

export interface JourneyWorkflowInput {
  readonly participantId: string;
  readonly participantCode: string;
}

export const registerParticipantUpdate = defineUpdate<CommandResult, [RegisterParticipantRequest]>('registerParticipant');
export const summaryQuery = defineQuery<ParticipantSummary>('summary');
export const pendingDeadlinesQuery = defineQuery<readonly Deadline[]>('pendingDeadlines');

/** ApplicationFailure type of a domain rejection; its details carry the DomainError. */
export const DOMAIN_REJECTION_FAILURE_TYPE = 'DomainRejection';
