import { PARTICIPANT_CODE_PATTERN } from '@trialflow/contracts';
import { z } from 'zod';

export const trialIdParamSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'trialId: lower-case letters, digits and dashes');

export const registerParticipantBodySchema = z
  .strictObject({
    commandId: z.uuid({ error: 'must be a UUID' }).describe('Client-generated idempotency key. Resending the same commandId returns the first result and records nothing new.'),
    participantCode: z
      .string({ error: 'is required' })
      .regex(PARTICIPANT_CODE_PATTERN, 'must be 3-40 upper-case letters, digits or dashes (a pseudonymous code, never a name)')
      .describe('Pseudonymous participant code, unique across the system.'),
    cohortId: z.string({ error: 'is required' }).min(1).max(32).describe('Cohort of the trial, e.g. SLE.'),
    siteId: z.string({ error: 'is required' }).min(1).max(32).describe('Activated site of the trial.'),
    ageYears: z.number({ error: 'must be a whole number of years' }).int('must be a whole number of years').min(0).max(120).optional().describe('Age in whole years at registration (no birth date is stored).'),
    sex: z.enum(['F', 'M'], { error: 'must be F or M' }).optional().describe('Sex at birth, for sex-specific reference ranges and dosing formulas.'),
  })
  .meta({ title: 'RegisterParticipantRequest', description: 'Register a participant and start their journey.' });

export type RegisterParticipantBody = z.infer<typeof registerParticipantBodySchema>;
