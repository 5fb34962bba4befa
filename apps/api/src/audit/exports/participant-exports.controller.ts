import { Controller, Get, Header, Logger, Param, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { z } from 'zod';
import { requestUser } from '../../auth/request-user.js';
import { Roles } from '../../auth/roles.decorator.js';
import { problemResponses } from '../../http/openapi-schemas.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { ApiQueryParams } from '../../queries/api-query-params.js';
import { noQuerySchema, participantParamsSchema, sdtmQuerySchema } from '../audit-params.js';
import { AuditRecordsReader } from '../audit-records.reader.js';
import { EXPORTERS } from '../audit-roles.js';
import { odmFile, sdtmFile } from './export-files.js';

@ApiTags('audit')
@Controller('v1/participants/:participantId/exports')
export class ParticipantExportsController {
  private readonly logger = new Logger('AuditExport');

  constructor(private readonly records: AuditRecordsReader) {}

  @Get('odm')
  @Roles(...EXPORTERS)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "One participant's full record as a transactional CDISC ODM 1.3.2 file",
    description: 'Every stored event as an ODM transaction (Insert; corrections Update, voids Remove) with its AuditRecord (user, location, recording time, reason for change, event id as SourceID), the MetaDataVersion of the OIDs used, and the users and locations named.',
    operationId: 'exportParticipantOdm',
  })
  @ApiParam({ name: 'participantId', format: 'uuid' })
  @ApiProduces('application/xml')
  @ApiResponse({ status: 200, description: 'ODM XML (attachment).' })
  @problemResponses(400, 404)
  async odm(
    @Param(new ZodValidationPipe(participantParamsSchema, 'path')) params: z.infer<typeof participantParamsSchema>,
    @Query(new ZodValidationPipe(noQuerySchema, 'query')) _query: z.infer<typeof noQuerySchema>,
    @Req() request: Request,
  ): Promise<StreamableFile> {
    const user = requestUser(request);
    const participant = await this.records.participant(user, params.participantId);
    this.logger.log({ msg: 'audit export', format: 'odm', scope: 'participant', participantId: participant.participantId, userId: user.id, role: user.role });
    return odmFile(participant.facts.trialId, [{ streamId: participant.streamId, events: participant.events }], participant.facts.participantCode, 'SingleSubject');
  }

  @Get('sdtm')
  @Roles(...EXPORTERS)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "One participant's SDTM-shaped datasets (DM, SV, EX, AE, DS, DV) as CSV",
    description: 'All six domains as a zip of CSV files (dm.csv, sv.csv, ex.csv, ae.csv, ds.csv, dv.csv), or one domain as a CSV file with `domain`.',
    operationId: 'exportParticipantSdtm',
  })
  @ApiParam({ name: 'participantId', format: 'uuid' })
  @ApiQueryParams(sdtmQuerySchema)
  @ApiProduces('application/zip', 'text/csv')
  @ApiResponse({ status: 200, description: 'A zip of CSV files, or one CSV file (attachment).' })
  @problemResponses(400, 404)
  async sdtm(
    @Param(new ZodValidationPipe(participantParamsSchema, 'path')) params: z.infer<typeof participantParamsSchema>,
    @Query(new ZodValidationPipe(sdtmQuerySchema, 'query')) query: z.infer<typeof sdtmQuerySchema>,
    @Req() request: Request,
  ): Promise<StreamableFile> {
    const user = requestUser(request);
    const participant = await this.records.participant(user, params.participantId);
    this.logger.log({ msg: 'audit export', format: 'sdtm', domain: query.domain ?? 'all', scope: 'participant', participantId: participant.participantId, userId: user.id, role: user.role });
    return sdtmFile(participant.facts.trialId, [{ streamId: participant.streamId, events: participant.events }], participant.facts.participantCode, query.domain);
  }
}
