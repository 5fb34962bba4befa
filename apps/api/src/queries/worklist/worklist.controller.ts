import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { knownProtocols } from '@trialflow/domain';
import { coordinatorWorklist, DEFAULT_CLOSING_SOON_DAYS, DEFAULT_HORIZON_DAYS, siteDateOf, worklistProjection, type WorklistEntry } from '@trialflow/read-models';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { Roles } from '../../auth/roles.decorator.js';
import { jsonSchemaOf, problemResponses } from '../../http/openapi-schemas.js';
import { ZodValidationPipe } from '../../http/zod-validation.pipe.js';
import { ApiQueryParams } from '../api-query-params.js';
import { minVersionNeedsParticipant, ReadYourWrites, readYourWritesQueryShape } from '../read-your-writes.js';
import { READERS, scopeOf } from '../user-scope.js';

export const worklistQuerySchema = z
  .strictObject({
    trialId: z.string().max(64).optional().describe('Only this trial.'),
    siteId: z.string().max(32).optional().describe('Only this site (one you are bound to; default: all of yours).'),
    horizonDays: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more').max(366, 'must be at most 366').default(DEFAULT_HORIZON_DAYS).describe(`Leave out items due further ahead than this many days (default ${DEFAULT_HORIZON_DAYS}).`),
    closingSoonDays: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more').max(30, 'must be at most 30').default(DEFAULT_CLOSING_SOON_DAYS).describe(`A window closing within this many days is "closing soon" (default ${DEFAULT_CLOSING_SOON_DAYS}).`),
    ...readYourWritesQueryShape,
  })
  .superRefine(minVersionNeedsParticipant);

export const worklistItemViewSchema = z
  .object({
    participantId: z.uuid(),
    participantCode: z.string(),
    trialId: z.string(),
    cohortId: z.string(),
    siteId: z.string(),
    itemId: z.string().describe('visit:<visitId> for a visit, else the deadline id (e.g. sae-report:<aeId>).'),
    kind: z.string().describe('VISIT, or the deadline kind (SAE_REPORT_DUE, DLT_WINDOW_CLOSES, …).'),
    label: z.string(),
    visitId: z.string().nullable(),
    dueOn: z.iso.date().describe('Site-local date the item is due.'),
    dueAt: z.iso.datetime().describe('After this instant it is late.'),
    windowOpens: z.iso.date().nullable(),
    windowCloses: z.iso.date().nullable(),
    remindersSent: z.number().int(),
    remindersFailed: z.number().int(),
    lastReminderAt: z.iso.datetime().nullable(),
    escalated: z.boolean(),
    today: z.iso.date().describe("Today's date at the item's site, which the flags below are relative to."),
    dueToday: z.boolean(),
    overdue: z.boolean(),
    windowOpen: z.boolean(),
    closingSoon: z.boolean(),
    daysUntilDue: z.number().int(),
    streamVersion: z.number().int(),
  })
  .meta({ title: 'WorklistItem' });

export type WorklistItemView = z.infer<typeof worklistItemViewSchema>;

const worklistSchema = z.object({ items: z.array(worklistItemViewSchema).describe('Most urgent first.') }).meta({ title: 'Worklist' });

export const worklistItemView = (entry: WorklistEntry, today: string): WorklistItemView => ({
  participantId: entry.item.participantId,
  participantCode: entry.item.participantCode,
  trialId: entry.item.trialId,
  cohortId: entry.item.cohortId,
  siteId: entry.item.siteId,
  itemId: entry.item.itemId,
  kind: entry.item.kind,
  label: entry.item.label,
  visitId: entry.item.visitId,
  dueOn: entry.item.dueOn,
  dueAt: entry.item.dueAt.toISOString(),
  windowOpens: entry.item.windowOpens,
  windowCloses: entry.item.windowCloses,
  remindersSent: entry.item.remindersSent,
  remindersFailed: entry.item.remindersFailed,
  lastReminderAt: entry.item.lastReminderAt?.toISOString() ?? null,
  escalated: entry.item.escalated,
  today,
  dueToday: entry.dueToday,
  overdue: entry.overdue,
  windowOpen: entry.windowOpen,
  closingSoon: entry.closingSoon,
  daysUntilDue: entry.daysUntilDue,
  streamVersion: entry.item.lastStreamVersion,
});

/** Each site's fixed UTC offset, from the protocols that activate it: "today" is the site's calendar date. */
const siteOffsets = new Map(knownProtocols().flatMap((p) => p.sites.map((s) => [s.id, s.utcOffsetMinutes] as const)));

@ApiTags('worklist')
@Controller('v1/worklist')
export class WorklistController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    operationId: 'getWorklist',
    summary: "The coordinators' worklist",
    description:
      'Every open item up to the horizon at the sites you are bound to, most urgent first: visits to do (with their window and reminders) and other deadlines (SAE reports, DLT window close, washout, thaw limit, …), each classified for today at its site: due today, overdue, window open, closing soon.',
  })
  @ApiQueryParams(worklistQuerySchema)
  @ApiOkResponse({ schema: jsonSchemaOf(worklistSchema) })
  @problemResponses(400, 503)
  async list(@Query(new ZodValidationPipe(worklistQuerySchema, 'query')) q: z.infer<typeof worklistQuerySchema>, @Req() request: Request): Promise<{ items: WorklistItemView[] }> {
    const { sites } = scopeOf(request, q.siteId);
    await this.readYourWrites.await(worklistProjection.name, q.participantId, q.minVersion);
    const now = new Date();
    const perSite = await Promise.all(
      sites
        .filter((siteId) => siteOffsets.has(siteId))
        .map(async (siteId) => {
          const today = siteDateOf({ siteUtcOffsetMinutes: siteOffsets.get(siteId) ?? 0 }, now);
          const entries = await coordinatorWorklist(this.db.manager, { siteId, trialId: q.trialId, today, now, horizonDays: q.horizonDays, closingSoonDays: q.closingSoonDays });
          return entries.map((entry) => worklistItemView(entry, today));
        }),
    );
    const items = perSite
      .flat()
      .filter((item) => q.participantId === undefined || item.participantId === q.participantId)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.participantCode.localeCompare(b.participantCode) || a.itemId.localeCompare(b.itemId));
    return { items };
  }
}
