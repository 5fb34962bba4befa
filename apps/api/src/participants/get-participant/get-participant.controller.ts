import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { problem } from '../../http/problem.js';
import { problemResponses } from '../../http/openapi-schemas.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { GetParticipantQuery } from './get-participant.query.js';
import { toParticipantView, type ParticipantView } from './participant.response.js';

const paramsSchema = z.object({ participantId: z.uuid({ error: 'must be a UUID' }) });
const querySchema = z.strictObject({
  minVersion: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(0).optional(),
});

@ApiTags('participants')
@Controller('v1/participants')
export class GetParticipantController {
  constructor(private readonly query: GetParticipantQuery) {}

  @Get(':participantId')
  @ApiOperation({ summary: 'One participant from the roster read model', operationId: 'getParticipant' })
  @ApiParam({ name: 'participantId', format: 'uuid' })
  @ApiQuery({ name: 'minVersion', required: false, description: 'Wait until the read model reflects at least this stream version (read-your-writes).' })
  @ApiResponse({ status: 200, description: 'The participant; ETag is the stream version reflected.' })
  @problemResponses(400, 404, 503)
  async get(
    @Param(new ZodValidationPipe(paramsSchema, 'path')) params: z.infer<typeof paramsSchema>,
    @Query(new ZodValidationPipe(querySchema, 'query')) q: z.infer<typeof querySchema>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ParticipantView> {
    const found = await this.query.execute(params.participantId, q.minVersion ?? 0);
    if (found.status === 'not-found') throw problem(404, 'PARTICIPANT_NOT_FOUND', 'Not found', `No participant ${params.participantId}.`);
    if (found.status === 'behind') {
      const p = problem(503, 'READ_MODEL_BEHIND', 'The read model has not caught up yet', `It reflects version ${found.version}; version ${q.minVersion} was asked for.`);
      p.headers['Retry-After'] = '1';
      throw p;
    }
    response.setHeader('ETag', `"${found.row.lastStreamVersion}"`);
    return toParticipantView(found.row);
  }
}
