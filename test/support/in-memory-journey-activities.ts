import type { AppendEventsInput, AppendEventsResult, EventToAppend, JourneyActivities } from '@trialflow/contracts';

/**
 * The journey activities over an in-memory stream map, for workflow tests on the time-skipping server
 * (the PostgreSQL store is exercised by the integration and end-to-end projects). Same contract as the
 * real store: expected-version check and idempotency by event id.
 */
export class InMemoryJourneyActivities implements JourneyActivities {
  readonly streams = new Map<string, EventToAppend[]>();
  appendCalls = 0;

  appendEvents = async (input: AppendEventsInput): Promise<AppendEventsResult> => {
    this.appendCalls += 1;
    const stream = this.streams.get(input.streamId) ?? [];
    const known = new Set(stream.map((e) => e.eventId));
    if (input.events.every((e) => known.has(e.eventId))) return { streamVersion: stream.length, alreadyAppended: true };
    if (stream.length !== input.expectedVersion) throw new Error(`version conflict on ${input.streamId}: ${stream.length} != ${input.expectedVersion}`);
    stream.push(...input.events);
    this.streams.set(input.streamId, stream);
    return { streamVersion: stream.length, alreadyAppended: false };
  };

  eventTypes(streamId: string): string[] {
    return (this.streams.get(streamId) ?? []).map((e) => e.event.type);
  }

  allEvents(): EventToAppend[] {
    return [...this.streams.values()].flat();
  }
}
