import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { EFFICACY_RESULTS_ORDER, efficacyProjection, efficacyResults, efficacySummary, type EfficacyResultRow } from '@trialflow/read-models';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { Roles } from '../../auth/roles.decorator.js';
import { jsonSchemaOf, problemResponses } from '../../http/openapi-schemas.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { ApiQueryParams } from '../api-query-params.js';
import { efficacySummaryParamsSchema, efficacySummaryQuerySchema, efficacySummarySchema, type EfficacySummary } from './efficacy-summary.schema.js';
import { listPage, pageRequest, pageSchemaOf, pagingQueryShape, type ListPage } from '../list-paging.js';
import { minVersionNeedsParticipant, ReadYourWrites, readYourWritesQueryShape } from '../read-your-writes.js';
import { READERS, scopeOf } from '../user-scope.js';

const STATUSES = ['RECORDED', 'DONE', 'NOT_DONE', 'MISSED'] as const;
const RESPONSES = ['RESPONSE', 'NO_RESPONSE', 'NOT_EVALUABLE'] as const;

export const efficacyQuerySchema = z
  .strictObject({
    trialId: z.string().max(64).optional().describe('Only this trial.'),
    siteId: z.string().max(32).optional().describe('Only this site (one you are bound to; default: all of yours).'),
    cohortId: z.string().max(32).optional().describe('Only this cohort.'),
    instrument: z.string().max(64).optional().describe('Only this instrument, e.g. SLEDAI-2K.'),
    timepoint: z.string().max(32).optional().describe('Only this timepoint: BASELINE or a visit id (D28, M3, …).'),
    status: z.enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` }).optional().describe('RECORDED (a value), DONE, NOT_DONE or MISSED.'),
    ...readYourWritesQueryShape,
    ...pagingQueryShape,
  })
  .superRefine(minVersionNeedsParticipant);

export const efficacyResultViewSchema = z
  .object({
    participantId: z.uuid(),
    participantCode: z.string(),
    trialId: z.string(),
    cohortId: z.string(),
    siteId: z.string(),
    timepoint: z.string().describe('BASELINE or the visit id.'),
    timepointLabel: z.string(),
    nominalDay: z.number().int().nullable().describe("The protocol's study day of the timepoint (null at baseline)."),
    studyDay: z.number().int().nullable(),
    instrument: z.string(),
    status: z.enum(STATUSES),
    assessedOn: z.iso.date().nullable(),
    value: z.union([z.number(), z.string()]).nullable(),
    unit: z.string().nullable(),
    source: z.string().nullable(),
    entryId: z.string().nullable().describe('The entry that recorded a score at a visit (what a correction or void names); null otherwise.'),
    changeFromBaseline: z.number().nullable().describe('Score − baseline at a visit (negative is improvement on these instruments).'),
    percentChangeFromBaseline: z.number().nullable().describe('Null when the baseline is 0 or absent.'),
    response: z.enum(RESPONSES).nullable().describe("The journey's response under `responseDefinition`; null when the instrument has no published response definition."),
    responseDefinition: z.string().nullable(),
    responseAlgorithm: z.string().nullable().describe('calculator@version of the rule applied.'),
    inWindow: z.boolean().nullable(),
    streamVersion: z.number().int(),
  })
  .meta({ title: 'EfficacyResult' });

export type EfficacyResultView = z.infer<typeof efficacyResultViewSchema>;

const toView = (row: EfficacyResultRow): EfficacyResultView => ({
  participantId: row.participantId,
  participantCode: row.participantCode,
  trialId: row.trialId,
  cohortId: row.cohortId,
  siteId: row.siteId,
  timepoint: row.timepoint,
  timepointLabel: row.timepointLabel,
  nominalDay: row.nominalDay,
  studyDay: row.studyDay,
  instrument: row.instrument,
  status: row.status as EfficacyResultView['status'],
  assessedOn: row.assessedOn,
  value: row.valueNumber ?? row.valueText,
  unit: row.unit,
  source: row.source,
  entryId: row.entryId,
  changeFromBaseline: row.changeFromBaseline,
  percentChangeFromBaseline: row.percentChangeFromBaseline,
  response: row.response as EfficacyResultView['response'],
  responseDefinition: row.responseDefinition,
  responseAlgorithm: row.responseAlgorithm,
  inWindow: row.inWindow,
  streamVersion: row.lastStreamVersion,
});

@ApiTags('efficacy')
@Controller('v1')
export class EfficacyController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get('efficacy-results')
  @Roles(...READERS)
  @ApiOperation({
    operationId: 'listEfficacyResults',
    summary: 'Efficacy results over time',
    description:
      "Each scheduled instrument's baseline value (screening), then per visit the score recorded there (with its change from baseline and response) or whether it was done, not done or missed, by participant and over time, for the sites you are bound to.",
  })
  @ApiQueryParams(efficacyQuerySchema)
  @ApiOkResponse({ schema: jsonSchemaOf(pageSchemaOf('EfficacyResultPage', efficacyResultViewSchema)) })
  @problemResponses(400, 503)
  async list(@Query(new ZodValidationPipe(efficacyQuerySchema, 'query')) q: z.infer<typeof efficacyQuerySchema>, @Req() request: Request): Promise<ListPage<EfficacyResultView>> {
    const { sites } = scopeOf(request, q.siteId);
    await this.readYourWrites.await(efficacyProjection.name, q.participantId, q.minVersion);
    const page = await efficacyResults(
      this.db.manager,
      { sites, trialId: q.trialId, cohortId: q.cohortId, participantId: q.participantId, instrument: q.instrument, timepoint: q.timepoint, status: q.status },
      pageRequest(EFFICACY_RESULTS_ORDER, q),
    );
    return listPage(page, toView);
  }

  @Get('trials/:trialId/efficacy-summary')
  @Roles(...READERS)
  @ApiOperation({
    operationId: 'getEfficacySummary',
    summary: 'Response rates of a trial',
    description:
      'Per cohort, instrument with a published response definition and visit timepoint: participants assessed, responders, non-responders, not evaluable, the response rate (responders / assessed) with its 95 % Wilson score interval, and the median change from baseline. Counts only the sites you are bound to.',
  })
  @ApiParam({ name: 'trialId', schema: { type: 'string' }, example: 'ucart-cd19-bcma' })
  @ApiQueryParams(efficacySummaryQuerySchema)
  @ApiOkResponse({ schema: jsonSchemaOf(efficacySummarySchema) })
  @problemResponses(400)
  async summary(
    @Param(new ZodValidationPipe(efficacySummaryParamsSchema, 'path')) params: z.infer<typeof efficacySummaryParamsSchema>,
    @Query(new ZodValidationPipe(efficacySummaryQuerySchema, 'query')) q: z.infer<typeof efficacySummaryQuerySchema>,
    @Req() request: Request,
  ): Promise<EfficacySummary> {
    const { sites } = scopeOf(request, q.siteId);
    return { trialId: params.trialId, sites: [...sites], lines: await efficacySummary(this.db.manager, params.trialId, sites) };
  }
}
