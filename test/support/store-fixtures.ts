import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@trialflow/event-store';

/** A generic event with the metadata every event must carry (actor, command, correlation, causation). */
export const newEvent = (type = 'Something', data: object = {}, occurredAt = '2026-05-01T08:00:00.000Z'): NewEvent => {
  const commandId = randomUUID();
  return {
    eventId: randomUUID(),
    eventType: type,
    schemaVersion: 1,
    data,
    metadata: { actor: { id: 'u-1', role: 'coordinator', siteId: 'DEMO-01' }, commandId, correlationId: randomUUID(), causationId: commandId },
    occurredAt,
  };
};

export const testStream = (): string => `test-${randomUUID()}`;
