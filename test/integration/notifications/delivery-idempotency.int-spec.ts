import type { ReminderNotification } from '@trialflow/contracts';
import { EmailChannel, NotificationBusyError, NotificationIdReuseError, NotificationService, WebhookChannel, type DeliveryHooks } from '@trialflow/notifications';
import type { DataSource } from 'typeorm';
import { FAST_RETRIES, WEBHOOK_SECRET, attemptRows, migratedDataSource, outboxRow, recordingSleep, reminder } from '../../support/notification-fixtures.js';
import { SmtpSink } from '../../support/smtp-sink.js';
import { WebhookReceiver } from '../../support/webhook-receiver.js';

let dataSource: DataSource;
let receiver: WebhookReceiver;
let sink: SmtpSink;

beforeAll(async () => {
  dataSource = await migratedDataSource('notify_idem');
  [receiver, sink] = await Promise.all([WebhookReceiver.start(WEBHOOK_SECRET), SmtpSink.start()]);
});

afterAll(async () => {
  await Promise.all([receiver?.close(), sink?.close()]);
  await dataSource?.destroy();
});

beforeEach(() => {
  receiver.requests.length = 0;
  sink.messages.length = 0;
});

/** A fresh service per call, as a retried activity may run on another worker process. */
const service = (channels: 'both' | 'none' = 'both') =>
  new NotificationService(
    dataSource,
    channels === 'none'
      ? []
      : [
          new WebhookChannel({ url: receiver.url(), secret: WEBHOOK_SECRET, retryPolicy: FAST_RETRIES }),
          new EmailChannel({ smtpUrl: sink.url, from: 'trialflow@trialflow.test', to: ['site@hospital.test'], retryPolicy: FAST_RETRIES }),
        ],
    { sleep: recordingSleep().sleep },
  );

/** Simulates the worker dying right after the attempt `when` matches was logged. */
const crashAfter = (when: (a: { channel: string; status: string }) => boolean): DeliveryHooks => ({
  onAttempt: (a) => {
    if (when(a)) throw new Error('worker lost');
  },
});

