import { randomUUID } from 'node:crypto';
import { PARTICIPANT_JOURNEY_WORKFLOW_TYPE, participantWorkflowId, summaryQuery } from '@trialflow/contracts';
import { PostgresEventStore } from '@trialflow/event-store';
import { createTrialflowDataSource } from '@trialflow/read-models';
import { DEMO_PASSWORD } from '../support/api-auth.js';
import { call, HttpJourney, storedState, storeReaches, type HttpAnswer } from '../support/http-journey.js';
import { queryWithRetry } from '../support/journey-driver.js';
import { startSystem, type RunningSystem } from '../support/running-system.js';

let system: RunningSystem;
/** In screening: consented, every criterion recorded, eligibility evaluated (not signed). */
let screened: HttpJourney;

beforeAll(async () => {
  // Short enough for the 503 case below to answer quickly; commands normally take tens of milliseconds.
  system = await startSystem({ COMMAND_TIMEOUT_MS: '3000' });
  screened = new HttpJourney(system, 'ucart-cd19-bcma', 'SLE', 'DEMO-01');
  await screened.register();
  await screened.ok('consent', screened.consentBody());
  await screened.satisfyCriteria();
  await screened.ok('screening/evaluation', {});
});

afterAll(async () => {
  await system?.stop();
});

/**
 * Runs a request that must be refused and proves it changed nothing: the journey's own version (what it
 * decided) and the event store (streams and events, in all and of this participant) are the same after.
 */
async function refused(journey: HttpJourney, request: () => Promise<HttpAnswer>): Promise<HttpAnswer> {
  await storeReaches(system.sql, journey.participantId, journey.version);
  const handle = system.temporal.workflow.getHandle(participantWorkflowId(journey.participantCode));
  const decidedBefore = (await queryWithRetry(() => handle.query(summaryQuery))).streamVersion;
  const storedBefore = await storedState(system.sql, journey.participantId);
  const answer = await request();
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect((await queryWithRetry(() => handle.query(summaryQuery))).streamVersion).toBe(decidedBefore);
  expect(await storedState(system.sql, journey.participantId)).toEqual(storedBefore);
  return answer;
}

const post = (path: string, body: unknown, as: Parameters<typeof call>[1] = 'coordinator.a') => call(system.baseUrl, as, 'POST', path, body);

