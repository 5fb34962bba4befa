import type { IsoInstant } from '../shared/time.js';

/**
 * The participant journey's event catalogue. Each event has a type and a schema version; a change of shape
 * is a new version with a pure upcaster, never an edit of stored events. `occurredAt` is clinical time (when
 * it happened at the site); the event store adds the recording time.
 */
export interface ParticipantRegisteredV1 {
  readonly type: 'ParticipantRegistered';
  readonly schemaVersion: 1;
  readonly occurredAt: IsoInstant;
  readonly data: {
    readonly participantId: string;
    readonly participantCode: string;
    readonly trialId: string;
    readonly protocolVersion: string;
    readonly cohortId: string;
    readonly siteId: string;
  };
}

/** The screening period of the protocol ran out before the participant left screening. */
export interface ScreeningWindowElapsedV1 {
  readonly type: 'ScreeningWindowElapsed';
  readonly schemaVersion: 1;
  readonly occurredAt: IsoInstant;
  readonly data: {
    readonly windowDays: number;
    readonly openedAt: IsoInstant;
  };
}

export type ParticipantEvent = ParticipantRegisteredV1 | ScreeningWindowElapsedV1;
export type ParticipantEventType = ParticipantEvent['type'];

export const participantStreamId = (participantId: string): string => `participant-${participantId}`;
