import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { commandUpdate, participantWorkflowId, type ClientCommand, type ClientCommandType, type CommandResult } from '@trialflow/contracts';
import type { Request } from 'express';
import type { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../app-config.provider.js';
import { ESignatures } from '../../auth/e-signatures.js';
import { requestUser } from '../../auth/request-user.js';
import { correlationId, requestActor } from '../../http/request-context.js';
import { ParticipantDirectory } from '../participant-directory.js';
import type { CommandBody, CommandEndpoint } from './command-endpoint.js';
import { expectedVersionOf } from './if-match.js';
import { journeyCommandProblem, participantNotFound } from './journey-command-errors.js';

/**
 * Sends one journey command, whichever it is: finds the participant's journey, confirms an e-signature,
 * and sends the command as the Update named after it, with the client's commandId as the Update id (a resent
 * request is answered from the first, never recorded twice). A rejection records nothing: the journey's
 * Update validator refuses it before anything is written.
 */
@Injectable()
export class JourneyCommandSender {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ParticipantDirectory) private readonly directory: ParticipantDirectory,
    @Inject(ESignatures) private readonly eSignatures: ESignatures,
  ) {}

  async send<T extends ClientCommandType, S extends z.ZodType<CommandBody>>(endpoint: CommandEndpoint<T, S>, participantId: string, body: z.infer<S>, request: Request): Promise<CommandResult> {
    const user = requestUser(request);
    const expectedVersion = expectedVersionOf(request);
    // A participant of a site the user is not bound to is answered as unknown: its existence is not revealed.
    // (The journey refuses such a command by itself as well, SITE_NOT_ALLOWED, against its recorded site.)
    const participant = await this.directory.find(participantId);
    if (!participant || !user.sites.includes(participant.siteId)) throw participantNotFound(participantId);
    if (endpoint.eSignature) await this.eSignatures.confirm(user, { password: body.password ?? '' });

    const command = { type: endpoint.type, commandId: body.commandId, actor: requestActor(request, participant.siteId), data: endpoint.toData(body) } as ClientCommand;
    const deadline = Date.now() + this.config.api.commandTimeoutMs;
    try {
      return await this.client.withDeadline(deadline, () =>
        this.client.workflow.getHandle(participantWorkflowId(participant.participantCode)).executeUpdate(commandUpdate(endpoint.type), {
          updateId: body.commandId,
          args: [{ command, correlationId: correlationId(request), ...(expectedVersion === undefined ? {} : { expectedVersion }) }],
        }),
      );
    } catch (error) {
      throw journeyCommandProblem(error) ?? error;
    }
  }
}
