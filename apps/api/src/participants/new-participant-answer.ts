import type { CommandResult } from '@trialflow/contracts';
import type { Response } from 'express';
import type { ParticipantDirectory } from './participant-directory.js';

/**
 * The answer to a request that created a participant (registration, import): the stream version as ETag, the
 * participant's address as Location, and the participant remembered, so the next command finds it before the
 * read models have caught up.
 */
export function answerNewParticipant(result: CommandResult, response: Response, directory: ParticipantDirectory): CommandResult {
  response.setHeader('ETag', `"${result.streamVersion}"`);
  const { participantId, participantCode, trialId, siteId } = result.summary;
  if (participantId) {
    response.setHeader('Location', `/v1/participants/${participantId}`);
    if (participantCode && trialId && siteId) directory.remember({ participantId, participantCode, trialId, siteId });
  }
  return result;
}
