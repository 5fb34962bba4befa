import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { participantStreamId } from '@trialflow/domain';
import type { DataSource } from 'typeorm';

/** What the API needs to route a command to a participant's journey and to scope it to a site. */
export interface ParticipantAddress {
  readonly participantId: string;
  readonly participantCode: string;
  readonly trialId: string;
  readonly siteId: string;
}

/** The journey answers a registration a few milliseconds before its event is in the store (write-behind). */
const REGISTRATION_VISIBILITY_WAIT_MS = 1_000;
const POLL_MS = 25;
const MAX_CACHED = 20_000;

/**
 * participantId → participant code (and site). Clients address a participant by the UUID the registration
 * answered (its Location); the journey workflow is keyed by the pseudonymous code. The mapping never changes
 * once registered, so it is cached for the life of the process. The source is the participant's
 * registration event in the event store (the record itself, not a read model that may lag by a second).
 */
@Injectable()
export class ParticipantDirectory {
  private readonly cache = new Map<string, ParticipantAddress>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Remembers a participant this process has just registered, so a command right after needs no lookup. */
  remember(address: ParticipantAddress): void {
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(address.participantId, address);
  }

  /**
   * The participant's address, or undefined when no participant has that id. A miss is looked up again for
   * a moment: the registration may have been answered by another API instance an instant ago.
   */
  async find(participantId: string): Promise<ParticipantAddress | undefined> {
    const cached = this.cache.get(participantId);
    if (cached) return cached;
    const giveUpAt = Date.now() + REGISTRATION_VISIBILITY_WAIT_MS;
    for (;;) {
      const found = await this.registrationOf(participantId);
      if (found) {
        this.remember(found);
        return found;
      }
      if (Date.now() >= giveUpAt) return undefined;
      await sleep(POLL_MS);
    }
  }

  private async registrationOf(participantId: string): Promise<ParticipantAddress | undefined> {
    const rows = (await this.db.query(
      `SELECT data->>'participantCode' AS code, data->>'trialId' AS trial_id, data->>'siteId' AS site_id
         FROM events WHERE stream_id = $1 AND stream_position = 1 AND event_type = 'ParticipantRegistered'`,
      [participantStreamId(participantId)],
    )) as { code: string; trial_id: string; site_id: string }[];
    const row = rows[0];
    return row ? { participantId, participantCode: row.code, trialId: row.trial_id, siteId: row.site_id } : undefined;
  }
}
