import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { PARTICIPANT_LIST_ORDER, participantList } from '@trialflow/read-models';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { Roles } from '../../auth/roles.decorator.js';
import { jsonSchemaOf, problemResponses } from '../../http/openapi-schemas.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { JOURNEY_PHASES } from '../../participants/commands/command-result.schema.js';
import { participantViewSchema, toParticipantView, type ParticipantView } from '../../participants/get-participant/participant.response.js';
import { ApiQueryParams } from '../api-query-params.js';
import { booleanQuery } from '../query-fields.js';
import { listPage, pageRequest, pageSchemaOf, pagingQueryShape, type ListPage } from '../list-paging.js';
import { READERS, scopeOf } from '../user-scope.js';

const STATUSES = ['ACTIVE', 'ENDED', 'WITHDRAWN', 'LOST_TO_FOLLOW_UP', 'DIED', 'COMPLETED'] as const;

export const listParticipantsQuerySchema = z.strictObject({
  trialId: z.string().max(64).optional().describe('Only this trial.'),
  cohortId: z.string().max(32).optional().describe('Only this cohort.'),
  siteId: z.string().max(32).optional().describe('Only this site (one you are bound to; default: all of yours).'),
  phase: z.enum(JOURNEY_PHASES, { error: `must be one of ${JOURNEY_PHASES.join(', ')}` }).optional().describe('Only participants in this journey phase.'),
  status: z
    .enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` })
    .optional()
    .describe('ACTIVE (still in the study), ENDED (any end reason), or one end reason.'),
  eligibilityToSign: booleanQuery("true: only participants whose eligible evaluation waits for the investigator's e-signature (false: the others)."),
  ...pagingQueryShape,
});

@ApiTags('participants')
@Controller('v1/participants')
export class ListParticipantsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    operationId: 'listParticipants',
    summary: 'The participants roster',
    description: 'Participants of the sites you are bound to, filtered, by participant code, a page at a time (keyset cursor: a page never shifts when rows change on an earlier one).',
  })
  @ApiQueryParams(listParticipantsQuerySchema)
  @ApiOkResponse({ schema: jsonSchemaOf(pageSchemaOf('ParticipantPage', participantViewSchema)) })
  @problemResponses(400)
  async list(@Query(new ZodValidationPipe(listParticipantsQuerySchema, 'query')) q: z.infer<typeof listParticipantsQuerySchema>, @Req() request: Request): Promise<ListPage<ParticipantView>> {
    const { sites } = scopeOf(request, q.siteId);
    const now = new Date();
    const page = await participantList(this.db.manager, { sites, trialId: q.trialId, cohortId: q.cohortId, phase: q.phase, status: q.status, eligibilityToSign: q.eligibilityToSign }, pageRequest(PARTICIPANT_LIST_ORDER, q));
    return listPage(page, (row) => toParticipantView(row, now));
  }
}
