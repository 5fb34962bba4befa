import { Module } from '@nestjs/common';
import { GetParticipantController } from './get-participant/get-participant.controller.js';
import { GetParticipantQuery } from './get-participant/get-participant.query.js';
import { RegisterParticipantController } from './register-participant/register-participant.controller.js';
import { RegisterParticipantHandler } from './register-participant/register-participant.handler.js';

@Module({
  controllers: [RegisterParticipantController, GetParticipantController],
  providers: [RegisterParticipantHandler, GetParticipantQuery],
})
export class ParticipantsModule {}
