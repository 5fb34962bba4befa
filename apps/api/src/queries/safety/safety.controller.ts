import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { SAFETY_ENTRIES_ORDER, safetyEntries, safetyProjection, safetyBoard, type SafetyBoardLine, type SafetyEntryRow } from '@trialflow/read-models';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { Roles } from '../../auth/roles.decorator.js';
import { jsonSchemaOf, problemResponses } from '../../http/openapi-schemas.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { trialIdParamSchema } from '../../participants/register-participant/register-participant.request.js';
import { ApiQueryParams } from '../api-query-params.js';
import { listPage, pageRequest, pageSchemaOf, pagingQueryShape, type ListPage } from '../list-paging.js';
import { booleanQuery } from '../query-fields.js';
import { minVersionNeedsParticipant, ReadYourWrites, readYourWritesQueryShape } from '../read-your-writes.js';
import { READERS, scopeOf } from '../user-scope.js';

const KINDS = ['AE', 'CRS', 'ICANS', 'DLT_CANDIDATE'] as const;
const DLT_STATUSES = ['PENDING', 'DLT', 'NOT_DLT'] as const;

const boardParamsSchema = z.strictObject({ trialId: trialIdParamSchema });
const boardQuerySchema = z.strictObject({
  siteId: z.string().max(32).optional().describe('Only this site (one you are bound to; default: all of yours).'),
});

export const safetyEntriesQuerySchema = z
  .strictObject({
    trialId: z.string().max(64).optional().describe('Only this trial.'),
    siteId: z.string().max(32).optional().describe('Only this site (one you are bound to; default: all of yours).'),
    cohortId: z.string().max(32).optional().describe('Only this cohort.'),
    kind: z.enum(KINDS, { error: `must be one of ${KINDS.join(', ')}` }).optional().describe('AE, CRS, ICANS or DLT_CANDIDATE.'),
    minGrade: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(0).max(5, 'must be at most 5').optional().describe('Only entries of at least this grade.'),
    serious: booleanQuery('Only serious (true) or non-serious (false) adverse events.'),
    dltStatus: z.enum(DLT_STATUSES, { error: `must be one of ${DLT_STATUSES.join(', ')}` }).optional().describe('DLT candidates: PENDING, DLT or NOT_DLT.'),
    ...readYourWritesQueryShape,
    ...pagingQueryShape,
  })
  .superRefine(minVersionNeedsParticipant);

const boardLineSchema = z
  .object({
    trialId: z.string(),
    cohortId: z.string(),
    doseLevelId: z.string().nullable(),
    infused: z.number().int(),
    withCrs: z.number().int(),
    withCrsGrade3Plus: z.number().int(),
    withIcans: z.number().int(),
    withIcansGrade3Plus: z.number().int(),
    withAeGrade3Plus: z.number().int(),
    seriousAdverseEvents: z.number().int().describe('A count of events; the other counts are of participants.'),
    saeReportsDue: z.number().int(),
    dltsConfirmed: z.number().int(),
    dltCandidatesPending: z.number().int(),
    dltEvaluable: z.number().int().describe('Participants whose DLT window has closed: the denominator of a DLT rate.'),
  })
  .meta({ title: 'SafetyBoardLine' });

const boardSchema = z
  .object({ trialId: z.string(), sites: z.array(z.string()).describe('The sites counted.'), lines: z.array(boardLineSchema).describe('One line per cohort and dose level.') })
  .meta({ title: 'SafetyBoard' });

export const safetyEntryViewSchema = z
  .object({
    participantId: z.uuid(),
    participantCode: z.string(),
    trialId: z.string(),
    cohortId: z.string(),
    siteId: z.string(),
    doseLevelId: z.string().nullable(),
    kind: z.enum(KINDS),
    entryId: z.string().describe("The AE's or assessment's entry id, or the DLT candidate id."),
    term: z.string().describe('AE term, CRS/ICANS, or the DLT rule.'),
    grade: z.number().int().nullable(),
    serious: z.boolean().nullable(),
    causality: z.string().nullable(),
    onsetOn: z.iso.date().nullable(),
    studyDay: z.number().int().nullable(),
    resolvedOn: z.iso.date().nullable(),
    saeReportedAt: z.iso.datetime().nullable(),
    saeReportDueAt: z.iso.datetime().nullable(),
    dltStatus: z.enum(DLT_STATUSES).nullable(),
    sourceEntryId: z.string().nullable(),
    streamVersion: z.number().int(),
  })
  .meta({ title: 'SafetyEntry' });

