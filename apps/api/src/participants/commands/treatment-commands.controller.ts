import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@trialflow/contracts';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { Roles } from '../../auth/roles.decorator.js';
import { JOURNEY_WRITERS, bodyOf, participantParams, withETag, type ParticipantParams } from './command-controller-support.js';
import { CommandRoute } from './command-endpoint.js';
import { JourneyCommandSender } from './journey-command.sender.js';
import { administerLymphodepletionDose, allocateProductLot, enrol, recordInfusion, recordLymphodepletionDoseCalculation, recordMedicationStop, recordPreInfusionCheck, startThaw } from './treatment.requests.js';

/** Journey commands of treatment: each endpoint's request schema and mapping are in treatment.requests.ts. */
@ApiTags('participant commands: treatment')
@Controller('v1/participants/:participantId')
export class TreatmentCommandsController {
  constructor(@Inject(JourneyCommandSender) private readonly commands: JourneyCommandSender) {}

  @CommandRoute(enrol)
  @Roles(...JOURNEY_WRITERS)
  async enrol(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(enrol)) body: z.infer<typeof enrol.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(enrol, params.participantId, body, request));
  }

  @CommandRoute(recordMedicationStop)
  @Roles(...JOURNEY_WRITERS)
  async recordMedicationStop(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(recordMedicationStop)) body: z.infer<typeof recordMedicationStop.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(recordMedicationStop, params.participantId, body, request));
  }

  @CommandRoute(recordLymphodepletionDoseCalculation)
  @Roles(...JOURNEY_WRITERS)
  async recordLymphodepletionDoseCalculation(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(recordLymphodepletionDoseCalculation)) body: z.infer<typeof recordLymphodepletionDoseCalculation.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(recordLymphodepletionDoseCalculation, params.participantId, body, request));
  }

  @CommandRoute(administerLymphodepletionDose)
  @Roles(...JOURNEY_WRITERS)
  async administerLymphodepletionDose(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(administerLymphodepletionDose)) body: z.infer<typeof administerLymphodepletionDose.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(administerLymphodepletionDose, params.participantId, body, request));
  }

  @CommandRoute(recordPreInfusionCheck)
  @Roles(...JOURNEY_WRITERS)
  async recordPreInfusionCheck(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(recordPreInfusionCheck)) body: z.infer<typeof recordPreInfusionCheck.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(recordPreInfusionCheck, params.participantId, body, request));
  }

  @CommandRoute(allocateProductLot)
  @Roles(...JOURNEY_WRITERS)
  async allocateProductLot(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(allocateProductLot)) body: z.infer<typeof allocateProductLot.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(allocateProductLot, params.participantId, body, request));
  }

  @CommandRoute(startThaw)
  @Roles(...JOURNEY_WRITERS)
  async startThaw(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(startThaw)) body: z.infer<typeof startThaw.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(startThaw, params.participantId, body, request));
  }

  @CommandRoute(recordInfusion)
  @Roles(...JOURNEY_WRITERS)
  async recordInfusion(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(recordInfusion)) body: z.infer<typeof recordInfusion.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(recordInfusion, params.participantId, body, request));
  }
}
