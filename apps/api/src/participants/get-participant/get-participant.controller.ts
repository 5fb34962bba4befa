import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { requestUser } from '../../auth/request-user.js';
import { Roles } from '../../auth/roles.decorator.js';
import { jsonSchemaOf, problemResponses } from '../../http/openapi-schemas.js';
import { problem } from '../../http/problem.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { READERS } from '../../queries/user-scope.js';
import { participantParams, type ParticipantParams } from '../commands/command-controller-support.js';
import { participantNotFound } from '../commands/journey-command-errors.js';
import { GetParticipantQuery } from './get-participant.query.js';
import { participantViewSchema, toParticipantView, type ParticipantView } from './participant.response.js';

const querySchema = z.strictObject({
  minVersion: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more').optional(),
});

@ApiTags('participants')
@Controller('v1/participants')
export class GetParticipantController {
  constructor(@Inject(GetParticipantQuery) private readonly query: GetParticipantQuery) {}

  @Get(':participantId')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'One participant from the roster read model',
    description: 'A participant of a site you are not bound to is answered 404, as if it did not exist.',
    operationId: 'getParticipant',
  })
  @ApiParam({ name: 'participantId', format: 'uuid' })
  @ApiQuery({ name: 'minVersion', required: false, schema: { type: 'integer', minimum: 0 }, description: 'Wait (briefly) until the read model reflects at least this stream version (read-your-writes after a command).' })
  @ApiOkResponse({ description: 'The participant; ETag is the stream version reflected.', schema: jsonSchemaOf(participantViewSchema) })
  @problemResponses(400, 404, 503)
  async get(
    @Param(participantParams) params: ParticipantParams,
    @Query(new ZodValidationPipe(querySchema, 'query')) q: z.infer<typeof querySchema>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ParticipantView> {
    const user = requestUser(request);
    const found = await this.query.execute(params.participantId, q.minVersion ?? 0);
    const row = found.status === 'not-found' ? undefined : found.row;
    if (found.status === 'not-found' || (row && !user.sites.includes(row.siteId))) throw participantNotFound(params.participantId);
    if (found.status === 'behind') {
      const p = problem(503, 'READ_MODEL_BEHIND', 'The read model has not caught up yet', `It reflects version ${found.version}; version ${q.minVersion} was asked for.`);
      p.headers['Retry-After'] = '1';
      throw p;
    }
    response.setHeader('ETag', `"${found.row.lastStreamVersion}"`);
    return toParticipantView(found.row);
  }
}
