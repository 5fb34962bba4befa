import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@trialflow/contracts';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { requestUser } from '../../auth/request-user.js';
import { Roles } from '../../auth/roles.decorator.js';
import { assertSiteAccess } from '../../auth/site-access.js';
import { jsonSchemaOf, problemResponses } from '../../http/openapi-schemas.js';
import { correlationId, requestActor } from '../../http/request-context.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { JOURNEY_WRITERS } from '../commands/command-controller-support.js';
import { commandResultSchema } from '../commands/command-result.schema.js';
import { ParticipantDirectory } from '../participant-directory.js';
import { RegisterParticipantHandler } from './register-participant.handler.js';
import { registerParticipantBodySchema, trialIdParamSchema, type RegisterParticipantBody } from './register-participant.request.js';
import { answerNewParticipant } from '../new-participant-answer.js';

const paramsSchema = z.object({ trialId: trialIdParamSchema });

@ApiTags('participants')
@Controller('v1/trials/:trialId/participants')
export class RegisterParticipantController {
  constructor(
    @Inject(RegisterParticipantHandler) private readonly handler: RegisterParticipantHandler,
    @Inject(ParticipantDirectory) private readonly directory: ParticipantDirectory,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...JOURNEY_WRITERS)
  @ApiOperation({ summary: 'Register a participant and start their journey', operationId: 'registerParticipant' })
  @ApiParam({ name: 'trialId', schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{2,63}$' }, example: 'ucart-cd19-bcma' })
  @ApiBody({ schema: jsonSchemaOf(registerParticipantBodySchema) })
  @ApiResponse({
    status: 201,
    description: 'Registered. ETag is the stream version; Location is the participant (its participantId addresses every later command).',
    content: { 'application/json': { schema: jsonSchemaOf(commandResultSchema) } },
  })
  @problemResponses(400, 404, 409, 422, 503)
  async register(
    @Param(new ZodValidationPipe(paramsSchema, 'path')) params: z.infer<typeof paramsSchema>,
    @Body(new ZodValidationPipe(registerParticipantBodySchema)) body: RegisterParticipantBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    // Checked before anything starts: a refused registration must not leave a journey waiting for it.
    assertSiteAccess(requestUser(request), body.siteId, 'siteId');
    const result = await this.handler.execute(params.trialId, body, {
      actor: requestActor(request, body.siteId),
      correlationId: correlationId(request),
    });
    return answerNewParticipant(result, response, this.directory);
  }
}
