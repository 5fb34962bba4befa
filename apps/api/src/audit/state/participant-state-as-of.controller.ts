import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { plan, type Deadline, type ParticipantState, type ParticipantSummary } from '@trialflow/domain';
import { AuditTrail, participantWorklistAt, type AsOfBasis } from '@trialflow/read-models';
import type { Request } from 'express';
import { z } from 'zod';
import { requestUser } from '../../auth/request-user.js';
import { Roles } from '../../auth/roles.decorator.js';
import { jsonSchemaOf, problemResponses } from '../../http/openapi-schemas.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { ApiQueryParams } from '../../queries/api-query-params.js';
import { participantParamsSchema, stateAsOfQuerySchema } from '../audit-params.js';
import { AuditRecordsReader } from '../audit-records.reader.js';
import { AUDIT_READERS } from '../audit-roles.js';
import { worklistAsOfSchema, worklistAsOfView, type WorklistAsOfView } from './worklist-as-of.view.js';

const stateAsOfSchema = z
  .object({
    participantId: z.uuid(),
    asOf: z.iso.datetime(),
    basis: z.enum(['recorded', 'clinical']),
    positions: z.array(z.number().int()).describe('Stream positions folded into this state, in order.'),
    currentVersion: z.number().int().describe("The stream's version today, for comparison."),
    summary: z.record(z.string(), z.unknown()).describe("The domain's summary of the state (phase, study day, next deadline…)."),
    state: z.record(z.string(), z.unknown()).describe("The domain's own fold of the events selected (ParticipantState)."),
    pendingDeadlines: z
      .array(z.object({ id: z.string(), kind: z.string(), dueAt: z.iso.datetime(), label: z.string(), visitId: z.string().optional(), aeId: z.string().optional(), pastDue: z.boolean() }).loose())
      .describe('The domain plan of that state: every deadline and timer pending then; pastDue when due by the instant.'),
    worklist: worklistAsOfSchema.describe("The participant's part of the coordinators' worklist at the instant, by the live worklist's own rules (horizon 14 days, closing soon within 3)."),
  })
  .meta({ title: 'StateAsOf' });

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
  /** The participant's worklist as the coordinator's screen would have shown it at that instant. */
  readonly worklist: WorklistAsOfView;
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
    summary: "A participant's state as of any instant, with the deadlines and the worklist of then",
    description:
      "Replays the event store with the domain's own fold: by recorded time (what the record said then) or by clinical time (what had happened by then, as known now). The pending deadlines are the domain plan of that state; the worklist is the participant's items (overdue, due today, windows closing soon), deviation candidates and pending investigator signatures judged at that instant, by the live worklist's rules.",
    operationId: 'getParticipantStateAsOf',
  })
  @ApiParam({ name: 'participantId', format: 'uuid' })
  @ApiQueryParams(stateAsOfQuerySchema)
  @ApiOkResponse({ description: 'The state, its summary, the deadlines pending and the worklist at that instant.', schema: jsonSchemaOf(stateAsOfSchema) })
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
      worklist: worklistAsOfView(participantWorklistAt(asOf.view, { instant })),
    };
  }
}
