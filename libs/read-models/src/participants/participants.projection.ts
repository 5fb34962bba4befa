import { participantStreamId, type ParticipantEvent } from '@trialflow/domain';
import type { StoredEvent } from '@trialflow/event-store';
import type { EntityManager } from 'typeorm';
import type { Projection } from '../projector/projection.js';
import { ParticipantRow } from './participant.entity.js';

/** Maps a stored row back to the domain event it was written from (upcasters slot in here). */
const asDomainEvent = (e: StoredEvent): ParticipantEvent =>
  ({ type: e.eventType, schemaVersion: e.schemaVersion, occurredAt: e.occurredAt, data: e.data }) as ParticipantEvent;

/** Phase transitions as the domain's evolve makes them (libs/domain participant/evolve.ts). */
const PHASE_AFTER: Partial<Record<ParticipantEvent['type'], string>> = {
  ScreenFailed: 'SCREEN_FAILED',
  RescreeningStarted: 'SCREENING',
  Enrolled: 'ENROLLED',
  LymphodepletionDoseAdministered: 'LYMPHODEPLETION',
  LymphodepletionCompleted: 'AWAITING_INFUSION',
  InfusionCompleted: 'DLT_WINDOW',
  Withdrawn: 'ENDED',
  LostToFollowUp: 'ENDED',
  Died: 'ENDED',
  StudyCompleted: 'ENDED',
};

export const participantsProjection: Projection = {
  name: 'participants',
  async apply(tx: EntityManager, stored: StoredEvent): Promise<void> {
    if (!stored.streamId.startsWith('participant-')) return;
    const event = asDomainEvent(stored);
    const rows = tx.getRepository(ParticipantRow);
    switch (event.type) {
      case 'ParticipantRegistered':
        await rows.insert({
          participantId: event.data.participantId,
          participantCode: event.data.participantCode,
          trialId: event.data.trialId,
          protocolVersion: event.data.protocolVersion,
          cohortId: event.data.cohortId,
          siteId: event.data.siteId,
          phase: 'SCREENING',
          registeredAt: new Date(event.occurredAt),
          screeningWindowElapsed: false,
          lastStreamVersion: stored.streamPosition,
          updatedAt: new Date(stored.recordedAt),
        });
        return;
      case 'ScreeningWindowElapsed':
        await rows.update(
          { participantId: stored.streamId.slice(participantStreamId('').length) },
          { screeningWindowElapsed: true, lastStreamVersion: stored.streamPosition, updatedAt: new Date(stored.recordedAt) },
        );
        return;
      default: {
        // Every event advances the row's version (so minVersion waits terminate); some move the phase.
        const phase = PHASE_AFTER[event.type];
        const participantId = stored.streamId.slice(participantStreamId('').length);
        // Only a participant still in the DLT window moves to follow-up (a withdrawn one stays ended).
        if (event.type === 'DltWindowClosed') await rows.update({ participantId, phase: 'DLT_WINDOW' }, { phase: 'FOLLOW_UP' });
        await rows.update(
          { participantId: stored.streamId.slice(participantStreamId('').length) },
          { lastStreamVersion: stored.streamPosition, updatedAt: new Date(stored.recordedAt), ...(phase ? { phase } : {}) },
        );
      }
    }
  },
};
