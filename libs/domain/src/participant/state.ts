import { assertNever } from '../shared/domain-error.js';
import type { IsoInstant } from '../shared/time.js';
import type { ParticipantEvent } from './events.js';

export type JourneyPhase = 'UNREGISTERED' | 'SCREENING';

export interface ParticipantState {
  readonly phase: JourneyPhase;
  /** Number of events folded: the stream version this state reflects. */
  readonly version: number;
  readonly participantId?: string;
  readonly participantCode?: string;
  readonly trialId?: string;
  readonly protocolVersion?: string;
  readonly cohortId?: string;
  readonly siteId?: string;
  readonly screeningOpenedAt?: IsoInstant;
  readonly screeningWindowElapsed: boolean;
}

export const initialState: ParticipantState = { phase: 'UNREGISTERED', version: 0, screeningWindowElapsed: false };

/** Folds one event. Total and pure: the workflow, projections and the auditor's "as of" replay all use it. */
export function evolve(state: ParticipantState, event: ParticipantEvent): ParticipantState {
  const version = state.version + 1;
  switch (event.type) {
    case 'ParticipantRegistered':
      return {
        ...state,
        version,
        phase: 'SCREENING',
        participantId: event.data.participantId,
        participantCode: event.data.participantCode,
        trialId: event.data.trialId,
        protocolVersion: event.data.protocolVersion,
        cohortId: event.data.cohortId,
        siteId: event.data.siteId,
        screeningOpenedAt: event.occurredAt,
      };
    case 'ScreeningWindowElapsed':
      return { ...state, version, screeningWindowElapsed: true };
    default:
      return assertNever(event);
  }
}

export const fold = (events: readonly ParticipantEvent[], from: ParticipantState = initialState): ParticipantState =>
  events.reduce(evolve, from);
