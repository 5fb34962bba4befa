import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { importJourneyUpdate, type CommandResult, type JourneyWorkflowInput } from '@trialflow/contracts';
import { DEMO_IMPORTER, DEMO_REASON, type DemoJourney } from '@trialflow/demo-data';
import { APP_CONFIG, type AppConfig } from '../app-config.provider.js';
import { journeyStartOperation } from '../temporal/journey-start.js';

/**
 * Imports one demo participant: starts their journey with the import as its first Update (update-with-start),
 * so the registration is dated like the rest of the story. Idempotent: the import id is the Update id and a
 * running journey for the code receives it again (and answers from the first time).
 */
@Injectable()
export class DemoImportSender {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async importJourney(journey: DemoJourney, correlationId: string): Promise<CommandResult> {
    const input: JourneyWorkflowInput = { participantId: journey.spec.participantId, participantCode: journey.spec.participantCode };
    const start = journeyStartOperation(this.config.temporal.taskQueue, input);
    const importId = `demo-import:${journey.spec.participantCode}`;
    return this.client.withDeadline(Date.now() + Math.max(this.config.api.commandTimeoutMs, 30_000), () =>
      this.client.workflow.executeUpdateWithStart(importJourneyUpdate, {
        updateId: importId,
        args: [{ importId, importedBy: DEMO_IMPORTER, reason: DEMO_REASON, correlationId, entries: journey.entries }],
        startWorkflowOperation: start,
      }),
    );
  }
}
