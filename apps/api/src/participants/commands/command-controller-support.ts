import type { UserRole } from '../../auth/roles.decorator.js';
import type { CommandResult } from '@trialflow/contracts';
import type { Response } from 'express';
import { z } from 'zod';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { expected } from './command-fields.js';

/** Coordinators run the journey's commands at their sites; investigators everything coordinators can. */
export const JOURNEY_WRITERS: readonly UserRole[] = ['coordinator', 'investigator'];
/** Investigator decisions: attestations, the eligibility sign-off and DLT adjudication. */
export const INVESTIGATORS: readonly UserRole[] = ['investigator'];

export const participantParamsSchema = z.strictObject({ participantId: z.uuid({ error: expected('a UUID') }) });
export type ParticipantParams = z.infer<typeof participantParamsSchema>;
export const participantParams = new ZodValidationPipe(participantParamsSchema, 'path');

export const bodyOf = <S extends z.ZodType>(endpoint: { body: S }): ZodValidationPipe<S> => new ZodValidationPipe(endpoint.body);

/** The stream version is the participant's ETag, on commands and reads alike. */
export function withETag(response: Response, result: CommandResult): CommandResult {
  response.setHeader('ETag', `"${result.streamVersion}"`);
  return result;
}
