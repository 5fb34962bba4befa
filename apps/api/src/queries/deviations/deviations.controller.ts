import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEVIATION_LOG_ORDER, deviationLog, deviationsProjection, type DeviationRow } from '@trialflow/read-models';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { Roles } from '../../auth/roles.decorator.js';
import { jsonSchemaOf, problemResponses } from '../../http/openapi-schemas.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { ApiQueryParams } from '../api-query-params.js';
import { listPage, pageRequest, pageSchemaOf, pagingQueryShape, type ListPage } from '../list-paging.js';
import { booleanQuery } from '../query-fields.js';
import { minVersionNeedsParticipant, ReadYourWrites, readYourWritesQueryShape } from '../read-your-writes.js';
import { READERS, scopeOf } from '../user-scope.js';

const STATUSES = ['CANDIDATE', 'CONFIRMED', 'DISMISSED'] as const;

export const deviationsQuerySchema = z
  .strictObject({
    trialId: z.string().max(64).optional().describe('Only this trial.'),
    siteId: z.string().max(32).optional().describe('Only this site (one you are bound to; default: all of yours).'),
    cohortId: z.string().max(32).optional().describe('Only this cohort.'),
    status: z.enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` }).optional().describe('CANDIDATE (awaiting a decision), CONFIRMED or DISMISSED.'),
    rule: z.string().max(64).optional().describe('Only deviations raised by this rule, e.g. VISIT_OUT_OF_WINDOW.'),
    important: booleanQuery('Only important (true) or other (false) deviations.'),
    ...readYourWritesQueryShape,
    ...pagingQueryShape,
  })
  .superRefine(minVersionNeedsParticipant);

export const deviationViewSchema = z
  .object({
    participantId: z.uuid(),
    participantCode: z.string(),
    trialId: z.string(),
    cohortId: z.string(),
    siteId: z.string(),
    deviationId: z.string().describe('Stable per rule and subject, e.g. visit-out-of-window:M3: what ConfirmDeviation and DismissDeviation name.'),
    rule: z.string(),
    important: z.boolean(),
    description: z.string(),
    relatedEntryIds: z.array(z.string()),
    status: z.enum(STATUSES),
    raisedAt: z.iso.datetime(),
    decision: z
      .object({ at: z.iso.datetime().nullable(), by: z.string().nullable(), role: z.string().nullable(), reason: z.string().nullable() })
      .nullable()
      .describe('Who confirmed or dismissed it, when and why (null while a candidate).'),
    streamVersion: z.number().int(),
  })
  .meta({ title: 'Deviation' });

export type DeviationView = z.infer<typeof deviationViewSchema>;

export const deviationView = (row: DeviationRow): DeviationView => ({
  participantId: row.participantId,
  participantCode: row.participantCode,
  trialId: row.trialId,
  cohortId: row.cohortId,
  siteId: row.siteId,
  deviationId: row.deviationId,
  rule: row.rule,
  important: row.important,
  description: row.description,
  relatedEntryIds: row.relatedEntryIds,
  status: row.status as DeviationView['status'],
  raisedAt: row.raisedAt.toISOString(),
  decision: row.status === 'CANDIDATE' ? null : { at: row.decidedAt?.toISOString() ?? null, by: row.decidedBy, role: row.decidedByRole, reason: row.decisionReason },
  streamVersion: row.lastStreamVersion,
});

@ApiTags('deviations')
@Controller('v1/deviations')
export class DeviationsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    operationId: 'listDeviations',
    summary: 'The protocol deviations log',
    description:
      'Deviation candidates raised by the rules and how each was decided, for the sites you are bound to. Confirm or dismiss a candidate with POST /v1/participants/{participantId}/deviations/confirmations or …/dismissals.',
  })
  @ApiQueryParams(deviationsQuerySchema)
  @ApiOkResponse({ schema: jsonSchemaOf(pageSchemaOf('DeviationPage', deviationViewSchema)) })
  @problemResponses(400, 503)
  async list(@Query(new ZodValidationPipe(deviationsQuerySchema, 'query')) q: z.infer<typeof deviationsQuerySchema>, @Req() request: Request): Promise<ListPage<DeviationView>> {
    const { sites } = scopeOf(request, q.siteId);
    await this.readYourWrites.await(deviationsProjection.name, q.participantId, q.minVersion);
    const page = await deviationLog(
      this.db.manager,
      { sites, trialId: q.trialId, cohortId: q.cohortId, participantId: q.participantId, status: q.status, rule: q.rule, important: q.important },
      pageRequest(DEVIATION_LOG_ORDER, q),
    );
    return listPage(page, deviationView);
  }
}
