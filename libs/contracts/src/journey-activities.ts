import type { Actor, IsoInstant, ParticipantEvent } from '@trialflow/domain';

/** Metadata recorded with every event, so the store alone is an attributable audit trail. */
export interface EventMetadata {
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly reason?: string;
  /**
   * Set on events of an imported journey (source records entered after the fact): who ran the import. `actor`
   * stays the person who made the entry at the source; the store's `recorded_at` says when it was imported.
   */
  readonly importedBy?: Actor;
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
  /** True when every event was already stored by an earlier attempt of the same append (a retry). */
  readonly alreadyAppended: boolean;
}

/** The stream as the workflow needs it to resume after continue-as-new: events and which command wrote them. */
export interface StreamSnapshot {
  readonly events: readonly ParticipantEvent[];
  /** For each command id, the stream version after its last event: a retried command is answered, not repeated. */
  readonly commandVersions: readonly (readonly [commandId: string, streamVersion: number])[];
}

/** Activities the journey workflow calls. Workflows import this type only; the worker implements it. */
export interface JourneyActivities {
  appendEvents(input: AppendEventsInput): Promise<AppendEventsResult>;
  readStream(streamId: string): Promise<StreamSnapshot>;
}

/**
 * A due visit reminder to deliver to the site. Only pseudonymous identifiers: it leaves the system by webhook
 * and e-mail. `notificationId` is stable for the reminder (workflow id + reminder id), so it is the outbox key
 * and the idempotency key sent to every channel: a retried activity never notifies twice.
 */
export interface ReminderNotification {
  readonly notificationId: string;
  readonly reminderId: string;
  readonly participantCode: string;
  readonly trialId: string;
  readonly siteId: string;
  readonly visitId?: string;
  readonly subject: string;
  /** The site-local date the reminder is about, and the site's zone (for rendering local times). */
  readonly dueOn: string;
  readonly timeZone: string;
  readonly escalation: boolean;
}

export interface ChannelOutcome {
  readonly channel: string;
  readonly status: 'DELIVERED' | 'FAILED';
  readonly attempts: number;
  readonly error?: string;
  readonly deliveredAt?: string;
}

export interface ReminderDeliveryResult {
  readonly notificationId: string;
  readonly outcomes: readonly ChannelOutcome[];
}

/** Delivery of reminders: writes the outbox row, then delivers through every configured channel. */
export interface NotificationActivities {
  deliverReminder(notification: ReminderNotification): Promise<ReminderDeliveryResult>;
}
