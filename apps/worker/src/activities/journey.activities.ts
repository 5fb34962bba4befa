import { ApplicationFailure } from '@temporalio/activity';
import type { AppendEventsInput, AppendEventsResult, JourneyActivities, StreamSnapshot } from '@trialflow/contracts';
import { upcast } from '@trialflow/domain';
import { EventIdReuseError, InvalidAppendError, StreamVersionConflictError, type PostgresEventStore } from '@trialflow/event-store';

/**
 * The journey's activities, bound to the event store. Idempotent: the workflow generates the event ids,
 * so a retry after a lost acknowledgement is recognised by the store and reported as already appended.
 */
export function createJourneyActivities(eventStore: PostgresEventStore): JourneyActivities {
  return {
    async appendEvents(input: AppendEventsInput): Promise<AppendEventsResult> {
      try {
        return await eventStore.append({
          streamId: input.streamId,
          streamType: input.streamType,
          trialId: input.trialId,
          expectedVersion: input.expectedVersion,
          events: input.events.map((e) => ({
            eventId: e.eventId,
            eventType: e.event.type,
            schemaVersion: e.event.schemaVersion,
            data: e.event.data,
            metadata: e.metadata,
            occurredAt: e.event.occurredAt,
          })),
        });
      } catch (error) {
        // Not retryable: the single-writer design makes the first two bugs, a malformed append is one too, and
        // retrying cannot fix any of them.
        if (error instanceof StreamVersionConflictError || error instanceof EventIdReuseError || error instanceof InvalidAppendError) {
          throw ApplicationFailure.nonRetryable(error.message, error.name);
        }
        throw error;
      }
    },

    async readStream(streamId: string): Promise<StreamSnapshot> {
      const stored = await eventStore.readStream(streamId);
      const commandVersions = new Map<string, number>();
      for (const e of stored) {
        const commandId = e.metadata['commandId'];
        if (typeof commandId === 'string') commandVersions.set(commandId, e.streamPosition);
      }
      return {
        events: stored.map((e) => upcast({ type: e.eventType, schemaVersion: e.schemaVersion, occurredAt: e.occurredAt, data: e.data })),
        commandVersions: [...commandVersions],
      };
    },
  };
}
