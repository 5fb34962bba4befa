import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@trialflow/contracts';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { Roles } from '../../auth/roles.decorator.js';
import { INVESTIGATORS, JOURNEY_WRITERS, bodyOf, participantParams, withETag, type ParticipantParams } from './command-controller-support.js';
import { CommandRoute } from './command-endpoint.js';
import { JourneyCommandSender } from './journey-command.sender.js';
import { adjudicateDlt, assessCrs, assessIcans, flagDltCandidate, reportAdverseEvent, reportSaeToSponsor } from './safety.requests.js';

/** Journey commands of safety: each endpoint's request schema and mapping are in safety.requests.ts. */
@ApiTags('participant commands: safety')
@Controller('v1/participants/:participantId')
export class SafetyCommandsController {
  constructor(@Inject(JourneyCommandSender) private readonly commands: JourneyCommandSender) {}

  @CommandRoute(reportAdverseEvent)
  @Roles(...JOURNEY_WRITERS)
  async reportAdverseEvent(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(reportAdverseEvent)) body: z.infer<typeof reportAdverseEvent.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(reportAdverseEvent, params.participantId, body, request));
  }

  @CommandRoute(reportSaeToSponsor)
  @Roles(...JOURNEY_WRITERS)
  async reportSaeToSponsor(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(reportSaeToSponsor)) body: z.infer<typeof reportSaeToSponsor.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(reportSaeToSponsor, params.participantId, body, request));
  }

  @CommandRoute(assessCrs)
  @Roles(...JOURNEY_WRITERS)
  async assessCrs(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(assessCrs)) body: z.infer<typeof assessCrs.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(assessCrs, params.participantId, body, request));
  }

  @CommandRoute(assessIcans)
  @Roles(...JOURNEY_WRITERS)
  async assessIcans(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(assessIcans)) body: z.infer<typeof assessIcans.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(assessIcans, params.participantId, body, request));
  }

  @CommandRoute(flagDltCandidate)
  @Roles(...JOURNEY_WRITERS)
  async flagDltCandidate(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(flagDltCandidate)) body: z.infer<typeof flagDltCandidate.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(flagDltCandidate, params.participantId, body, request));
  }

  @CommandRoute(adjudicateDlt)
  @Roles(...INVESTIGATORS)
  async adjudicateDlt(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(adjudicateDlt)) body: z.infer<typeof adjudicateDlt.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(adjudicateDlt, params.participantId, body, request));
  }
}
