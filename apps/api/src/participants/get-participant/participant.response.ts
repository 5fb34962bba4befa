import type { ParticipantRow } from '@trialflow/read-models';

export interface ParticipantView {
  readonly participantId: string;
  readonly participantCode: string;
  readonly trialId: string;
  readonly protocolVersion: string;
  readonly cohortId: string;
  readonly siteId: string;
  readonly phase: string;
  readonly registeredAt: string;
  readonly screeningWindowElapsed: boolean;
  readonly streamVersion: number;
}

export const toParticipantView = (row: ParticipantRow): ParticipantView => ({
  participantId: row.participantId,
  participantCode: row.participantCode,
  trialId: row.trialId,
  protocolVersion: row.protocolVersion,
  cohortId: row.cohortId,
  siteId: row.siteId,
  phase: row.phase,
  registeredAt: row.registeredAt.toISOString(),
  screeningWindowElapsed: row.screeningWindowElapsed,
  streamVersion: row.lastStreamVersion,
});
