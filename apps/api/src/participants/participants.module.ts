import { Module } from '@nestjs/common';
import { JourneyCommandSender } from './commands/journey-command.sender.js';
import { SafetyCommandsController } from './commands/safety-commands.controller.js';
import { ScreeningCommandsController } from './commands/screening-commands.controller.js';
import { TerminationCommandsController } from './commands/termination-commands.controller.js';
import { TreatmentCommandsController } from './commands/treatment-commands.controller.js';
import { VisitsAndRecordsCommandsController } from './commands/visits-and-records-commands.controller.js';
import { EligibilityEvaluationQuery } from './get-eligibility/eligibility-evaluation.query.js';
import { GetEligibilityController } from './get-eligibility/get-eligibility.controller.js';
import { GetParticipantController } from './get-participant/get-participant.controller.js';
import { GetParticipantQuery } from './get-participant/get-participant.query.js';
import { ImportParticipantController } from './import-participant/import-participant.controller.js';
import { ImportParticipantHandler } from './import-participant/import-participant.handler.js';
import { ParticipantDirectory } from './participant-directory.js';
import { RegisterParticipantController } from './register-participant/register-participant.controller.js';
import { RegisterParticipantHandler } from './register-participant/register-participant.handler.js';

@Module({
  controllers: [
    RegisterParticipantController,
    ImportParticipantController,
    GetParticipantController,
    GetEligibilityController,
    ScreeningCommandsController,
    TreatmentCommandsController,
    SafetyCommandsController,
    VisitsAndRecordsCommandsController,
    TerminationCommandsController,
  ],
  providers: [RegisterParticipantHandler, ImportParticipantHandler, GetParticipantQuery, EligibilityEvaluationQuery, ParticipantDirectory, JourneyCommandSender],
})
export class ParticipantsModule {}
