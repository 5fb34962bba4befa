import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@trialflow/contracts';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { ESignatures } from '../../auth/e-signatures.js';
import { requestUser } from '../../auth/request-user.js';
import { Roles } from '../../auth/roles.decorator.js';
import { assertSiteAccess } from '../../auth/site-access.js';
import { jsonSchemaOf, problemResponses } from '../../http/openapi-schemas.js';
import { correlationId } from '../../http/request-context.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { commandResultSchema } from '../commands/command-result.schema.js';
import { ParticipantDirectory } from '../participant-directory.js';
import { trialIdParamSchema } from '../register-participant/register-participant.request.js';
import { ImportParticipantHandler } from './import-participant.handler.js';
import { importParticipantBodySchema, MAX_IMPORTED_ENTRIES, type ImportParticipantBody } from './import-participant.request.js';
import { answerNewParticipant } from '../new-participant-answer.js';

const paramsSchema = z.object({ trialId: trialIdParamSchema });

@ApiTags('participants')
@Controller('v1/trials/:trialId/participants')
export class ImportParticipantController {
  constructor(
    @Inject(ImportParticipantHandler) private readonly handler: ImportParticipantHandler,
    @Inject(ParticipantDirectory) private readonly directory: ParticipantDirectory,
    @Inject(ESignatures) private readonly eSignatures: ESignatures,
  ) {}

  @Post('import')
  @HttpCode(201)
  // Admins migrate records; they run no clinical command themselves (each entry keeps its own site actor).
  @Roles('admin')
  @ApiOperation({
    summary: "Import a participant's records from a legacy EDC or paper source",
    operationId: 'importParticipant',
    description:
      `Registers the participant at \`registeredAt\` and records up to ${MAX_IMPORTED_ENTRIES} entries, each the body of a journey command endpoint, decided at its own instant (deadlines in between reached in place): all or none. ` +
      "Every imported event records the entry's actor, the importing admin (`importedBy`) and the import (`causationId` = `importId`); the store's time is the import's. " +
      'The admin re-enters their password: they attest the import into the audit trail (e-signed entries come without the signer’s password). Resending the same `importId` answers the first result.',
  })
  @ApiParam({ name: 'trialId', schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{2,63}$' }, example: 'ucart-cd19-bcma' })
  @ApiBody({ schema: jsonSchemaOf(importParticipantBodySchema) })
  @ApiResponse({
    status: 201,
    description: 'Imported (or, for a resent importId, imported before). ETag is the stream version; Location is the participant.',
    content: { 'application/json': { schema: jsonSchemaOf(commandResultSchema) } },
  })
  @problemResponses(400, 404, 409, 422, 503)
  async import(
    @Param(new ZodValidationPipe(paramsSchema, 'path')) params: z.infer<typeof paramsSchema>,
    @Body(new ZodValidationPipe(importParticipantBodySchema, 'body', 'bracketed')) body: ImportParticipantBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    const user = requestUser(request);
    // Checked before anything starts: a refused import must not leave a journey waiting for it.
    assertSiteAccess(user, body.siteId, 'siteId');
    await this.eSignatures.confirm(user, { password: body.password });
    const result = await this.handler.execute(params.trialId, body, {
      importedBy: { id: user.id, name: user.name, role: user.role },
      correlationId: correlationId(request),
    });
    return answerNewParticipant(result, response, this.directory);
  }
}
