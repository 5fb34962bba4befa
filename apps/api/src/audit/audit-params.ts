import { SDTM_DOMAINS } from '@trialflow/read-models';
import { z } from 'zod';
import { trialIdParamSchema } from '../participants/register-participant/register-participant.request.js';

export const participantParamsSchema = z.object({ participantId: z.uuid({ error: 'must be a UUID' }) });
export const trialParamsSchema = z.object({ trialId: trialIdParamSchema });

/** Endpoints that take no query parameters still refuse unknown ones, so a typo is a 400, never ignored. */
export const noQuerySchema = z.strictObject({});

export const stateAsOfQuerySchema = z
  .strictObject({
    asOf: z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 instant with a time zone, e.g. 2026-03-02T09:00:00Z' })
      .describe('The instant to reconstruct the participant at.'),
    basis: z
      .enum(['recorded', 'clinical'], { error: 'must be recorded or clinical' })
      .default('recorded')
      .describe('recorded: what the record said at that instant (events recorded by then); clinical: what had happened at the site by then, as known now (events that occurred by then, with their later corrections).'),
  })
  .meta({ title: 'StateAsOfQuery' });

export const sdtmQuerySchema = z
  .strictObject({
    domain: z
      .enum(SDTM_DOMAINS, { error: `must be one of ${SDTM_DOMAINS.join(', ')}` })
      .optional()
      .describe('One domain as a single CSV file; without it, every domain as a zip of CSV files.'),
  })
  .meta({ title: 'SdtmExportQuery' });
