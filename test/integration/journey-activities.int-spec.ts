import { randomUUID } from 'node:crypto';
import type { AppendEventsInput } from '@trialflow/contracts';
import { PostgresEventStore, migrateWithLock } from '@trialflow/event-store';
import { createTrialflowDataSource } from '@trialflow/read-models';
import type { DataSource } from 'typeorm';
import { createJourneyActivities } from '../../apps/worker/src/activities/journey.activities.js';
import { createTestDatabase } from '../support/test-database.js';

/**
 * The journey writes its events behind the Update's answer through this activity, retried by Temporal until the
 * database takes them. A retry after a lost acknowledgement carries the very same input (it is in the workflow's
 * history) and must be answered as already appended; anything that means a second writer must not be retried.
 */
describe('appendEvents activity on PostgreSQL', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = createTrialflowDataSource(await createTestDatabase('act'));
    await dataSource.initialize();
    await migrateWithLock(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  const input = (occurredAt: string, eventId: string, streamId: string): AppendEventsInput => ({
    streamId,
    streamType: 'participant',
    trialId: 'ucart-cd19-bcma',
    expectedVersion: 0,
    events: [
      {
        eventId,
        event: { type: 'ParticipantRegistered', schemaVersion: 1, occurredAt, data: { participantId: 'p', participantCode: 'ACT-1', trialId: 'ucart-cd19-bcma', protocolVersion: '1.0', cohortId: 'SLE', siteId: 'DEMO-01' } },
        metadata: { actor: { id: 'c', role: 'coordinator' }, commandId: 'cmd-1', correlationId: 'x', causationId: 'cmd-1', occurredAt, workflowId: 'wf', workflowRunId: 'run' },
      },
    ],
  });

  it('answers a retry of a stored append as already appended, storing nothing twice', async () => {
    const activities = createJourneyActivities(new PostgresEventStore(dataSource));
    const streamId = `participant-${randomUUID()}`;
    const append = input('2026-03-02T01:00:00.000Z', randomUUID(), streamId);
    expect(await activities.appendEvents(append)).toEqual({ streamVersion: 1, alreadyAppended: false });
    expect(await activities.appendEvents(append)).toEqual({ streamVersion: 1, alreadyAppended: true });
    const [row] = (await dataSource.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [streamId])) as { n: number }[];
    expect(row?.n).toBe(1);
  });

  it('refuses, without retry, an append at a version another writer already took', async () => {
    const activities = createJourneyActivities(new PostgresEventStore(dataSource));
    const streamId = `participant-${randomUUID()}`;
    await activities.appendEvents(input('2026-03-02T01:00:00.000Z', randomUUID(), streamId));
    await expect(activities.appendEvents(input('2026-03-02T01:00:00.000Z', randomUUID(), streamId))).rejects.toMatchObject({ type: 'StreamVersionConflict', nonRetryable: true });
  });

  it('still refuses an event id reused for another stream', async () => {
    const activities = createJourneyActivities(new PostgresEventStore(dataSource));
    const eventId = randomUUID();
    await activities.appendEvents(input('2026-03-02T01:00:00.000Z', eventId, `participant-${randomUUID()}`));
    await expect(activities.appendEvents(input('2026-03-02T01:00:00.000Z', eventId, `participant-${randomUUID()}`))).rejects.toMatchObject({ type: 'EventIdReuse', nonRetryable: true });
  });
});
