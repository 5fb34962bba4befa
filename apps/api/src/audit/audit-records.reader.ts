import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { findProtocol, participantStreamId } from '@trialflow/domain';
import { STORED_EVENT_COLUMNS, storedEventColumns, toStoredEvent, type StoredEvent, type StoredEventRow } from '@trialflow/event-store';
import { subjectFacts, type ExportSubject, type SubjectFacts } from '@trialflow/read-models';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { canAccessSite } from '../auth/site-access.js';
import { problem } from '../http/problem.js';

export interface AuditedParticipant {
  readonly participantId: string;
  readonly streamId: string;
  readonly facts: SubjectFacts;
  readonly events: readonly StoredEvent[];
}

/**
 * What the audit endpoints read: a participant's stream, or a trial's, straight from the event store (the
 * record itself, never a read model), scoped to the user's sites. A participant of another site is a 404, as
 * if it did not exist (auth/site-access.ts).
 */
@Injectable()
export class AuditRecordsReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async participant(user: AuthenticatedUser, participantId: string): Promise<AuditedParticipant> {
    const streamId = participantStreamId(participantId);
    const rows = (await this.db.query(`SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_position`, [streamId])) as StoredEventRow[];
    const events = rows.map(toStoredEvent);
    const facts = subjectFacts({ streamId, events });
    if (!facts || !canAccessSite(user, facts.siteId)) throw problem(404, 'PARTICIPANT_NOT_FOUND', 'Not found', `No participant ${participantId}.`);
    return { participantId, streamId, facts, events };
  }

  /** The streams of a trial's participants registered at the user's sites (an unknown trial is a 404). */
  async trial(user: AuthenticatedUser, trialId: string): Promise<ExportSubject[]> {
    if (!findProtocol(trialId)) throw problem(404, 'TRIAL_NOT_FOUND', 'Not found', `No trial ${trialId}.`, { errors: [{ field: 'trialId', message: 'is not a trial of this system' }] });
    const rows = (await this.db.query(
      `SELECT ${storedEventColumns('e')} FROM events e
        WHERE e.stream_id IN (
          SELECT r.stream_id FROM events r JOIN event_streams s ON s.stream_id = r.stream_id
           WHERE s.trial_id = $1 AND s.stream_type = 'participant' AND r.stream_position = 1
             AND r.event_type = 'ParticipantRegistered' AND r.data->>'siteId' = ANY($2::text[]))
        ORDER BY e.stream_id, e.stream_position`,
      [trialId, [...user.sites]],
    )) as StoredEventRow[];
    const streams = new Map<string, StoredEvent[]>();
    for (const event of rows.map(toStoredEvent)) {
      const stream = streams.get(event.streamId);
      if (stream) stream.push(event);
      else streams.set(event.streamId, [event]);
    }
    return [...streams].map(([streamId, events]) => ({ streamId, events }));
  }
}
