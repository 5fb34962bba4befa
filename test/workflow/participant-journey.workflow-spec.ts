import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  PARTICIPANT_JOURNEY_WORKFLOW_TYPE,
  participantWorkflowId,
  pendingDeadlinesQuery,
  registerParticipantUpdate,
  type RegisterParticipantRequest,
} from '@trialflow/contracts';
import { addDays, participantStreamId } from '@trialflow/domain';
import { workflowBundleOptions } from '../../apps/worker/src/workflow-source.js';
import { InMemoryJourneyActivities } from '../support/in-memory-journey-activities.js';
import { createTimeSkippingEnv } from '../support/time-skipping-env.js';

const DAY_MS = 86_400_000;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
});

afterAll(async () => {
  await env?.teardown();
});

function registration(code: string): { request: RegisterParticipantRequest; start: WithStartWorkflowOperation<Workflow>; participantId: string; taskQueue: string } {
  const participantId = randomUUID();
  const taskQueue = `journey-${randomUUID()}`;
  return {
    participantId,
    taskQueue,
    request: {
      commandId: randomUUID(),
      correlationId: 'test',
      actor: { id: 'coordinator-1', role: 'coordinator', siteId: 'DEMO-01' },
      participantCode: code,
      trialId: 'ucart-cd19-bcma',
      cohortId: 'SLE',
      siteId: 'DEMO-01',
    },
    start: new WithStartWorkflowOperation(PARTICIPANT_JOURNEY_WORKFLOW_TYPE, {
      workflowId: participantWorkflowId(code),
      taskQueue,
      args: [{ participantId, participantCode: code }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  };
}

async function startWorker(taskQueue: string, activities: InMemoryJourneyActivities): Promise<Worker> {
  return Worker.create({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue, activities, ...workflowBundleOptions() });
}

async function until<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i += 1) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('participant journey workflow (time-skipping server)', () => {
  it('fires the 28-day screening-window timer durably, recording the event at the planned instant', async () => {
    const store = new InMemoryJourneyActivities();
    const { request, start, participantId, taskQueue } = registration(`TS-${Date.now()}`);
    const worker = await startWorker(taskQueue, store);
    const wallStart = Date.now();

    await worker.runUntil(async () => {
      const serverStart = await env.currentTimeMs();
      const result = await env.client.workflow.executeUpdateWithStart(registerParticipantUpdate, {
        args: [request],
        updateId: request.commandId,
        startWorkflowOperation: start,
      });
      expect(result.streamVersion).toBe(1);
      expect(result.summary).toMatchObject({ participantId, phase: 'SCREENING' });
      const registeredAt = store.allEvents()[0]!.event.occurredAt;
      expect(result.summary.nextDeadline).toMatchObject({ id: 'screening-window:1', kind: 'SCREENING_WINDOW_CLOSES', dueAt: addDays(registeredAt, 28) });

      // Nothing fires a day early.
      await env.sleep(27 * DAY_MS);
      expect(store.eventTypes(participantStreamId(participantId))).toEqual(['ParticipantRegistered']);

      await env.sleep(1 * DAY_MS + 60_000);
      const elapsed = await until(
        () => store.allEvents().find((e) => e.event.type === 'ScreeningWindowElapsed'),
        'the ScreeningWindowElapsed event',
      );
      expect(elapsed.event.occurredAt).toBe(addDays(registeredAt, 28));
      expect(elapsed.metadata.actor.role).toBe('system');
      expect((await env.currentTimeMs()) - serverStart).toBeGreaterThanOrEqual(28 * DAY_MS);

      const handle = env.client.workflow.getHandle(participantWorkflowId(request.participantCode));
      expect(await handle.query(pendingDeadlinesQuery)).toEqual([]);
    });
    // Shown, not asserted: wall time is the benchmark's business, not the test's.
    console.info(`28 simulated days took ${((Date.now() - wallStart) / 1000).toFixed(1)} s of wall time`);
    expect(store.eventTypes(participantStreamId(participantId))).toEqual(['ParticipantRegistered', 'ScreeningWindowElapsed']);
  });

  it('rejects a second registration of the same code in the validator and appends nothing', async () => {
    const store = new InMemoryJourneyActivities();
    const code = `TS-DUP-${Date.now()}`;
    const first = registration(code);
    const worker = await startWorker(first.taskQueue, store);
    await worker.runUntil(async () => {
      await env.client.workflow.executeUpdateWithStart(registerParticipantUpdate, {
        args: [first.request],
        updateId: first.request.commandId,
        startWorkflowOperation: first.start,
      });
      const again = registration(code);
      const secondStart = new WithStartWorkflowOperation(PARTICIPANT_JOURNEY_WORKFLOW_TYPE, { ...again.start.options, taskQueue: first.taskQueue });
      const rejected = env.client.workflow.executeUpdateWithStart(registerParticipantUpdate, {
        args: [{ ...again.request, cohortId: 'MG' }],
        updateId: again.request.commandId,
        startWorkflowOperation: secondStart,
      });
      await expect(rejected).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await expect(rejected).rejects.toMatchObject({ cause: { type: 'DomainRejection', details: [{ code: 'PARTICIPANT_ALREADY_REGISTERED' }] } });

      // The same command id again is answered from the first result, not executed twice.
      const repeated = await env.client.workflow.executeUpdateWithStart(registerParticipantUpdate, {
        args: [first.request],
        updateId: first.request.commandId,
        startWorkflowOperation: new WithStartWorkflowOperation(PARTICIPANT_JOURNEY_WORKFLOW_TYPE, { ...first.start.options }),
      });
      expect(repeated.streamVersion).toBe(1);
    });
    expect(store.allEvents().map((e) => e.event.type)).toEqual(['ParticipantRegistered']);
    expect(store.appendCalls).toBe(1);
  });
});
