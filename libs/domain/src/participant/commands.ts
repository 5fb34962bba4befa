import type { Actor } from '../shared/actor.js';
import type { IsoInstant } from '../shared/time.js';

/** Envelope common to every command: who, which idempotency key, and (for corrections) why. */
export interface CommandMeta {
  readonly commandId: string;
  readonly actor: Actor;
  readonly reason?: string;
}

export interface RegisterParticipant extends CommandMeta {
  readonly type: 'RegisterParticipant';
  readonly data: {
    readonly participantId: string;
    readonly participantCode: string;
    readonly trialId: string;
    readonly cohortId: string;
    readonly siteId: string;
  };
}

/** A deadline from `plan()` was reached; issued by the orchestrator's timer, never by a user. */
export interface ReachDeadline extends CommandMeta {
  readonly type: 'ReachDeadline';
  readonly data: { readonly deadlineId: string; readonly dueAt: IsoInstant };
}

export type ParticipantCommand = RegisterParticipant | ReachDeadline;
