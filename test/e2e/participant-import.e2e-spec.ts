import { randomUUID } from 'node:crypto';
import { participantWorkflowId } from '@trialflow/contracts';
import { addDaysToDate, decideImport, findProtocol, initialState, localDateOf, type ParticipantState, type SimpleCriterion } from '@trialflow/domain';
import { importedParticipantId, importRequestOf } from '../../apps/api/src/participants/import-participant/import-entries.js';
import { importParticipantBodySchema } from '../../apps/api/src/participants/import-participant/import-participant.request.js';
import { DEMO_PASSWORD, type DemoUser } from '../support/api-auth.js';
import { call, HttpJourney, storedState, type HttpAnswer } from '../support/http-journey.js';
import { startSystem, type RunningSystem } from '../support/running-system.js';

let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem();
});

afterAll(async () => {
  await system?.stop();
});

const TRIAL = 'ucart-cd19-bcma';
const SITE = 'DEMO-01';
const protocol = findProtocol(TRIAL)!;
const cohort = protocol.cohorts.find((c) => c.id === 'SLE')!;
const OFFSET_MINUTES = protocol.sites.find((s) => s.id === SITE)!.utcOffsetMinutes;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Who made the entries at the source (the legacy EDC's users, mapped to this system's ids). */
const COORDINATOR = { id: 'coordinator.a', name: 'Chen Li', role: 'coordinator' } as const;
const INVESTIGATOR = { id: 'investigator.a', name: 'Dr Ines Vogel', role: 'investigator' } as const;
const INFUSED_DAYS_AGO = 15;

