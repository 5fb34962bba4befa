import { z } from 'zod';

const PHASES = ['UNREGISTERED', 'SCREENING', 'SCREEN_FAILED', 'ENROLLED', 'LYMPHODEPLETION', 'AWAITING_INFUSION', 'DLT_WINDOW', 'FOLLOW_UP', 'ENDED'] as const;
const END_REASONS = ['WITHDRAWN', 'LOST_TO_FOLLOW_UP', 'DIED', 'COMPLETED'] as const;

/**
 * What every command answers (the journey Update's result), for the OpenAPI document. The journey builds it
 * (libs/domain summarize); this schema documents it and is not used to validate.
 */
export const commandResultSchema = z
  .object({
    streamVersion: z.number().int().describe("The participant stream's version after the command (also the ETag). Read with ?minVersion= to see it reflected."),
    summary: z
      .object({
        participantId: z.uuid().nullable(),
        participantCode: z.string().nullable(),
        trialId: z.string().nullable(),
        cohortId: z.string().nullable(),
        siteId: z.string().nullable(),
        phase: z.enum(PHASES),
        endReason: z.enum(END_REASONS).nullable(),
        streamVersion: z.number().int(),
        infusionDate: z.iso.date().nullable().describe('Calendar date of the CAR-T infusion at the site (study day 0 or 1).'),
        openDeviations: z.number().int().describe('Deviation candidates awaiting confirmation or dismissal.'),
        nextDeadline: z
          .object({
            id: z.string(),
            kind: z.string(),
            dueAt: z.iso.datetime(),
            causedAt: z.iso.datetime(),
            visitId: z.string().optional(),
            aeId: z.string().optional(),
            escalation: z.boolean().optional(),
            label: z.string(),
          })
          .nullable()
          .describe('The earliest pending deadline of the journey (visit window, SAE report clock, …).'),
      })
      .describe('The participant after the command: enough to render the next step without another read.'),
  })
  .meta({ title: 'CommandResult' });

export { PHASES as JOURNEY_PHASES, END_REASONS };