export type SafetyEntryView = z.infer<typeof safetyEntryViewSchema>;

const toEntryView = (row: SafetyEntryRow): SafetyEntryView => ({
  participantId: row.participantId,
  participantCode: row.participantCode,
  trialId: row.trialId,
  cohortId: row.cohortId,
  siteId: row.siteId,
  doseLevelId: row.doseLevelId,
  kind: row.kind as SafetyEntryView['kind'],
  entryId: row.entryId,
  term: row.term,
  grade: row.grade,
  serious: row.serious,
  causality: row.causality,
  onsetOn: row.onsetOn,
  studyDay: row.studyDay,
  resolvedOn: row.resolvedOn,
  saeReportedAt: row.saeReportedAt?.toISOString() ?? null,
  saeReportDueAt: row.saeReportDueAt?.toISOString() ?? null,
  dltStatus: row.dltStatus as SafetyEntryView['dltStatus'],
  sourceEntryId: row.sourceEntryId,
  streamVersion: row.lastStreamVersion,
});

@ApiTags('safety')
@Controller('v1')
export class SafetyController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get('trials/:trialId/safety-board')
  @Roles(...READERS)
  @ApiOperation({
    operationId: 'getSafetyBoard',
    summary: 'The AE/CRS/ICANS and DLT board of a trial',
    description: 'Per cohort and dose level: participants infused, with CRS/ICANS (any and grade ≥3), with a grade ≥3 AE, SAEs and SAE reports due, DLTs confirmed and pending, DLT-evaluable participants. Counts only the sites you are bound to.',
  })
  @ApiParam({ name: 'trialId', schema: { type: 'string' }, example: 'ucart-cd19-bcma' })
  @ApiQueryParams(boardQuerySchema)
  @ApiOkResponse({ schema: jsonSchemaOf(boardSchema) })
  @problemResponses(400)
  async board(
    @Param(new ZodValidationPipe(boardParamsSchema, 'path')) params: z.infer<typeof boardParamsSchema>,
    @Query(new ZodValidationPipe(boardQuerySchema, 'query')) q: z.infer<typeof boardQuerySchema>,
    @Req() request: Request,
  ): Promise<{ trialId: string; sites: readonly string[]; lines: SafetyBoardLine[] }> {
    const { sites } = scopeOf(request, q.siteId);
    return { trialId: params.trialId, sites, lines: await safetyBoard(this.db.manager, params.trialId, sites) };
  }

  @Get('safety-entries')
  @Roles(...READERS)
  @ApiOperation({
    operationId: 'listSafetyEntries',
    summary: 'AEs, CRS and ICANS assessments and DLT candidates',
    description: 'The entries behind the safety board, as corrected (voided entries are gone), for the sites you are bound to.',
  })
  @ApiQueryParams(safetyEntriesQuerySchema)
  @ApiOkResponse({ schema: jsonSchemaOf(pageSchemaOf('SafetyEntryPage', safetyEntryViewSchema)) })
  @problemResponses(400, 503)
  async entries(@Query(new ZodValidationPipe(safetyEntriesQuerySchema, 'query')) q: z.infer<typeof safetyEntriesQuerySchema>, @Req() request: Request): Promise<ListPage<SafetyEntryView>> {
    const { sites } = scopeOf(request, q.siteId);
    await this.readYourWrites.await(safetyProjection.name, q.participantId, q.minVersion);
    const page = await safetyEntries(
      this.db.manager,
      { sites, trialId: q.trialId, cohortId: q.cohortId, participantId: q.participantId, kind: q.kind, minGrade: q.minGrade, serious: q.serious, dltStatus: q.dltStatus },
      pageRequest(SAFETY_ENTRIES_ORDER, q),
    );
    return listPage(page, toEntryView);
  }
}
