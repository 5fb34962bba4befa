import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { knownProtocols, type Protocol } from '@trialflow/domain';
import type { Request } from 'express';
import { z } from 'zod';
import { requestUser } from '../auth/request-user.js';
import { Roles } from '../auth/roles.decorator.js';
import { jsonSchemaOf, problemResponses } from '../http/openapi-schemas.js';
import { problem } from '../http/problem.js';
import { ZodValidationPipe } from '../http/zod-validation.pipe.js';
import { ApiQueryParams } from '../queries/api-query-params.js';
import { READERS } from '../queries/user-scope.js';

const siteViewSchema = z.object({ id: z.string(), name: z.string(), timeZone: z.string().describe('IANA time zone: dates of this site are shown in it.'), utcOffsetMinutes: z.number().int() });

const trialSummarySchema = z
  .object({
    trialId: z.string(),
    protocolVersion: z.string().describe('The newest version: new registrations take it.'),
    versions: z.array(z.string()).describe('Every protocol version this build knows, oldest first.'),
    title: z.string(),
    registry: z.string().nullable(),
    sites: z.array(siteViewSchema).describe('The sites of this trial you are bound to.'),
    cohorts: z.array(z.object({ id: z.string(), disease: z.string(), label: z.string() })),
  })
  .meta({ title: 'TrialSummary' });

const trialListSchema = z.object({ items: z.array(trialSummarySchema) }).meta({ title: 'TrialList' });

const protocolQuerySchema = z.strictObject({
  version: z.string().max(32).optional().describe("A protocol version (a participant keeps the version it was registered under); default: the newest."),
});

/** Open JSON: the protocol's own schema (libs/domain `protocolSchema`) is the contract of its shape. */
const protocolViewSchema = z.record(z.string(), z.unknown()).describe('The protocol version as data: cohorts and their eligibility criteria, consent forms, dose levels, washout table, lymphodepletion regimen, infusion limits, DLT window and rules, visit schedule, reminders. `sites` lists only the sites you are bound to.').meta({ title: 'Protocol' });

type SiteView = z.infer<typeof siteViewSchema>;
type TrialSummary = z.infer<typeof trialSummarySchema>;

const sitesOf = (protocol: Protocol, userSites: readonly string[]): SiteView[] =>
  protocol.sites.filter((s) => userSites.includes(s.id)).map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone, utcOffsetMinutes: s.utcOffsetMinutes }));

/** The newest version of each trial, in the order the build knows them. */
function newestVersions(): Protocol[] {
  const newest = new Map<string, Protocol>();
  for (const p of knownProtocols()) newest.set(p.trialId, p);
  return [...newest.values()];
}

/**
 * The trials and protocols a user works with: what a client needs to offer the protocol's choices (criteria,
 * consent forms, dose levels, washout classes, visit windows) without a copy of the protocol of its own. A
 * trial is visible when the user is bound to one of its sites; other sites are left out of the answer, like
 * every other list of the API.
 */
@ApiTags('trials')
@Controller('v1/trials')
export class TrialsController {
  @Get()
  @Roles(...READERS)
  @ApiOperation({ operationId: 'listTrials', summary: 'The trials of your sites', description: 'Each trial with at least one site you are bound to: its newest protocol version, your sites (with their time zones) and its cohorts.' })
  @ApiOkResponse({ schema: jsonSchemaOf(trialListSchema) })
  list(@Req() request: Request): { items: TrialSummary[] } {
    const user = requestUser(request);
    const items = newestVersions()
      .map((p) => ({ protocol: p, sites: sitesOf(p, user.sites) }))
      .filter(({ sites }) => sites.length > 0)
      .map(({ protocol: p, sites }) => ({
        trialId: p.trialId,
        protocolVersion: p.protocolVersion,
        versions: knownProtocols().filter((v) => v.trialId === p.trialId).map((v) => v.protocolVersion),
        title: p.title,
        registry: p.registry ?? null,
        sites,
        cohorts: p.cohorts.map((c) => ({ id: c.id, disease: c.disease, label: c.label })),
      }));
    return { items };
  }

  @Get(':trialId/protocol')
  @Roles(...READERS)
  @ApiOperation({ operationId: 'getTrialProtocol', summary: 'A protocol version as data', description: 'A trial none of whose sites you are bound to is answered 404, as an unknown trial.' })
  @ApiParam({ name: 'trialId' })
  @ApiQueryParams(protocolQuerySchema)
  @ApiOkResponse({ schema: jsonSchemaOf(protocolViewSchema) })
  @problemResponses(400, 404)
  protocol(@Param('trialId') trialId: string, @Query(new ZodValidationPipe(protocolQuerySchema, 'query')) q: z.infer<typeof protocolQuerySchema>, @Req() request: Request): Record<string, unknown> {
    const user = requestUser(request);
    const versions = knownProtocols().filter((p) => p.trialId === trialId);
    const sites = versions.length > 0 ? sitesOf(versions.at(-1)!, user.sites) : [];
    if (sites.length === 0) throw problem(404, 'TRIAL_NOT_FOUND', 'Not found', `No trial ${trialId} at the sites you are bound to.`);
    const protocol = q.version === undefined ? versions.at(-1) : versions.find((p) => p.protocolVersion === q.version);
    if (!protocol) throw problem(404, 'PROTOCOL_VERSION_NOT_FOUND', 'Not found', `Trial ${trialId} has no protocol version ${q.version}.`, { errors: [{ field: 'version', message: 'unknown protocol version' }] });
    return { ...protocol, sites: sitesOf(protocol, user.sites) };
  }
}
