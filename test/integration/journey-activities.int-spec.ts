import { randomUUID } from 'node:crypto';
import type { AppendEventsInput } from '@trialflow/contracts';
import { PostgresEventStore, migrateWithLock } from '@trialflow/event-store';
import { createTrialflowDataSource } from '@trialflow/read-models';
import type { DataSource } from 'typeorm';
import { createJourneyActivities } from '../../apps/worker/src/activities/journey.activities.js';
import { createTestDatabase } from '../support/test-database.js';

/**
 * A workflow task that appended (local activity) and then died is retried later: the same command is decided
 * again at a later instant, with the same replay-stable event ids but other clinical times. The activity must
 * answer with what the first attempt stored (the stream is the record), not fail the journey.
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

  it('answers a re-decided retry with the events the first attempt stored', async () => {
    const activities = createJourneyActivities(new PostgresEventStore(dataSource));
    const streamId = `participant-${randomUUID()}`;
    const eventId = randomUUID();
    expect(await activities.appendEvents(input('2026-03-02T01:00:00.000Z', eventId, streamId))).toEqual({ streamVersion: 1, alreadyAppended: false });
    const retried = await activities.appendEvents(input('2026-03-02T01:00:07.000Z', eventId, streamId));
    expect(retried).toMatchObject({ streamVersion: 1, alreadyAppended: true, storedEvents: [{ type: 'ParticipantRegistered', occurredAt: '2026-03-02T01:00:00.000Z' }] });
  });

  it('still refuses an event id reused for another stream', async () => {
    const activities = createJourneyActivities(new PostgresEventStore(dataSource));
    const eventId = randomUUID();
    await activities.appendEvents(input('2026-03-02T01:00:00.000Z', eventId, `participant-${randomUUID()}`));
    await expect(activities.appendEvents(input('2026-03-02T01:00:00.000Z', eventId, `participant-${randomUUID()}`))).rejects.toMatchObject({ type: 'EventIdReuse', nonRetryable: true });
  });
});
