import type { Deadline } from './planning/deadline.js';
import { plan } from './planning/plan.js';
import type { ParticipantState } from './state.js';

/** What a caller sees after a command: enough to render the next step without another read. */
export interface ParticipantSummary {
  readonly participantId: string | null;
  readonly participantCode: string | null;
  readonly trialId: string | null;
  readonly cohortId: string | null;
  readonly siteId: string | null;
  readonly phase: ParticipantState['phase'];
  readonly endReason: ParticipantState['endReason'] | null;
  readonly streamVersion: number;
  readonly infusionDate: string | null;
  readonly openDeviations: number;
  readonly nextDeadline: Deadline | null;
}

export function summarize(state: ParticipantState): ParticipantSummary {
  return {
    participantId: state.participantId ?? null,
    participantCode: state.participantCode ?? null,
    trialId: state.trialId ?? null,
    cohortId: state.cohortId ?? null,
    siteId: state.siteId ?? null,
    phase: state.phase,
    endReason: state.endReason ?? null,
    streamVersion: state.version,
    infusionDate: state.infusion?.infusionDate ?? null,
    openDeviations: state.deviations.filter((d) => d.status === 'CANDIDATE').length,
    nextDeadline: plan(state)[0] ?? null,
  };
}
