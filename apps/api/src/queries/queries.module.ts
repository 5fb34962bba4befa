import { Module } from '@nestjs/common';
import { DeviationsController } from './deviations/deviations.controller.js';
import { EfficacyController } from './efficacy/efficacy.controller.js';
import { ListParticipantsController } from './participants/list-participants.controller.js';
import { ReadYourWrites } from './read-your-writes.js';
import { SafetyController } from './safety/safety.controller.js';
import { WorklistController } from './worklist/worklist.controller.js';

/** The read side: lists of the read models, each scoped to the sites the reader is bound to. */
@Module({
  controllers: [ListParticipantsController, WorklistController, SafetyController, DeviationsController, EfficacyController],
  providers: [ReadYourWrites],
})
export class QueriesModule {}
