import type { Actor, IsoInstant, ParticipantEvent } from '@trialflow/domain';

/** Metadata recorded with every event, so the store alone is an attributable audit trail. */
export interface EventMetadata {
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly reason?: string;
  readonly occurredAt: IsoInstant;
  readonly workflowId: string;
  readonly workflowRunId: string;
}

export interface EventToAppend {
  /** Generated inside the workflow (replay-stable), so a retried append is recognised, not repeated. */
  readonly eventId: string;
  readonly event: ParticipantEvent;
  readonly metadata: EventMetadata;
}

export interface AppendEventsInput {
  readonly streamId: string;
  readonly streamType: 'participant';
  readonly trialId: string;
  readonly expectedVersion: number;
  readonly events: readonly EventToAppend[];
}

export interface AppendEventsResult {
  readonly streamVersion: number;
  /** True when every event was already stored by an earlier attempt of the same append. */
  readonly alreadyAppended: boolean;
}

/** Activities the journey workflow calls. Workflows import this type only; the worker implements it. */
export interface JourneyActivities {
  appendEvents(input: AppendEventsInput): Promise<AppendEventsResult>;
}
