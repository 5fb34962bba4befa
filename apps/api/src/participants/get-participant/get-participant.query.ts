import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ParticipantRow } from '@trialflow/read-models';
import type { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../app-config.provider.js';

export type ParticipantLookup =
  | { readonly status: 'found'; readonly row: ParticipantRow }
  | { readonly status: 'not-found' }
  | { readonly status: 'behind'; readonly version: number; readonly row?: ParticipantRow };

const POLL_MS = 25;

/**
 * Reads the participants read model. With `minVersion`, waits (briefly, bounded by configuration) until the
 * projection reflects at least that stream version: read-your-writes after a command.
 */
@Injectable()
export class GetParticipantQuery {
  constructor(
    @InjectRepository(ParticipantRow) private readonly rows: Repository<ParticipantRow>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(participantId: string, minVersion = 0): Promise<ParticipantLookup> {
    const giveUpAt = Date.now() + (minVersion > 0 ? this.config.api.readYourWritesTimeoutMs : 0);
    for (;;) {
      const row = await this.rows.findOneBy({ participantId });
      if (row && row.lastStreamVersion >= minVersion) return { status: 'found', row };
      if (Date.now() >= giveUpAt) return row ? { status: 'behind', version: row.lastStreamVersion, row } : minVersion > 0 ? { status: 'behind', version: 0 } : { status: 'not-found' };
      await sleep(POLL_MS);
    }
  }
}
