import type { ParticipantEvent } from './events.js';

/** A stored event as read back: its type and schema version say which shape its data has. */
export interface StoredShape {
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly data: unknown;
}

type Upcaster = (event: StoredShape) => StoredShape;

/**
 * Pure functions that lift an old event shape to the next version, keyed by `type@version`. Stored events
 * are never rewritten: readers upcast on the way in. A new version adds one entry (and a test with a stored
 * example of the old shape).
 */
const UPCASTERS: Readonly<Record<string, Upcaster>> = {
  // Schema 1 dropped the withdrawal date that was entered: it cannot be recovered, so it stays absent (readers
  // fall back to the recording date, as they did) rather than be invented from the recording instant.
  'Withdrawn@1': (event) => ({ ...event, schemaVersion: 2 }),
};

export function upcast(stored: StoredShape): ParticipantEvent {
  let event = stored;
  for (let step = UPCASTERS[`${event.type}@${event.schemaVersion}`]; step; step = UPCASTERS[`${event.type}@${event.schemaVersion}`]) {
    event = step(event);
  }
  return event as ParticipantEvent;
}
