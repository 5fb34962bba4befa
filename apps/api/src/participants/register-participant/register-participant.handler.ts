import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { registerParticipantUpdate, type CommandResult, type JourneyWorkflowInput } from '@trialflow/contracts';
import { checkRegistration, type Actor } from '@trialflow/domain';
import { APP_CONFIG, type AppConfig } from '../../app-config.provider.js';
import { commandProblem, domainProblem } from '../../temporal/command-errors.js';
import { journeyStartOperation } from '../../temporal/journey-start.js';
import type { RegisterParticipantBody } from './register-participant.request.js';

export interface RegisterContext {
  readonly actor: Actor;
  readonly correlationId: string;
}

@Injectable()
export class RegisterParticipantHandler {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(trialId: string, body: RegisterParticipantBody, context: RegisterContext): Promise<CommandResult> {
    // Rules that need no journey state are checked here, before any workflow exists for the code.
    const checked = checkRegistration({ trialId, cohortId: body.cohortId, siteId: body.siteId });
    if (!checked.ok) throw domainProblem(checked.error);

    const input: JourneyWorkflowInput = { participantId: randomUUID(), participantCode: body.participantCode };
    const start = journeyStartOperation(this.config.temporal.taskQueue, input);
    const deadline = Date.now() + this.config.api.commandTimeoutMs;
    try {
      return await this.client.withDeadline(deadline, () =>
        this.client.workflow.executeUpdateWithStart(registerParticipantUpdate, {
          updateId: body.commandId,
          args: [{ ...body, trialId, actor: context.actor, correlationId: context.correlationId }],
          startWorkflowOperation: start,
        }),
      );
    } catch (error) {
      throw commandProblem(error) ?? error;
    }
  }
}