describe('reminder delivery is idempotent by notification id', () => {
  it('a second call sends nothing again on either channel and returns the first outcomes', async () => {
    const n = reminder();
    const first = await service().deliverReminder(n);
    const createdAt = (await outboxRow(dataSource, n.notificationId))?.created_at;
    const second = await service().deliverReminder(n);

    expect(receiver.requests).toHaveLength(1);
    expect(sink.messages).toHaveLength(1);
    expect(first.outcomes.map((o) => [o.channel, o.status, o.attempts])).toEqual([['webhook', 'DELIVERED', 1], ['email', 'DELIVERED', 1]]);
    expect(second).toEqual(first);
    expect(await attemptRows(dataSource, n.notificationId)).toHaveLength(2);
    await expect(dataSource.query(`UPDATE notification_attempts SET status = 'FAILED' WHERE notification_id = $1`, [n.notificationId])).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM notification_attempts WHERE notification_id = $1`, [n.notificationId])).rejects.toThrow(/append-only/);
    const row = await outboxRow(dataSource, n.notificationId);
    expect(row?.status).toBe('DELIVERED');
    expect(row?.created_at).toEqual(createdAt);
  });

  it('a retry after the worker was lost mid-delivery finishes only what was unfinished, continuing the attempt numbers', async () => {
    receiver.respondWith({ status: 503 });
    const n = reminder();
    await expect(service().deliverReminder(n, crashAfter((a) => a.channel === 'webhook' && a.status === 'RETRYING'))).rejects.toThrow('worker lost');
    expect((await outboxRow(dataSource, n.notificationId))?.status).toBe('PENDING');

    const retried = await service().deliverReminder(n);
    expect(receiver.requests).toHaveLength(2);
    expect(sink.messages).toHaveLength(1);
    expect(retried.outcomes.map((o) => [o.channel, o.status, o.attempts])).toEqual([['webhook', 'DELIVERED', 2], ['email', 'DELIVERED', 1]]);
    expect((await attemptRows(dataSource, n.notificationId)).map((a) => [a.channel, a.attempt, a.status])).toEqual([
      ['email', 1, 'DELIVERED'],
      ['webhook', 1, 'RETRYING'],
      ['webhook', 2, 'DELIVERED'],
    ]);
    expect((await outboxRow(dataSource, n.notificationId))?.status).toBe('DELIVERED');
  });

  it('a settled failure is final too: the retry reports it without another attempt, and the status is partial', async () => {
    receiver.respondWith({ status: 400 });
    const n = reminder();
    const first = await service().deliverReminder(n);
    const second = await service().deliverReminder(n);

    expect(receiver.requests).toHaveLength(1);
    expect(sink.messages).toHaveLength(1);
    expect(second).toEqual(first);
    expect(first.outcomes.map((o) => [o.channel, o.status])).toEqual([['webhook', 'FAILED'], ['email', 'DELIVERED']]);
    expect((await outboxRow(dataSource, n.notificationId))?.status).toBe('PARTIALLY_DELIVERED');
  });

  it('two executions at once (a Temporal retry racing a slow first attempt) notify once and agree', async () => {
    receiver.respondWith({ status: 204, delayMs: 300 });
    const n = reminder();
    const [a, b] = await Promise.all([service().deliverReminder(n), service().deliverReminder(n)]);

    expect(receiver.requests).toHaveLength(1);
    expect(sink.messages).toHaveLength(1);
    expect(b).toEqual(a);
  });

  it('waits for the delivery lease of another execution, and takes over once a vanished worker\'s lease has expired', async () => {
    const n = reminder();
    await service('none').deliverReminder(n); // the outbox row, as a vanished worker would have left it
    await dataSource.query(`UPDATE notification_outbox SET claimed_by = 'vanished-worker', claimed_until = now() + interval '1 hour' WHERE notification_id = $1`, [n.notificationId]);
    const impatient = new NotificationService(dataSource, service().channels, { sleep: recordingSleep().sleep, claimWaitMs: 400 });
    await expect(impatient.deliverReminder(n)).rejects.toBeInstanceOf(NotificationBusyError);
    expect(receiver.requests).toHaveLength(0);

    await dataSource.query(`UPDATE notification_outbox SET claimed_until = now() - interval '1 second' WHERE notification_id = $1`, [n.notificationId]);
    const result = await impatient.deliverReminder(n);
    expect(result.outcomes.map((o) => o.status)).toEqual(['DELIVERED', 'DELIVERED']);
    expect(receiver.requests).toHaveLength(1);
    const [row] = (await dataSource.query(`SELECT claimed_by, claimed_until FROM notification_outbox WHERE notification_id = $1`, [n.notificationId])) as { claimed_by: string | null; claimed_until: Date | null }[];
    expect(row).toEqual({ claimed_by: null, claimed_until: null });
  });

  it('refuses the same notification id with other content, and sends nothing for it', async () => {
    const n = reminder();
    await service().deliverReminder(n);
    await expect(service().deliverReminder({ ...n, dueOn: '2026-06-10' })).rejects.toBeInstanceOf(NotificationIdReuseError);
    expect(receiver.requests).toHaveLength(1);
    expect(sink.messages).toHaveLength(1);
  });

  it('with no channel configured, returns no outcomes and leaves the reminder PENDING in the outbox', async () => {
    const n = reminder();
    expect(await service('none').deliverReminder(n)).toEqual({ notificationId: n.notificationId, outcomes: [] });
    expect((await outboxRow(dataSource, n.notificationId))?.status).toBe('PENDING');
    expect(await attemptRows(dataSource, n.notificationId)).toEqual([]);
  });

  it('lets only pseudonymous codes out: fields beyond the contract reach neither channel nor the outbox', async () => {
    const personal = { participantName: 'Jane Doe', dateOfBirth: '1984-03-12', email: 'jane.doe@example.org', phone: '+86 138 0000 0000' };
    const n = { ...reminder(), ...personal } as ReminderNotification;
    await service().deliverReminder(n);

    const stored = JSON.stringify((await outboxRow(dataSource, n.notificationId))?.payload);
    for (const leaked of [receiver.requests[0]!.body, sink.messages[0]!.data, stored]) {
      for (const value of Object.values(personal)) expect(leaked).not.toContain(value);
      expect(leaked).not.toMatch(/participantName|dateOfBirth/);
    }
    expect(Object.keys(JSON.parse(receiver.requests[0]!.body) as object).sort()).toEqual(
      ['type', 'version', 'notificationId', 'reminderId', 'participantCode', 'trialId', 'siteId', 'visitId', 'subject', 'dueOn', 'timeZone', 'escalation', 'issuedAt'].sort(),
    );
  });
});
