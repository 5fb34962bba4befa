import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { activityInfo } from '@temporalio/activity';
import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { loadConfig } from '@trialflow/config';
import type { NotificationActivities, ReminderDeliveryResult, ReminderNotification } from '@trialflow/contracts';
import { NotificationService, UnsupportedChannelConfigError } from '@trialflow/notifications';
import type { DataSource } from 'typeorm';
import { createNotificationActivities } from '../../../apps/worker/src/notifications/notification.activities.js';
import { FAST_RETRIES, WEBHOOK_SECRET, attemptRows, migratedDataSource, outboxRow, reminder } from '../../support/notification-fixtures.js';
import { SmtpSink } from '../../support/smtp-sink.js';
import { WebhookReceiver } from '../../support/webhook-receiver.js';

let dataSource: DataSource;
let receiver: WebhookReceiver;
let sink: SmtpSink;
let connection: Connection;

/** The worker's notification settings, read from the environment exactly as the worker process reads them. */
const settings = () =>
  loadConfig({
    DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
    NOTIFY_WEBHOOK_URL: receiver.url(),
    NOTIFY_WEBHOOK_SECRET: WEBHOOK_SECRET,
    NOTIFY_SMTP_URL: sink.url,
    NOTIFY_EMAIL_FROM: 'trialflow@trialflow.test',
    NOTIFY_EMAIL_TO: 'site@hospital.test, coordinators@hospital.test',
  }).notifications;

beforeAll(async () => {
  dataSource = await migratedDataSource('notify_activity');
  [receiver, sink] = await Promise.all([WebhookReceiver.start(WEBHOOK_SECRET), SmtpSink.start()]);
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '' });
});

afterAll(async () => {
  await connection?.close();
  await Promise.all([receiver?.close(), sink?.close()]);
  await dataSource?.destroy();
});

/** Runs the test workflow on a real worker (dev server) with these activities until it completes. */
async function runWorkflow(activities: NotificationActivities, notification: ReminderNotification): Promise<ReminderDeliveryResult> {
  const taskQueue = `notifications-${randomUUID()}`;
  const workerConnection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '' });
  try {
    const worker = await Worker.create({
      connection: workerConnection,
      taskQueue,
      workflowsPath: fileURLToPath(new URL('../../support/notification-test.workflow.ts', import.meta.url)),
      activities,
    });
    const client = new Client({ connection });
    return await worker.runUntil(client.workflow.execute('deliverReminderWorkflow', { taskQueue, workflowId: `notify-${randomUUID()}`, args: [notification] }));
  } finally {
    await workerConnection.close();
  }
}

describe('the deliverReminder activity on a Temporal worker', () => {
  it('is retried by Temporal after a lost completion and still notifies once per channel, returning the first outcomes', async () => {
    const real = createNotificationActivities(dataSource, settings(), { retryPolicy: FAST_RETRIES });
    const executions: ReminderDeliveryResult[] = [];
    const activities: NotificationActivities = {
      async deliverReminder(notification) {
        const result = await real.deliverReminder(notification);
        executions.push(result);
        // The work is done, but the worker stops before Temporal hears of it: Temporal runs the activity again.
        if (activityInfo().attempt === 1) throw new Error('worker stopped before reporting completion');
        return result;
      },
    };
    const n = reminder();
    const result = await runWorkflow(activities, n);

    expect(executions).toHaveLength(2);
    expect(result).toEqual(executions[0]);
    expect(result.outcomes.map((o) => [o.channel, o.status, o.attempts])).toEqual([['webhook', 'DELIVERED', 1], ['email', 'DELIVERED', 1]]);
    expect(receiver.requests.filter((r) => r.headers['idempotency-key'] === n.notificationId)).toHaveLength(1);
    expect(sink.messages.filter((m) => m.data.includes(n.notificationId))).toHaveLength(1);
    expect(sink.messages.at(-1)?.rcptTo).toEqual(['site@hospital.test', 'coordinators@hospital.test']);
    expect(await attemptRows(dataSource, n.notificationId)).toHaveLength(2);
    expect((await outboxRow(dataSource, n.notificationId))?.status).toBe('DELIVERED');
  });

  it('fails the activity for good (no Temporal retry) when the notification id was used for another reminder', async () => {
    const n = reminder();
    await new NotificationService(dataSource, []).deliverReminder(n);
    let executions = 0;
    const real = createNotificationActivities(dataSource, settings(), { retryPolicy: FAST_RETRIES });
    const activities: NotificationActivities = {
      deliverReminder: (notification) => {
        executions += 1;
        return real.deliverReminder(notification);
      },
    };
    const failure = await runWorkflow(activities, { ...n, escalation: true }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const activityFailure = (failure as WorkflowFailedError).cause;
    expect(activityFailure).toBeInstanceOf(ActivityFailure);
    expect(activityFailure?.cause).toBeInstanceOf(ApplicationFailure);
    expect((activityFailure?.cause as ApplicationFailure).type).toBe('NotificationIdReuse');
    expect(executions).toBe(1);
  });

  it('refuses at worker start the SMTP settings it cannot honour yet (smtps://, credentials)', () => {
    const email = { from: 'trialflow@trialflow.test', to: ['site@hospital.test'] };
    expect(() => createNotificationActivities(dataSource, { email: { ...email, smtpUrl: 'smtps://relay.test:465' } })).toThrow(UnsupportedChannelConfigError);
    expect(() => createNotificationActivities(dataSource, { email: { ...email, smtpUrl: 'smtp://user:secret@relay.test' } })).toThrow(/NOTIFY_SMTP_URL/);
  });
});
