import { randomUUID } from 'node:crypto';
import { participantWorkflowId } from '@trialflow/contracts';
import { authHeader, signIn } from '../support/api-auth.js';
import { startSystem, type RunningSystem } from '../support/running-system.js';

let system: RunningSystem;
/** A coordinator bound to DEMO-01 and CN-BJ-GB, the sites these tests register at. */
let token: string;

beforeAll(async () => {
  system = await startSystem();
  token = await signIn(system.baseUrl, 'coordinator.a');
});

afterAll(async () => {
  await system?.stop();
});

const code = (): string => `E2E-${randomUUID().slice(0, 8).toUpperCase()}`;

async function post(path: string, body: unknown, raw = false): Promise<{ status: number; headers: Headers; json: any }> {
  const response = await fetch(`${system.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeader(token) },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: await response.json() };
}

async function get(path: string): Promise<{ status: number; headers: Headers; json: any }> {
  const response = await fetch(`${system.baseUrl}${path}`, { headers: authHeader(token) });
  return { status: response.status, headers: response.headers, json: await response.json() };
}

/** Everything a rejected request could have left behind: events, streams, read-model rows. */
async function storedCounts(): Promise<{ events: number; streams: number; participants: number }> {
  const { rows } = await system.sql.query(
    `SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM event_streams)::int AS streams,
            (SELECT count(*) FROM rm_participants)::int AS participants`,
  );
  return rows[0];
}

async function workflowExists(participantCode: string): Promise<boolean> {
  try {
    await system.temporal.workflow.getHandle(participantWorkflowId(participantCode)).describe();
    return true;
  } catch {
    return false;
  }
}

/** The journey's events are written just after it answers (write-behind): wait until they are projected. */
async function settled(participantId: string): Promise<void> {
  expect((await get(`/v1/participants/${participantId}?minVersion=1`)).status).toBe(200);
}

const validBody = (participantCode: string) => ({ commandId: randomUUID(), participantCode, cohortId: 'SLE', siteId: 'DEMO-01' });

describe('POST /v1/trials/{trialId}/participants → workflow → event store → projection → GET', () => {
  it('registers a participant end to end and serves the projected read model', async () => {
    const participantCode = code();
    const created = await post('/v1/trials/ucart-cd19-bcma/participants', validBody(participantCode));

    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    const { participantId } = created.json.summary;
    expect(created.headers.get('location')).toBe(`/v1/participants/${participantId}`);
    expect(created.json).toMatchObject({ streamVersion: 1, summary: { participantCode, phase: 'SCREENING', trialId: 'ucart-cd19-bcma' } });

    const read = await get(`/v1/participants/${participantId}?minVersion=1`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.json).toMatchObject({ participantId, participantCode, trialId: 'ucart-cd19-bcma', cohortId: 'SLE', siteId: 'DEMO-01', phase: 'SCREENING', streamVersion: 1 });

    const { rows } = await system.sql.query(
      `SELECT e.event_type, e.stream_position, e.metadata, s.version FROM events e JOIN event_streams s USING (stream_id) WHERE stream_id = $1`,
      [`participant-${participantId}`],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event_type: 'ParticipantRegistered', stream_position: '1', version: '1' });
    expect(rows[0].metadata).toMatchObject({ workflowId: participantWorkflowId(participantCode), actor: { id: 'coordinator.a', role: 'coordinator', siteId: 'DEMO-01', sites: ['DEMO-01', 'CN-BJ-GB'] } });
    expect(rows[0].metadata.correlationId).toBe(created.headers.get('x-request-id'));
  });

  it('answers 400 listing every bad field (missing and unknown) and stores nothing', async () => {
    const before = await storedCounts();
    const participantCode = code();
    const bad = await post('/v1/trials/ucart-cd19-bcma/participants', { participantCode, cohortId: 'SLE', favouriteColour: 'blue', commandId: 'not-a-uuid' });

    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(bad.json).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', type: 'urn:trialflow:problem:validation-failed' });
    const fields = bad.json.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['commandId', 'favouriteColour', 'siteId']);
    expect(await storedCounts()).toEqual(before);
    expect(await workflowExists(participantCode)).toBe(false);
  });

  it('answers 400 for a body that is not JSON, and for a malformed participant code', async () => {
    const malformed = await post('/v1/trials/ucart-cd19-bcma/participants', '{"participantCode": ', true);
    expect(malformed.status).toBe(400);
    expect(malformed.json.code).toBe('MALFORMED_JSON');

    const badCode = await post('/v1/trials/ucart-cd19-bcma/participants', { ...validBody('x'), participantCode: 'jane doe' });
    expect(badCode.status).toBe(400);
    expect(badCode.json.errors).toEqual([{ field: 'participantCode', message: expect.stringContaining('pseudonymous') }]);
  });

  it('answers 404 for an unknown trial and stores nothing, not even a workflow', async () => {
    const before = await storedCounts();
    const participantCode = code();
    const missing = await post('/v1/trials/no-such-trial/participants', validBody(participantCode));

    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: 'TRIAL_NOT_FOUND', errors: [{ field: 'trialId' }] });
    expect(await storedCounts()).toEqual(before);
    expect(await workflowExists(participantCode)).toBe(false);
  });

  it('answers 422 naming the rule for a cohort the trial does not have', async () => {
    const before = await storedCounts();
    const wrongCohort = await post('/v1/trials/cb-cd19-bcma/participants', { ...validBody(code()), cohortId: 'MG', siteId: 'CN-BJ-GB' });
    expect(wrongCohort.status).toBe(422);
    expect(wrongCohort.json).toMatchObject({ code: 'COHORT_NOT_IN_TRIAL', errors: [{ field: 'cohortId' }] });
    expect(await storedCounts()).toEqual(before);
  });

  it('answers 409 to a second registration of the same code and leaves one stream with one event', async () => {
    const participantCode = code();
    const first = await post('/v1/trials/ucart-cd19-bcma/participants', validBody(participantCode));
    expect(first.status).toBe(201);
    await settled(first.json.summary.participantId);
    const before = await storedCounts();

    const second = await post('/v1/trials/ucart-cd19-bcma/participants', { ...validBody(participantCode), cohortId: 'MG' });
    expect(second.status).toBe(409);
    expect(second.json).toMatchObject({ code: 'PARTICIPANT_ALREADY_REGISTERED', errors: [{ field: 'participantCode' }] });

    expect(await storedCounts()).toMatchObject({ events: before.events, streams: before.streams });
    const { rows } = await system.sql.query(`SELECT count(*)::int AS n FROM events WHERE data->>'participantCode' = $1`, [participantCode]);
    expect(rows[0].n).toBe(1);
  });

  it('treats a resent command id as the same command: same answer, nothing recorded twice', async () => {
    const body = validBody(code());
    const first = await post('/v1/trials/ucart-cd19-bcma/participants', body);
    await settled(first.json.summary.participantId);
    const before = await storedCounts();
    const resent = await post('/v1/trials/ucart-cd19-bcma/participants', body);

    expect(resent.status).toBe(201);
    expect(resent.json.summary.participantId).toBe(first.json.summary.participantId);
    expect(await storedCounts()).toMatchObject({ events: before.events, streams: before.streams });
  });

  it('answers 404 for an unknown participant and 400 for an id that is not a UUID', async () => {
    const unknown = await get(`/v1/participants/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe('PARTICIPANT_NOT_FOUND');

    const invalid = await get('/v1/participants/not-a-uuid');
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors).toEqual([{ field: 'participantId', message: 'must be a UUID' }]);
  });
});
