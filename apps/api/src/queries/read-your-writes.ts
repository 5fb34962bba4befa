import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { participantStreamId } from '@trialflow/domain';
import { waitForProjection } from '@trialflow/read-models';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../app-config.provider.js';
import { problem } from '../http/problem.js';

/** `participantId` and `minVersion` of the lists that can wait for one's own write. */
export const readYourWritesQueryShape = {
  participantId: z.uuid({ error: 'must be a UUID' }).optional().describe('Only this participant.'),
  minVersion: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .optional()
    .describe("With participantId: wait (briefly) until the list reflects at least this version of the participant's stream (read-your-writes after a command)."),
};

/** A query schema with `minVersion` refuses it without `participantId`: a version is a version of one participant's stream. */
export const minVersionNeedsParticipant = (value: { participantId?: string | undefined; minVersion?: number | undefined }, ctx: z.RefinementCtx) => {
  if (value.minVersion !== undefined && value.participantId === undefined) {
    ctx.addIssue({ code: 'custom', path: ['minVersion'], message: 'needs participantId (a version is of one participant’s stream)' });
  }
};

/**
 * Read-your-writes for lists: waits, bounded by READ_YOUR_WRITES_TIMEOUT_MS, until the projection behind the
 * list has applied the participant's stream up to the version a command answered. Unlike a row's version
 * this also holds when the command removed rows (a visit done leaves the worklist).
 */
@Injectable()
export class ReadYourWrites {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async await(projection: string, participantId: string | undefined, minVersion: number | undefined): Promise<void> {
    if (participantId === undefined || minVersion === undefined || minVersion <= 0) return;
    const reflected = await waitForProjection(this.db.manager, projection, participantStreamId(participantId), minVersion, { timeoutMs: this.config.api.readYourWritesTimeoutMs });
    if (!reflected) {
      const p = problem(503, 'READ_MODEL_BEHIND', 'The read model has not caught up yet', `The ${projection} list does not reflect version ${minVersion} yet.`);
      p.headers['Retry-After'] = '1';
      throw p;
    }
  }
}
