import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@trialflow/contracts';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { Roles } from '../../auth/roles.decorator.js';
import { JOURNEY_WRITERS, bodyOf, participantParams, withETag, type ParticipantParams } from './command-controller-support.js';
import { CommandRoute } from './command-endpoint.js';
import { JourneyCommandSender } from './journey-command.sender.js';
import { completeStudy, markLostToFollowUp, recordDeath, withdraw } from './termination.requests.js';

/** Journey commands of end of study: each endpoint's request schema and mapping are in termination.requests.ts. */
@ApiTags('participant commands: end of study')
@Controller('v1/participants/:participantId')
export class TerminationCommandsController {
  constructor(@Inject(JourneyCommandSender) private readonly commands: JourneyCommandSender) {}

  @CommandRoute(withdraw)
  @Roles(...JOURNEY_WRITERS)
  async withdraw(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(withdraw)) body: z.infer<typeof withdraw.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(withdraw, params.participantId, body, request));
  }

  @CommandRoute(markLostToFollowUp)
  @Roles(...JOURNEY_WRITERS)
  async markLostToFollowUp(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(markLostToFollowUp)) body: z.infer<typeof markLostToFollowUp.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(markLostToFollowUp, params.participantId, body, request));
  }

  @CommandRoute(recordDeath)
  @Roles(...JOURNEY_WRITERS)
  async recordDeath(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(recordDeath)) body: z.infer<typeof recordDeath.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(recordDeath, params.participantId, body, request));
  }

  @CommandRoute(completeStudy)
  @Roles(...JOURNEY_WRITERS)
  async completeStudy(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(completeStudy)) body: z.infer<typeof completeStudy.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(completeStudy, params.participantId, body, request));
  }
}
