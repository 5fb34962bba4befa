import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@trialflow/contracts';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { Roles } from '../../auth/roles.decorator.js';
import { JOURNEY_WRITERS, bodyOf, participantParams, withETag, type ParticipantParams } from './command-controller-support.js';
import { CommandRoute } from './command-endpoint.js';
import { JourneyCommandSender } from './journey-command.sender.js';
import { completeVisit, confirmDeviation, correctEntry, dismissDeviation, recordEfficacyAssessment, recordUnscheduledVisit, voidEntry } from './visits-and-records.requests.js';

/** Journey commands of visits and records: each endpoint's request schema and mapping are in visits-and-records.requests.ts. */
@ApiTags('participant commands: visits and records')
@Controller('v1/participants/:participantId')
export class VisitsAndRecordsCommandsController {
  constructor(@Inject(JourneyCommandSender) private readonly commands: JourneyCommandSender) {}

  @CommandRoute(completeVisit)
  @Roles(...JOURNEY_WRITERS)
  async completeVisit(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(completeVisit)) body: z.infer<typeof completeVisit.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(completeVisit, params.participantId, body, request));
  }

  @CommandRoute(recordEfficacyAssessment)
  @Roles(...JOURNEY_WRITERS)
  async recordEfficacyAssessment(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(recordEfficacyAssessment)) body: z.infer<typeof recordEfficacyAssessment.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(recordEfficacyAssessment, params.participantId, body, request));
  }

  @CommandRoute(recordUnscheduledVisit)
  @Roles(...JOURNEY_WRITERS)
  async recordUnscheduledVisit(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(recordUnscheduledVisit)) body: z.infer<typeof recordUnscheduledVisit.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(recordUnscheduledVisit, params.participantId, body, request));
  }

  @CommandRoute(confirmDeviation)
  @Roles(...JOURNEY_WRITERS)
  async confirmDeviation(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(confirmDeviation)) body: z.infer<typeof confirmDeviation.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(confirmDeviation, params.participantId, body, request));
  }

  @CommandRoute(dismissDeviation)
  @Roles(...JOURNEY_WRITERS)
  async dismissDeviation(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(dismissDeviation)) body: z.infer<typeof dismissDeviation.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(dismissDeviation, params.participantId, body, request));
  }

  @CommandRoute(correctEntry)
  @Roles(...JOURNEY_WRITERS)
  async correctEntry(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(correctEntry)) body: z.infer<typeof correctEntry.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(correctEntry, params.participantId, body, request));
  }

  @CommandRoute(voidEntry)
  @Roles(...JOURNEY_WRITERS)
  async voidEntry(
    @Param(participantParams) params: ParticipantParams,
    @Body(bodyOf(voidEntry)) body: z.infer<typeof voidEntry.body>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return withETag(response, await this.commands.send(voidEntry, params.participantId, body, request));
  }
}
