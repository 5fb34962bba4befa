import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@trialflow/contracts';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { Roles } from '../../auth/roles.decorator.js';
import { INVESTIGATORS, JOURNEY_WRITERS, bodyOf, participantParams, withETag, type ParticipantParams } from './command-controller-support.js';
import { CommandRoute } from './command-endpoint.js';
import { JourneyCommandSender } from './journey-command.sender.js';
import { attestEligibilityCriterion, evaluateEligibility, failScreening, recordScreeningObservation, signConsent, signEligibility, startRescreening } from './screening.requests.js';

/** Journey commands of screening: each endpoint's request schema and mapping are in screening.requests.ts. */
@ApiTags('participant commands: screening')
@Controller('v1/participants/:participantId')
export class ScreeningCommandsController {
  constructor(@Inject(JourneyCommandSender) private readonly commands: JourneyCommandSender) {}

  @CommandRoute(signConsent)
  @Roles(...JOURNEY_WRITERS)
  async signConsent(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(signConsent)) body: z.infer<typeof signConsent.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(signConsent, params.participantId, body, request));
  }

  @CommandRoute(recordScreeningObservation)
  @Roles(...JOURNEY_WRITERS)
  async recordScreeningObservation(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(recordScreeningObservation)) body: z.infer<typeof recordScreeningObservation.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(recordScreeningObservation, params.participantId, body, request));
  }

  @CommandRoute(attestEligibilityCriterion)
  @Roles(...INVESTIGATORS)
  async attestEligibilityCriterion(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(attestEligibilityCriterion)) body: z.infer<typeof attestEligibilityCriterion.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(attestEligibilityCriterion, params.participantId, body, request));
  }

  @CommandRoute(evaluateEligibility)
  @Roles(...JOURNEY_WRITERS)
  async evaluateEligibility(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(evaluateEligibility)) body: z.infer<typeof evaluateEligibility.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(evaluateEligibility, params.participantId, body, request));
  }

  @CommandRoute(signEligibility)
  @Roles(...INVESTIGATORS)
  async signEligibility(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(signEligibility)) body: z.infer<typeof signEligibility.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(signEligibility, params.participantId, body, request));
  }

  @CommandRoute(failScreening)
  @Roles(...JOURNEY_WRITERS)
  async failScreening(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(failScreening)) body: z.infer<typeof failScreening.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(failScreening, params.participantId, body, request));
  }

  @CommandRoute(startRescreening)
  @Roles(...JOURNEY_WRITERS)
  async startRescreening(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(startRescreening)) body: z.infer<typeof startRescreening.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(startRescreening, params.participantId, body, request));
  }
}
