import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuditTrail, type TimelineEntry } from '@trialflow/read-models';
import type { Request } from 'express';
import type { z } from 'zod';
import { requestUser } from '../../auth/request-user.js';
import { Roles } from '../../auth/roles.decorator.js';
import { problemResponses } from '../../http/openapi-schemas.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { noQuerySchema, participantParamsSchema } from '../audit-params.js';
import { AuditRecordsReader } from '../audit-records.reader.js';
import { AUDIT_READERS } from '../audit-roles.js';

export interface TimelineView {
  readonly participantId: string;
  readonly participantCode: string;
  readonly streamVersion: number;
  readonly entries: readonly TimelineEntry[];
}

@ApiTags('audit')
@Controller('v1/participants/:participantId/audit/timeline')
export class ParticipantTimelineController {
  constructor(
    private readonly records: AuditRecordsReader,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @Roles(...AUDIT_READERS)
  @ApiOperation({
    summary: "A participant's audit trail from the event store",
    description: 'Every event in stream order: who (actor, role, site), what (type and data), when (clinical and recorded time), why (reason), and for corrections the previous and new value of each field side by side.',
    operationId: 'getParticipantTimeline',
  })
  @ApiParam({ name: 'participantId', format: 'uuid' })
  @ApiOkResponse({ description: 'The timeline, oldest first.' })
  @problemResponses(400, 404)
  async timeline(
    @Param(new ZodValidationPipe(participantParamsSchema, 'path')) params: z.infer<typeof participantParamsSchema>,
    @Query(new ZodValidationPipe(noQuerySchema, 'query')) _query: z.infer<typeof noQuerySchema>,
    @Req() request: Request,
  ): Promise<TimelineView> {
    const participant = await this.records.participant(requestUser(request), params.participantId);
    const entries = await this.audit.timeline(participant.streamId);
    return { participantId: participant.participantId, participantCode: participant.facts.participantCode, streamVersion: entries.at(-1)?.streamPosition ?? 0, entries };
  }
}