describe('rejected journey commands change nothing stored', () => {
  it('400: lists every bad, missing and unknown field of the body, with its path', async () => {
    const bad = await refused(screened, () =>
      post(`/v1/participants/${screened.participantId}/consent`, { commandId: randomUUID(), icfVersion: '1.0', signedOn: '21/11/2026', assent: 'no', obtainedBy: 'inv', colour: 'blue' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(bad.json.errors).toEqual(
      expect.arrayContaining([
        { field: 'signedOn', message: 'must be a calendar date (YYYY-MM-DD)' },
        { field: 'signers', message: 'is required' },
        { field: 'assent', message: 'must be true or false' },
        { field: 'colour', message: 'is not a known field' },
      ]),
    );
    expect(bad.json.errors).toHaveLength(4);

    const nested = await refused(screened, () =>
      post(`/v1/participants/${screened.participantId}/crs-assessments`, {
        commandId: randomUUID(),
        assessedAt: '2026-03-01T08:00:00',
        parameters: { hypotension: 'some', oxygen: { device: 'nasal-cannula', flow: { value: 2, unit: 'L/h' } }, extra: 1 },
      }),
    );
    expect(nested.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['assessedAt', 'parameters.extra', 'parameters.hypotension', 'parameters.oxygen.flow.unit']);
    expect(nested.json.errors.find((e: { field: string }) => e.field === 'assessedAt').message).toMatch(/UTC offset/);
  });

  it('400: a participant id that is not a UUID, a missing commandId, a body that is not JSON', async () => {
    const path = await post('/v1/participants/UC-SLE-0001/enrolment', { commandId: randomUUID(), doseLevelId: 'DL1' });
    expect(path.status).toBe(400);
    expect(path.json.errors).toEqual([{ field: 'participantId', message: 'must be a UUID' }]);

    const noId = await refused(screened, () => post(`/v1/participants/${screened.participantId}/enrolment`, { doseLevelId: 'DL1' }));
    expect(noId.json.errors).toEqual([{ field: 'commandId', message: 'is required' }]);

    const notJson = await refused(screened, () => post(`/v1/participants/${screened.participantId}/enrolment`, '{"commandId": '));
    expect(notJson.json.code).toBe('MALFORMED_JSON');
  });

  it('404: an unknown participant, and a participant of a site the user is not bound to', async () => {
    const before = await storedState(system.sql);
    const unknown = await post(`/v1/participants/${randomUUID()}/enrolment`, { commandId: randomUUID(), doseLevelId: 'DL1' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe('PARTICIPANT_NOT_FOUND');
    expect(await storedState(system.sql)).toMatchObject({ events: before.events, streams: before.streams });

    // coordinator.b is bound to DEMO-02 only: a DEMO-01 participant is answered as if it did not exist.
    const otherSite = await refused(screened, () => post(`/v1/participants/${screened.participantId}/screening/observations`, { commandId: randomUUID(), code: 'ALT', value: 20, unit: 'U/L', observedOn: screened.today(), source: 'local lab' }, 'coordinator.b'));
    expect(otherSite.status).toBe(404);
    expect(otherSite.json).toMatchObject({ code: 'PARTICIPANT_NOT_FOUND', detail: unknown.json.detail.replace(/[0-9a-f-]{36}/, screened.participantId) });
  });

  it('409 STALE_VERSION when the participant changed since the ETag sent as If-Match; 400 for a malformed If-Match; the current ETag passes', async () => {
    const observation = () => ({ code: 'ANC', value: 1.6, unit: '10^9/L', observedOn: screened.today(), source: 'local lab' });
    const shown = screened.version;
    await screened.ok('screening/observations', observation()); // someone else records meanwhile
    const stale = await refused(screened, () => screened.send('screening/observations', observation(), 'coordinator.a', { 'if-match': `"${shown}"` }));
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ code: 'STALE_VERSION', errors: [{ field: 'If-Match' }] });
    expect(stale.json.detail).toContain(`since version ${shown} (now ${screened.version})`);

    const malformed = await refused(screened, () => screened.send('screening/observations', observation(), 'coordinator.a', { 'if-match': 'yesterday' }));
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors).toEqual([{ field: 'If-Match', message: 'must be a stream version ETag such as "7"' }]);

    const before = screened.version;
    const current = await screened.send('screening/observations', observation(), 'coordinator.a', { 'if-match': `W/"${before}"` });
    expect(current.status).toBe(200);
    expect(current.json.streamVersion).toBe(before + 1);
  });

  it('409: a command already done (sent again with a new commandId) and a signature of a record that changed since it was shown', async () => {
    const again = await refused(screened, () => post(`/v1/participants/${screened.participantId}/consent`, { commandId: randomUUID(), ...screened.consentBody() }));
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 'CONSENT_ALREADY_SIGNED', title: 'Conflicts with the current state', detail: expect.stringContaining('already signed') });

    const shownHash = await screened.evaluationHash();
    await screened.ok('screening/observations', { code: 'SLEDAI_2K', value: 14, unit: 'score', observedOn: screened.today(), source: 'central lab' });
    await screened.ok('screening/evaluation', {});
    expect(await screened.evaluationHash()).not.toBe(shownHash);
    const stale = await refused(screened, () =>
      post(`/v1/participants/${screened.participantId}/screening/signature`, { commandId: randomUUID(), meaning: 'I confirm the participant is eligible', recordHash: shownHash, password: DEMO_PASSWORD }, 'investigator.a'),
    );
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ code: 'RECORD_CHANGED_SINCE_DISPLAYED', errors: [{ field: 'recordHash' }] });
  });

  it('422: a protocol rule, with its code, message and field', async () => {
    const early = await refused(screened, () => post(`/v1/participants/${screened.participantId}/enrolment`, { commandId: randomUUID(), doseLevelId: 'DL1' }));
    expect(early.status).toBe(422);
    expect(early.json).toMatchObject({ code: 'ELIGIBILITY_NOT_SIGNED', title: 'A protocol rule forbids this', detail: 'An investigator must sign eligibility before enrolment.' });

    const noReason = await refused(screened, () => post(`/v1/participants/${screened.participantId}/withdrawal`, { commandId: randomUUID(), reason: 'x', safetyFollowUpConsented: false, withdrawnOn: screened.today() }));
    expect(noReason.status).toBe(422);
    expect(noReason.json).toMatchObject({ code: 'REASON_REQUIRED', errors: [{ field: 'reason', message: 'A reason is required for this change to the record.' }] });

    const future = await refused(screened, () => post(`/v1/participants/${screened.participantId}/screening/observations`, { commandId: randomUUID(), code: 'ALT', value: 20, unit: 'U/L', observedOn: screened.today(5), source: 'local lab' }));
    expect(future.json).toMatchObject({ status: 422, code: 'DATE_IN_FUTURE', errors: [{ field: 'observedOn' }] });
  });

  it('401/403: a wrong e-signature password, a coordinator signing, an auditor writing, no token', async () => {
    const hash = await screened.evaluationHash();
    const wrongPassword = await refused(screened, () =>
      post(`/v1/participants/${screened.participantId}/screening/signature`, { commandId: randomUUID(), meaning: 'I confirm the participant is eligible', recordHash: hash, password: 'not-my-password' }, 'investigator.a'),
    );
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.json.code).toBe('REAUTHENTICATION_FAILED');

    const coordinatorSigns = await refused(screened, () =>
      post(`/v1/participants/${screened.participantId}/screening/signature`, { commandId: randomUUID(), meaning: 'I confirm the participant is eligible', recordHash: hash, password: DEMO_PASSWORD }),
    );
    expect(coordinatorSigns.status).toBe(403);
    expect(coordinatorSigns.json.code).toBe('ROLE_NOT_ALLOWED');

    const auditorWrites = await refused(screened, () => post(`/v1/participants/${screened.participantId}/unscheduled-visits`, { commandId: randomUUID(), visitDate: screened.today(), reason: 'Check', assessments: [] }, 'auditor.a'));
    expect(auditorWrites.json.code).toBe('ROLE_NOT_ALLOWED');

    const anonymous = await refused(screened, () => post(`/v1/participants/${screened.participantId}/enrolment`, { commandId: randomUUID(), doseLevelId: 'DL1' }, null));
    expect(anonymous.status).toBe(401);
  });

  it('a resent commandId is answered as the first time and records nothing more', async () => {
    const commandId = randomUUID();
    const body = { commandId, visitDate: screened.today(), reason: 'Fever follow-up', assessments: ['CRP'] };
    const first = await screened.ok('unscheduled-visits', body);
    await storeReaches(system.sql, screened.participantId, first.json.streamVersion);
    const stored = await storedState(system.sql, screened.participantId);

    const resent = await post(`/v1/participants/${screened.participantId}/unscheduled-visits`, body);
    expect(resent.status).toBe(200);
    expect(resent.json.streamVersion).toBe(first.json.streamVersion);
    expect(resent.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await storedState(system.sql, screened.participantId)).toEqual(stored);
  });

  it('503: no worker answers in time: Retry-After, nothing recorded (the same commandId may be resent)', async () => {
    // A registered participant whose journey runs on a task queue no worker polls.
    const participantId = randomUUID();
    const participantCode = `NW-${randomUUID().slice(0, 8).toUpperCase()}`;
    const handle = await system.temporal.workflow.start(PARTICIPANT_JOURNEY_WORKFLOW_TYPE, { workflowId: participantWorkflowId(participantCode), taskQueue: `nobody-${randomUUID()}`, args: [{ participantId, participantCode }] });
    const db = createTrialflowDataSource(system.config.databaseUrl);
    await db.initialize();
    try {
      const commandId = randomUUID();
      await new PostgresEventStore(db).append({
        streamId: `participant-${participantId}`,
        streamType: 'participant',
        trialId: 'ucart-cd19-bcma',
        expectedVersion: 0,
        events: [
          {
            eventId: randomUUID(),
            eventType: 'ParticipantRegistered',
            schemaVersion: 1,
            data: { participantId, participantCode, trialId: 'ucart-cd19-bcma', protocolVersion: '1.0', cohortId: 'SLE', siteId: 'DEMO-01', ageYears: 34, sex: 'F' },
            metadata: { actor: { id: 'coordinator.a', role: 'coordinator', siteId: 'DEMO-01' }, commandId, correlationId: commandId, causationId: commandId },
            occurredAt: new Date().toISOString(),
          },
        ],
      });
    } finally {
      await db.destroy();
    }
    const before = await storedState(system.sql, participantId);
    const started = Date.now();
    const late = await post(`/v1/participants/${participantId}/consent`, { commandId: randomUUID(), ...screened.consentBody() });
    expect(late.status).toBe(503);
    expect(late.json.code).toBe('ORCHESTRATOR_UNAVAILABLE');
    expect(late.headers.get('retry-after')).toBe('5');
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_500);
    expect(await storedState(system.sql, participantId)).toEqual(before);
    await handle.terminate('test over');
  });

  it('422 JOURNEY_CLOSED once the participant’s journey no longer runs, recording nothing', async () => {
    const closed = new HttpJourney(system, 'ucart-cd19-bcma', 'MG', 'DEMO-01');
    await closed.register();
    await storeReaches(system.sql, closed.participantId, closed.version);
    await system.temporal.workflow.getHandle(participantWorkflowId(closed.participantCode)).terminate('closed out (test)');
    const before = await storedState(system.sql, closed.participantId);
    const answer = await post(`/v1/participants/${closed.participantId}/consent`, { commandId: randomUUID(), ...closed.consentBody() });
    expect(answer.status).toBe(422);
    expect(answer.json.code).toBe('JOURNEY_CLOSED');
    expect(await storedState(system.sql, closed.participantId)).toEqual(before);
  });
});
