import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@trialflow/contracts';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { jsonSchemaOf, problemResponses } from '../../http/openapi-schemas.js';
import { correlationId, requestActor } from '../../http/request-context.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { RegisterParticipantHandler } from './register-participant.handler.js';
import { registerParticipantBodySchema, trialIdParamSchema, type RegisterParticipantBody } from './register-participant.request.js';

const paramsSchema = z.object({ trialId: trialIdParamSchema });

@ApiTags('participants')
@Controller('v1/trials/:trialId/participants')
export class RegisterParticipantController {
  constructor(private readonly handler: RegisterParticipantHandler) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a participant and start their journey', operationId: 'registerParticipant' })
  @ApiParam({ name: 'trialId', schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{2,63}$' }, example: 'ucart-cd19-bcma' })
  @ApiBody({ schema: jsonSchemaOf(registerParticipantBodySchema) })
  @ApiResponse({ status: 201, description: 'Registered. ETag is the stream version; Location is the participant.' })
  @problemResponses(400, 404, 409, 422, 503)
  async register(
    @Param(new ZodValidationPipe(paramsSchema, 'path')) params: z.infer<typeof paramsSchema>,
    @Body(new ZodValidationPipe(registerParticipantBodySchema)) body: RegisterParticipantBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    const result = await this.handler.execute(params.trialId, body, {
      actor: requestActor(request, body.siteId),
      correlationId: correlationId(request),
    });
    response.setHeader('ETag', `"${result.streamVersion}"`);
    if (result.summary.participantId) response.setHeader('Location', `/v1/participants/${result.summary.participantId}`);
    return result;
  }
}
