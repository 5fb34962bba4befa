import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { participantStreamId, upcast, type EventOf } from '@trialflow/domain';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../app-config.provider.js';

export interface EligibilityRecord {
  readonly evaluation: EventOf<'EligibilityEvaluated'> | undefined;
  readonly signature: EventOf<'EligibilitySigned'> | undefined;
  readonly streamVersion: number;
}

/**
 * The latest eligibility evaluation of a participant and its signature, from the event store: exactly the
 * record an investigator signs (its `recordHash`), which no read model keeps.
 */
@Injectable()
export class EligibilityEvaluationQuery {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Waits (bounded) for the store to hold `minVersion` of the stream; undefined when it does not in time. */
  async execute(participantId: string, minVersion = 0): Promise<EligibilityRecord | undefined> {
    const streamId = participantStreamId(participantId);
    const giveUpAt = Date.now() + (minVersion > 0 ? this.config.api.readYourWritesTimeoutMs : 0);
    for (;;) {
      const [row] = (await this.db.query(`SELECT version::int AS version FROM event_streams WHERE stream_id = $1`, [streamId])) as { version: number }[];
      if ((row?.version ?? 0) >= minVersion) return this.read(streamId, row?.version ?? 0);
      if (Date.now() >= giveUpAt) return undefined;
      await sleep(25);
    }
  }

  private async read(streamId: string, streamVersion: number): Promise<EligibilityRecord> {
    const rows = (await this.db.query(
      `SELECT event_type AS type, schema_version AS "schemaVersion", occurred_at AS "occurredAt", data
         FROM events WHERE stream_id = $1 AND event_type IN ('EligibilityEvaluated', 'EligibilitySigned')
         ORDER BY stream_position DESC`,
      [streamId],
    )) as { type: string; schemaVersion: number; occurredAt: Date; data: unknown }[];
    const events = rows.map((r) => upcast({ ...r, occurredAt: r.occurredAt.toISOString() }));
    const evaluation = events.find((e): e is EventOf<'EligibilityEvaluated'> => e.type === 'EligibilityEvaluated');
    const signature = events.find((e): e is EventOf<'EligibilitySigned'> => e.type === 'EligibilitySigned' && e.data.episode === evaluation?.data.episode);
    return { evaluation, signature, streamVersion };
  }
}
