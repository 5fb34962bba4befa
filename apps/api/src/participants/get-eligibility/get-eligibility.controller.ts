import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { CriterionResult } from '@trialflow/domain';
import { z } from 'zod';
import { requestUser } from '../../auth/request-user.js';
import { Roles } from '../../auth/roles.decorator.js';
import { jsonSchemaOf, problemResponses } from '../../http/openapi-schemas.js';
import { problem } from '../../http/problem.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { READERS } from '../../queries/user-scope.js';
import { participantParams, type ParticipantParams } from '../commands/command-controller-support.js';
import { participantNotFound } from '../commands/journey-command-errors.js';
import { ParticipantDirectory } from '../participant-directory.js';
import { EligibilityEvaluationQuery } from './eligibility-evaluation.query.js';

const querySchema = z.strictObject({
  minVersion: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more').optional(),
});

const OUTCOMES = ['MET', 'NOT_MET', 'MISSING', 'OUT_OF_DATE', 'UNIT_MISMATCH'] as const;
const criterionOutcomeSchema = z.object({
  criterionId: z.string(),
  criterionVersion: z.number().int(),
  outcome: z.enum(OUTCOMES),
  basedOn: z
    .object({ entryId: z.string(), value: z.union([z.number(), z.string(), z.boolean()]), unit: z.string().optional(), observedOn: z.iso.date() })
    .optional()
    .describe('The observation or attestation the outcome was decided on.'),
});
/** Criteria nest one level (an "any of" criterion and its parts): documented without recursion, which OpenAPI refs cannot express inline. */
const criterionResultSchema = criterionOutcomeSchema.extend({ parts: z.array(criterionOutcomeSchema).optional().describe('The parts of an "any of" criterion.') });

export const eligibilityViewSchema = z
  .object({
    episode: z.number().int().describe('Screening episode (1, then 2 after a re-screening).'),
    cohortId: z.string(),
    protocolVersion: z.string(),
    evaluatedAt: z.iso.datetime(),
    eligible: z.boolean(),
    results: z.array(criterionResultSchema).describe('Each criterion, its outcome and the entry it was decided on.'),
    recordHash: z.string().describe('SHA-256 of this evaluation: send it with SignEligibility to sign exactly what is displayed.'),
    signature: z
      .object({
        // The printed name is part of a signature's manifestation (21 CFR 11.50(a)(1)); null only if none was recorded.
        signer: z.object({ id: z.string(), name: z.string().nullable(), role: z.string() }),
        meaning: z.string(),
        signedAt: z.iso.datetime(),
        recordHash: z.string(),
      })
      .nullable()
      .describe('The investigator’s signature of this evaluation, once signed.'),
    streamVersion: z.number().int(),
  })
  .meta({ title: 'EligibilityEvaluation' });

/** The domain's criterion results are passed through as recorded (the schema above documents them). */
export type EligibilityView = Omit<z.infer<typeof eligibilityViewSchema>, 'results'> & { readonly results: readonly CriterionResult[] };

@ApiTags('participants')
@Controller('v1/participants')
export class GetEligibilityController {
  constructor(
    @Inject(EligibilityEvaluationQuery) private readonly query: EligibilityEvaluationQuery,
    @Inject(ParticipantDirectory) private readonly directory: ParticipantDirectory,
  ) {}

  @Get(':participantId/eligibility-evaluation')
  @Roles(...READERS)
  @ApiOperation({
    operationId: 'getEligibilityEvaluation',
    summary: 'The latest eligibility evaluation (what an investigator signs)',
    description: 'The criteria outcomes and the recordHash of the last evaluation, with its signature once signed. 404 until eligibility has been evaluated.',
  })
  @ApiParam({ name: 'participantId', format: 'uuid' })
  @ApiQuery({ name: 'minVersion', required: false, schema: { type: 'integer', minimum: 0 }, description: 'Wait (briefly) until the record holds at least this stream version.' })
  @ApiOkResponse({ schema: jsonSchemaOf(eligibilityViewSchema) })
  @problemResponses(400, 404, 503)
  async get(
    @Param(participantParams) params: ParticipantParams,
    @Query(new ZodValidationPipe(querySchema, 'query')) q: z.infer<typeof querySchema>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EligibilityView> {
    const participant = await this.directory.find(params.participantId);
    if (!participant || !requestUser(request).sites.includes(participant.siteId)) throw participantNotFound(params.participantId);
    const record = await this.query.execute(params.participantId, q.minVersion ?? 0);
    if (!record) {
      const p = problem(503, 'RECORD_BEHIND', 'The record has not caught up yet', `Version ${q.minVersion} is not recorded yet.`);
      p.headers['Retry-After'] = '1';
      throw p;
    }
    const { evaluation, signature } = record;
    if (!evaluation) throw problem(404, 'ELIGIBILITY_NOT_EVALUATED', 'Not found', 'Eligibility has not been evaluated for this participant yet.');
    response.setHeader('ETag', `"${record.streamVersion}"`);
    return {
      episode: evaluation.data.episode,
      cohortId: evaluation.data.cohortId,
      protocolVersion: evaluation.data.protocolVersion,
      evaluatedAt: evaluation.occurredAt,
      eligible: evaluation.data.eligible,
      results: evaluation.data.results,
      recordHash: evaluation.data.recordHash,
      signature: signature ? { signer: { id: signature.data.signature.signer.id, name: signature.data.signature.signer.name ?? null, role: signature.data.signature.signer.role }, meaning: signature.data.signature.meaning, signedAt: signature.data.signature.signedAt, recordHash: signature.data.signature.recordHash } : null,
      streamVersion: record.streamVersion,
    };
  }
}
