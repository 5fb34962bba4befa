import { Controller, Get, Header, Logger, Param, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { z } from 'zod';
import { requestUser } from '../../auth/request-user.js';
import { Roles } from '../../auth/roles.decorator.js';
import { problemResponses } from '../../http/openapi-schemas.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { ApiQueryParams } from '../../queries/api-query-params.js';
import { noQuerySchema, sdtmQuerySchema, trialParamsSchema } from '../audit-params.js';
import { AuditRecordsReader } from '../audit-records.reader.js';
import { EXPORTERS } from '../audit-roles.js';
import { odmFile, sdtmFile } from './export-files.js';

/** A trial's exports hold the participants of the caller's own sites only (never refused for what they leave out). */
@ApiTags('audit')
@Controller('v1/trials/:trialId/exports')
export class TrialExportsController {
  private readonly logger = new Logger('AuditExport');

  constructor(private readonly records: AuditRecordsReader) {}

  @Get('odm')
  @Roles(...EXPORTERS)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "A trial's participants (of your sites) as one transactional CDISC ODM 1.3.2 file", operationId: 'exportTrialOdm' })
  @ApiParam({ name: 'trialId', example: 'ucart-cd19-bcma' })
  @ApiProduces('application/xml')
  @ApiResponse({ status: 200, description: 'ODM XML (attachment).' })
  @problemResponses(400, 404)
  async odm(
    @Param(new ZodValidationPipe(trialParamsSchema, 'path')) params: z.infer<typeof trialParamsSchema>,
    @Query(new ZodValidationPipe(noQuerySchema, 'query')) _query: z.infer<typeof noQuerySchema>,
    @Req() request: Request,
  ): Promise<StreamableFile> {
    const user = requestUser(request);
    const subjects = await this.records.trial(user, params.trialId);
    this.logger.log({ msg: 'audit export', format: 'odm', scope: 'trial', trialId: params.trialId, participants: subjects.length, sites: user.sites, userId: user.id, role: user.role });
    return odmFile(params.trialId, subjects, params.trialId);
  }

  @Get('sdtm')
  @Roles(...EXPORTERS)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "A trial's participants (of your sites) as SDTM-shaped CSV (DM, SV, EX, AE, DS, DV)", operationId: 'exportTrialSdtm' })
  @ApiParam({ name: 'trialId', example: 'ucart-cd19-bcma' })
  @ApiQueryParams(sdtmQuerySchema)
  @ApiProduces('application/zip', 'text/csv')
  @ApiResponse({ status: 200, description: 'A zip of CSV files, or one CSV file (attachment).' })
  @problemResponses(400, 404)
  async sdtm(
    @Param(new ZodValidationPipe(trialParamsSchema, 'path')) params: z.infer<typeof trialParamsSchema>,
    @Query(new ZodValidationPipe(sdtmQuerySchema, 'query')) query: z.infer<typeof sdtmQuerySchema>,
    @Req() request: Request,
  ): Promise<StreamableFile> {
    const user = requestUser(request);
    const subjects = await this.records.trial(user, params.trialId);
    this.logger.log({ msg: 'audit export', format: 'sdtm', domain: query.domain ?? 'all', scope: 'trial', trialId: params.trialId, participants: subjects.length, sites: user.sites, userId: user.id, role: user.role });
    return sdtmFile(params.trialId, subjects, params.trialId, query.domain);
  }
}
