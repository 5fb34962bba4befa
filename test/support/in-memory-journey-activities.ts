import { ApplicationFailure } from '@temporalio/common';
import type {
  AppendEventsInput,
  AppendEventsResult,
  EventToAppend,
  JourneyActivities,
  NotificationActivities,
  ReminderDeliveryResult,
  ReminderNotification,
  StreamSnapshot,
} from '@trialflow/contracts';

/**
 * The journey and notification activities over in-memory state, for workflow tests on the time-skipping server
 * (the PostgreSQL store and the real channels are exercised by the integration and end-to-end projects). Same
 * contract as the real store: expected-version check and idempotency by event id.
 */
export class InMemoryJourneyActivities implements JourneyActivities, NotificationActivities {
  readonly streams = new Map<string, EventToAppend[]>();
  readonly notifications: ReminderNotification[] = [];
  appendCalls = 0;
  /** Channels that fail delivery, to exercise ReminderDeliveryFailed. */
  failingChannels = new Set<string>();

  /** The database is away: appends fail and are retried by Temporal. */
  unavailable = false;
  /** The store refuses the journey's appends for good (what a second writer would cause). */
  refusing = false;

  appendEvents = async (input: AppendEventsInput): Promise<AppendEventsResult> => {
    this.appendCalls += 1;
    if (this.unavailable) throw new Error('connect ECONNREFUSED (test: database away)');
    if (this.refusing) throw ApplicationFailure.nonRetryable(`version conflict on ${input.streamId} (test)`, 'StreamVersionConflict');
    const stream = this.streams.get(input.streamId) ?? [];
    const known = new Set(stream.map((e) => e.eventId));
    if (input.events.every((e) => known.has(e.eventId))) return { streamVersion: stream.length, alreadyAppended: true };
    if (stream.length !== input.expectedVersion) throw new Error(`version conflict on ${input.streamId}: ${stream.length} != ${input.expectedVersion}`);
    stream.push(...input.events);
    this.streams.set(input.streamId, stream);
    return { streamVersion: stream.length, alreadyAppended: false };
  };

  readStream = async (streamId: string): Promise<StreamSnapshot> => {
    const stream = this.streams.get(streamId) ?? [];
    const versions = new Map<string, number>();
    stream.forEach((e, i) => versions.set(e.metadata.commandId, i + 1));
    return { events: stream.map((e) => e.event), commandVersions: [...versions] };
  };

  deliverReminder = async (notification: ReminderNotification): Promise<ReminderDeliveryResult> => {
    this.notifications.push(notification);
    const channel = 'webhook';
    const failed = this.failingChannels.has(channel);
    return {
      notificationId: notification.notificationId,
      outcomes: [failed ? { channel, status: 'FAILED', attempts: 3, error: 'HTTP 503' } : { channel, status: 'DELIVERED', attempts: 1, deliveredAt: new Date().toISOString() }],
    };
  };

  eventTypes(streamId: string): string[] {
    return (this.streams.get(streamId) ?? []).map((e) => e.event.type);
  }

  allEvents(): EventToAppend[] {
    return [...this.streams.values()].flat();
  }
}
