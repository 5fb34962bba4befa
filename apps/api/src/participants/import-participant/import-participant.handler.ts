import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { importJourneyUpdate, type CommandResult, type JourneyWorkflowInput } from '@trialflow/contracts';
import { checkRegistration, type Actor } from '@trialflow/domain';
import { APP_CONFIG, type AppConfig } from '../../app-config.provider.js';
import { domainProblem } from '../../temporal/command-errors.js';
import { journeyStartOperation } from '../../temporal/journey-start.js';
import { importedParticipantId, importRequestOf } from './import-entries.js';
import type { ImportParticipantBody } from './import-participant.request.js';
import { importProblem } from './import-problems.js';

export interface ImportContext {
  /** The signed-in admin who attests the import. */
  readonly importedBy: Actor;
  readonly correlationId: string;
}

/**
 * Imports a participant's records as one Update that starts their journey (update-with-start), like a
 * registration: the import id is the Update id, so a resent import is answered from the first and recorded
 * once; a refused one records nothing (the journey's Update validator decides every entry before writing).
 */
@Injectable()
export class ImportParticipantHandler {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(trialId: string, body: ImportParticipantBody, context: ImportContext): Promise<CommandResult> {
    // Rules that need no journey state are checked here, before any workflow exists for the code.
    const checked = checkRegistration({ trialId, cohortId: body.cohortId, siteId: body.siteId });
    if (!checked.ok) throw domainProblem(checked.error);

    const input: JourneyWorkflowInput = { participantId: importedParticipantId(body.participantCode), participantCode: body.participantCode };
    const request = importRequestOf(body, { trialId, participantId: input.participantId, importedBy: context.importedBy, correlationId: context.correlationId });
    const start = journeyStartOperation(this.config.temporal.taskQueue, input);
    const deadline = Date.now() + this.config.api.commandTimeoutMs;
    try {
      return await this.client.withDeadline(deadline, () =>
        this.client.workflow.executeUpdateWithStart(importJourneyUpdate, { updateId: body.importId, args: [request], startWorkflowOperation: start }),
      );
    } catch (error) {
      throw importProblem(error) ?? error;
    }
  }
}