type Actor = typeof COORDINATOR | typeof INVESTIGATOR;
interface Entry {
  at: string;
  actor: Actor;
  type: string;
  body: Record<string, any>;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** The site's calendar date at an instant. */
const siteDate = (ms: number) => localDateOf(iso(ms), OFFSET_MINUTES);

/**
 * What the journey will make of the entries so far, decided here with the same pure domain function: a
 * migration tool knows the source's calculated doses.
 */
function preview(request: Record<string, unknown>): { state: ParticipantState; events: { type: string; data: any }[] } {
  const body = importParticipantBodySchema.parse(request);
  const { entries } = importRequestOf(body, { trialId: TRIAL, participantId: importedParticipantId(body.participantCode), importedBy: { id: 'admin.a', role: 'admin' }, correlationId: '' });
  const decision = decideImport(initialState, entries, new Date());
  if (!decision.ok) throw new Error(`the import would be refused: ${JSON.stringify(decision.error)}`);
  return { state: decision.state, events: decision.steps.flatMap((s) => s.events) };
}

/**
 * A participant screened, enrolled, lymphodepleted and infused at the site (local noon) INFUSED_DAYS_AGO
 * days ago, with the D7, D10 and D14 visits done in their windows, as the body of an import: every entry
 * is the body its HTTP command endpoint takes, dated when it was made at the source.
 */
function sourceRecords(participantCode = `IM-${randomUUID().slice(0, 8).toUpperCase()}`) {
  const infusionDate = addDaysToDate(siteDate(Date.now()), -INFUSED_DAYS_AGO);
  const infusedAt = Date.parse(`${infusionDate}T12:00:00Z`) - OFFSET_MINUTES * MINUTE;
  const registeredAt = infusedAt - 20 * DAY;
  const entries: Entry[] = [];
  const request = { importId: randomUUID(), participantCode, cohortId: cohort.id, siteId: SITE, ageYears: 41, sex: 'F', registeredAt: iso(registeredAt), reason: 'Migrated from the legacy EDC (study 2025-03)', password: DEMO_PASSWORD, entries };
  const add = (at: number, actor: Actor, type: string, body: Record<string, unknown>) => entries.push({ at: iso(at), actor, type, body: { commandId: randomUUID(), ...body } });

  add(registeredAt + HOUR, COORDINATOR, 'SignConsent', {
    icfVersion: protocol.consent.icfVersions[0]!.version,
    signedOn: siteDate(registeredAt),
    signers: [{ role: 'PARTICIPANT', name: 'P' }, { role: 'INVESTIGATOR', name: 'Dr A' }],
    assent: false,
    obtainedBy: 'investigator.a',
  });
  for (const criterion of cohort.eligibility.flatMap((c): SimpleCriterion[] => (c.rule === 'anyOf' ? [c.criteria[0]!] : [c]))) {
    if (criterion.rule === 'attestation') {
      add(registeredAt + 2 * HOUR, INVESTIGATOR, 'AttestEligibilityCriterion', { criterionCode: criterion.code, attested: true });
      continue;
    }
    const value = criterion.comparator === '>' ? Number(criterion.threshold) + 1 : criterion.comparator === '<' ? Number(criterion.threshold) - 1 : criterion.threshold;
    add(registeredAt + 2 * HOUR, COORDINATOR, 'RecordScreeningObservation', { code: criterion.code, value, ...(criterion.unit === undefined ? {} : { unit: criterion.unit }), observedOn: siteDate(registeredAt), source: 'local lab' });
  }
  add(registeredAt + 3 * HOUR, COORDINATOR, 'EvaluateEligibility', {});
  // E-signed at the source: no password in the entry (the importing admin re-enters theirs for the import), and no
  // record hash — the source cannot know this system's; the journey binds the signature to the evaluation before it.
  add(registeredAt + 4 * HOUR, INVESTIGATOR, 'SignEligibility', { meaning: 'I confirm the participant is eligible' });
  add(registeredAt + 5 * HOUR, COORDINATOR, 'Enrol', { doseLevelId: protocol.doseLevels[0]!.id });
  add(registeredAt + 6 * HOUR, COORDINATOR, 'RecordMedicationStop', { drugClass: protocol.washout.classes[2]!.drugClass, drugName: 'mycophenolate', lastDoseOn: siteDate(infusedAt - 40 * DAY) });
  add(registeredAt + 7 * HOUR, COORDINATOR, 'AllocateProductLot', { lotId: 'LOT-42', bagIds: ['BAG-1'], carPositiveCellsPerBag: 6e7 });
  add(infusedAt - 4 * DAY, COORDINATOR, 'RecordLymphodepletionDoseCalculation', {
    height: { value: 160, unit: 'cm' },
    weight: { value: 60, unit: 'kg' },
    serumCreatinine: { value: 0.8, unit: 'mg/dL' },
    measuredOn: siteDate(infusedAt - 4 * DAY),
  });
  const calculated = preview(request).events.find((e) => e.type === 'LymphodepletionDosesCalculated')!.data.doses as { drug: string; day: number; doseMg: number }[];
  for (const dose of [...calculated].sort((a, b) => a.day - b.day)) {
    const administeredAt = infusedAt - (-2 - dose.day) * DAY - HOUR;
    add(administeredAt + 10 * MINUTE, COORDINATOR, 'AdministerLymphodepletionDose', { drug: dose.drug, day: dose.day, doseMg: dose.doseMg, administeredAt: iso(administeredAt) });
  }
  add(infusedAt - 2 * HOUR, COORDINATOR, 'RecordPreInfusionCheck', { items: { afebrile: true, noActiveInfection: true, labsWithin7Days: true, tocilizumabAvailable: true } });
  add(infusedAt - 39 * MINUTE, COORDINATOR, 'StartThaw', { bagIds: ['BAG-1'], startedAt: iso(infusedAt - 40 * MINUTE) });
  add(infusedAt - 14 * MINUTE, COORDINATOR, 'RecordInfusion', { startedAt: iso(infusedAt - 30 * MINUTE), completedAt: iso(infusedAt - 15 * MINUTE), carPositiveCellsInfused: 6e7, weightKg: 60 });
  for (const [visitId, day] of [['D7', 7], ['D10', 10], ['D14', 14]] as const) {
    add(infusedAt + day * DAY, COORDINATOR, 'CompleteVisit', { visitId, actualDate: addDaysToDate(infusionDate, day), assessments: ['CBC'] });
  }
  return { request, entries, infusionDate };
}

const importAs = (as: DemoUser, body: unknown): Promise<HttpAnswer> => call(system.baseUrl, as, 'POST', `/v1/trials/${TRIAL}/participants/import`, body);

/** The participant's journey, for waiting until it is quiet (its events in the store, no activity in flight). */
function journeyOf(participantCode: string, participantId: string, version: number): HttpJourney {
  const journey = new HttpJourney(system, TRIAL, cohort.id, SITE).withCode(participantCode);
  journey.participantId = participantId;
  journey.version = version;
  return journey;
}

async function workflowExists(participantCode: string): Promise<boolean> {
  try {
    await system.temporal.workflow.getHandle(participantWorkflowId(participantCode)).describe();
    return true;
  } catch {
    return false;
  }
}

describe('POST /v1/trials/{trialId}/participants/import', () => {
  it('imports a participant screened, enrolled and infused weeks ago: read back in phase and study day, attributed to the source actors and the importing admin', async () => {
    const { request, entries, infusionDate } = sourceRecords();
    const importStarted = Date.now();
    const answer = await importAs('admin.a', request);
    expect({ status: answer.status, body: answer.status === 201 ? undefined : answer.json }).toEqual({ status: 201, body: undefined });
    const { participantId } = answer.json.summary;
    const version: number = answer.json.streamVersion;
    expect(answer.headers.get('etag')).toBe(`"${version}"`);
    expect(answer.headers.get('location')).toBe(`/v1/participants/${participantId}`);
    expect(answer.json.summary).toMatchObject({ participantCode: request.participantCode, trialId: TRIAL, siteId: SITE, phase: 'DLT_WINDOW', infusionDate, streamVersion: version });

    const detail = await call(system.baseUrl, 'coordinator.a', 'GET', `/v1/participants/${participantId}?minVersion=${version}`);
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({ participantCode: request.participantCode, phase: 'DLT_WINDOW', infusionDate, studyDay: INFUSED_DAYS_AGO });

    // Every event of the import names it as its cause; the store's time is the import's, the clinical time the source's.
    const stored = await journeyOf(request.participantCode, participantId, version).settled();
    const { rows } = await system.sql.query(`SELECT stream_position, metadata->>'causationId' AS cause FROM events WHERE stream_id = $1 AND stream_position <= $2 ORDER BY stream_position`, [`participant-${participantId}`, version]);
    expect(rows).toHaveLength(version);
    expect(rows.every((r: { cause: string }) => r.cause === request.importId)).toBe(true);

    const timeline = await call(system.baseUrl, 'auditor.a', 'GET', `/v1/participants/${participantId}/audit/timeline`);
    expect(timeline.status).toBe(200);
    const imported = (timeline.json.entries as any[]).filter((e) => e.streamPosition <= version);
    expect(imported.every((e) => e.importedBy?.actorId === 'admin.a' && e.importedBy.role === 'admin' && e.causationId === request.importId)).toBe(true);
    expect(imported.every((e) => Date.parse(e.recordedAt) >= importStarted - 1000 && Date.parse(e.recordedAt) <= Date.now())).toBe(true);
    const byCommand = (commandId: string) => imported.find((e) => e.commandId === commandId);
    const infusion = entries.find((e) => e.type === 'RecordInfusion')!;
    // Clinical events keep their own clinical time (the infusion's completion); decisions happen at the entry's instant.
    expect(byCommand(infusion.body.commandId)).toMatchObject({ type: 'InfusionCompleted', who: { actorId: 'coordinator.a', role: 'coordinator', siteId: SITE }, occurredAt: infusion.body.completedAt });
    const signature = entries.find((e) => e.type === 'SignEligibility')!;
    expect(byCommand(signature.body.commandId)).toMatchObject({ type: 'EligibilitySigned', who: { actorId: 'investigator.a', role: 'investigator' }, occurredAt: signature.at });
    expect(imported[0]).toMatchObject({ type: 'ParticipantRegistered', who: { actorId: 'admin.a', role: 'admin', siteId: SITE }, occurredAt: request.registeredAt, why: request.reason });

    // The same import again answers the first result and records nothing.
    const before = await storedState(system.sql, participantId);
    const again = await importAs('admin.a', request);
    expect([again.status, again.json.streamVersion, again.headers.get('etag')]).toEqual([201, version, `"${version}"`]);
    expect(again.json.summary.participantId).toBe(participantId);
    expect(await journeyOf(request.participantCode, participantId, stored).settled()).toBe(stored);
    expect(await storedState(system.sql, participantId)).toEqual(before);
  });
});

describe('rejected imports change nothing stored', () => {
  /** Sends an import that must be refused and proves nothing was stored: no stream, no event, anywhere. */
  async function refused(as: DemoUser, body: Record<string, unknown>): Promise<HttpAnswer> {
    const before = await storedState(system.sql);
    const answer = await importAs(as, body);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await storedState(system.sql)).toEqual(before);
    return answer;
  }

  it('400: names the bad field of an entry’s body and an unknown command type by the entry', async () => {
    const { request, entries } = sourceRecords();
    const visit = entries.findIndex((e) => e.type === 'CompleteVisit');
    entries[visit]!.body.actualDate = 'last Tuesday';
    entries[1]!.type = 'ReachDeadline';
    const answer = await refused('admin.a', request);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(answer.json.errors.map((e: { field: string }) => e.field).sort()).toEqual([`entries[${visit}].body.actualDate`, 'entries[1].type'].sort());
    expect(await workflowExists(request.participantCode)).toBe(false);
  });

  it('422: an entry the journey refuses is named by its index and field, and nothing of the import is recorded', async () => {
    const unsigned = sourceRecords();
    const signature = unsigned.entries.findIndex((e) => e.type === 'SignEligibility');
    unsigned.entries[signature]!.actor = COORDINATOR;
    const byCoordinator = await refused('admin.a', unsigned.request);
    expect(byCoordinator.status).toBe(422);
    expect(byCoordinator.json).toMatchObject({ code: 'INVESTIGATOR_REQUIRED', errors: [{ field: `entries[${signature}]` }] });
    expect(byCoordinator.json.detail).toMatch(new RegExp(`^entries\\[${signature}\\] \\(SignEligibility`));

    const stale = sourceRecords();
    const staleIndex = stale.entries.findIndex((e) => e.type === 'SignEligibility');
    stale.entries[staleIndex]!.body.recordHash = 'b'.repeat(64);
    const changed = await refused('admin.a', stale.request);
    expect(changed.status).toBe(422);
    expect(changed.json).toMatchObject({ code: 'RECORD_CHANGED_SINCE_DISPLAYED', errors: [{ field: `entries[${staleIndex}].body.recordHash` }] });
  });

  it('409: a participant code that already has a journey', async () => {
    const registered = new HttpJourney(system, TRIAL, cohort.id, SITE);
    await registered.register();
    await journeyOf(registered.participantCode, registered.participantId, registered.version).settled();
    const answer = await refused('admin.a', sourceRecords(registered.participantCode).request);
    expect(answer.status).toBe(409);
    expect(answer.json).toMatchObject({ code: 'PARTICIPANT_ALREADY_REGISTERED', errors: [{ field: 'participantCode' }] });
  });

  it('401: a wrong password of the importing admin, like a failed e-signature', async () => {
    const { request } = sourceRecords();
    const answer = await refused('admin.a', { ...request, password: 'not-my-password' });
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ code: 'REAUTHENTICATION_FAILED', errors: [{ field: 'password' }] });
    expect(JSON.stringify(answer.json)).not.toContain('not-my-password');
    expect(await workflowExists(request.participantCode)).toBe(false);
  });

  it('403: anyone but an admin, and an admin of another site', async () => {
    const { request } = sourceRecords();
    const coordinator = await refused('coordinator.a', request);
    expect([coordinator.status, coordinator.json.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const otherSite = await refused('admin.b', request);
    expect(otherSite.status).toBe(403);
    expect(otherSite.json).toMatchObject({ code: 'SITE_NOT_ALLOWED', errors: [{ field: 'siteId' }] });
    expect(await workflowExists(request.participantCode)).toBe(false);
  });
});
