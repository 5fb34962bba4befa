import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { plan, type Deadline, type ParticipantState, type ParticipantSummary } from '@trialflow/domain';
import { AuditTrail, type AsOfBasis } from '@trialflow/read-models';
import type { Request } from 'express';
import type { z } from 'zod';
import { requestUser } from '../../auth/request-user.js';
import { Roles } from '../../auth/roles.decorator.js';
import { problemResponses } from '../../http/openapi-schemas.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { ApiQueryParams } from '../../queries/api-query-params.js';
import { participantParamsSchema, stateAsOfQuerySchema } from '../audit-params.js';
import { AuditRecordsReader } from '../audit-records.reader.js';
import { AUDIT_READERS } from '../audit-roles.js';

export interface StateAsOfView {
  readonly participantId: string;
  readonly asOf: string;
  readonly basis: AsOfBasis;
  /** Stream positions folded into this state, in order. */
  readonly positions: readonly number[];
  /** The stream's version today, for comparison. */
  readonly currentVersion: number;
  readonly summary: ParticipantSummary;
  readonly state: ParticipantState;
  /**
   * The participant's open obligations at that instant: the domain's plan of the state as of then (what the
   * coordinator's worklist and timers were working from). `pastDue`: due at or before the instant, its
   * outcome not yet in the events selected.
   */
  readonly pendingDeadlines: readonly (Deadline & { readonly pastDue: boolean })[];
}

@ApiTags('audit')
@Controller('v1/participants/:participantId/audit/state')
export class ParticipantStateAsOfController {
  constructor(
    private readonly records: AuditRecordsReader,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @Roles(...AUDIT_READERS)
  @ApiOperation({
    summary: "A participant's state as of any instant, with the deadlines pending then",
    description: 'Replays the event store with the domain\'s own fold: by recorded time (what the record said then) or by clinical time (what had happened by then, as known now). The pending deadlines are the domain plan of that state.',
    operationId: 'getParticipantStateAsOf',
  })
  @ApiParam({ name: 'participantId', format: 'uuid' })
  @ApiQueryParams(stateAsOfQuerySchema)
  @ApiOkResponse({ description: 'The state, its summary and the deadlines pending at that instant.' })
  @problemResponses(400, 404)
  async stateAsOf(
    @Param(new ZodValidationPipe(participantParamsSchema, 'path')) params: z.infer<typeof participantParamsSchema>,
    @Query(new ZodValidationPipe(stateAsOfQuerySchema, 'query')) query: z.infer<typeof stateAsOfQuerySchema>,
    @Req() request: Request,
  ): Promise<StateAsOfView> {
    const participant = await this.records.participant(requestUser(request), params.participantId);
    const instant = new Date(query.asOf);
    const asOf = await this.audit.stateAsOf(participant.streamId, instant, query.basis);
    return {
      participantId: participant.participantId,
      asOf: asOf.asOf,
      basis: asOf.basis,
      positions: asOf.positions,
      currentVersion: asOf.currentVersion,
      summary: asOf.summary,
      state: asOf.state,
      pendingDeadlines: plan(asOf.state).map((d) => ({ ...d, pastDue: Date.parse(d.dueAt) <= instant.getTime() })),
    };
  }
}
