import { Controller, Get, Logger, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { participantWorkflowId } from '@trialflow/contracts';
import { AuditTrail, type StreamVerification } from '@trialflow/read-models';
import type { Request } from 'express';
import type { z } from 'zod';
import { requestUser } from '../../auth/request-user.js';
import { Roles } from '../../auth/roles.decorator.js';
import { problemResponses } from '../../http/openapi-schemas.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { noQuerySchema, participantParamsSchema } from '../audit-params.js';
import { AuditRecordsReader } from '../audit-records.reader.js';
import { AUDIT_READERS } from '../audit-roles.js';
import { compareStoreWithHistory, type HistoryComparison } from './history-comparison.js';
import { WorkflowHistoryReader } from './workflow-history.reader.js';

export interface VerificationView {
  readonly participantId: string;
  readonly streamId: string;
  readonly checkedAt: string;
  /** The hash chain is intact and the store agrees with the journey's history. */
  readonly ok: boolean;
  readonly hashChain: StreamVerification;
  readonly workflowHistory: ({ readonly available: true; readonly workflowId: string } & HistoryComparison) | { readonly available: false; readonly workflowId: string; readonly ok: false; readonly reason: string };
}

@ApiTags('audit')
@Controller('v1/participants/:participantId/audit/verification')
export class ParticipantVerificationController {
  private readonly logger = new Logger(ParticipantVerificationController.name);

  constructor(
    private readonly records: AuditRecordsReader,
    private readonly audit: AuditTrail,
    private readonly histories: WorkflowHistoryReader,
  ) {}

  @Get()
  @Roles(...AUDIT_READERS)
  @ApiOperation({
    summary: "Verifies a participant's record: its hash chain, and the store against the journey's Temporal history",
    description:
      'The per-stream hash chain is recomputed (the first broken link is reported), and every stored event is compared with the events the journey appended according to its own workflow history, over all its runs: missing in the store, missing in the history, or different (type, data, clinical time, position, metadata). Events whose append is still in flight are NOT_YET_STORED; events of runs past Temporal\'s retention are HISTORY_UNAVAILABLE (`complete: false`).',
    operationId: 'verifyParticipantRecord',
  })
  @ApiParam({ name: 'participantId', format: 'uuid' })
  @ApiOkResponse({ description: 'The verification report; `ok` is false when anything is broken or differs.' })
  @problemResponses(400, 404)
  async verify(
    @Param(new ZodValidationPipe(participantParamsSchema, 'path')) params: z.infer<typeof participantParamsSchema>,
    @Query(new ZodValidationPipe(noQuerySchema, 'query')) _query: z.infer<typeof noQuerySchema>,
    @Req() request: Request,
  ): Promise<VerificationView> {
    const participant = await this.records.participant(requestUser(request), params.participantId);
    const hashChain = await this.audit.verifyStream(participant.streamId);
    const workflowId = participantWorkflowId(participant.facts.participantCode);
    const runIds = [...new Set(participant.events.map((e) => e.metadata.workflowRunId).filter((id): id is string => typeof id === 'string'))];
    let workflowHistory: VerificationView['workflowHistory'];
    try {
      const runs = await this.histories.runsOf(workflowId, runIds);
      workflowHistory = { available: true, workflowId, ...compareStoreWithHistory(participant.streamId, participant.events, runs) };
    } catch (error) {
      // The chain is still reported: Temporal being away must not hide what the store itself says.
      this.logger.warn({ msg: 'workflow history unavailable for verification', workflowId, error: String(error) });
      workflowHistory = { available: false, workflowId, ok: false, reason: 'The Temporal history could not be read; try again shortly.' };
    }
    return { participantId: participant.participantId, streamId: participant.streamId, checkedAt: new Date().toISOString(), ok: hashChain.ok && workflowHistory.ok, hashChain, workflowHistory };
  }
}
