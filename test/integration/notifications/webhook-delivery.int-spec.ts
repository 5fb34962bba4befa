import { NotificationService, WebhookChannel } from '@trialflow/notifications';
import type { DataSource } from 'typeorm';
import { freePort } from '../../../infra/dev/net.mjs';
import { FAST_RETRIES, WEBHOOK_SECRET, attemptRows, migratedDataSource, outboxRow, recordingSleep, reminder } from '../../support/notification-fixtures.js';
import { WebhookReceiver } from '../../support/webhook-receiver.js';

let dataSource: DataSource;
let receiver: WebhookReceiver;

beforeAll(async () => {
  dataSource = await migratedDataSource('notify_webhook');
  receiver = await WebhookReceiver.start(WEBHOOK_SECRET);
});

afterAll(async () => {
  await receiver?.close();
  await dataSource?.destroy();
});

beforeEach(() => {
  receiver.requests.length = 0;
});

function service(options: { url?: string; sleep?: (ms: number) => Promise<void>; policy?: typeof FAST_RETRIES } = {}) {
  const channel = new WebhookChannel({ url: options.url ?? receiver.url(), secret: WEBHOOK_SECRET, retryPolicy: options.policy ?? FAST_RETRIES });
  return new NotificationService(dataSource, [channel], { sleep: options.sleep ?? recordingSleep().sleep, random: () => 1 });
}

describe('reminder delivery by webhook', () => {
  it('POSTs the pseudonymous reminder as JSON, signed over the exact body, with the notification id as idempotency key', async () => {
    const n = reminder();
    const result = await service().deliverReminder(n);

    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/hooks/reminders');
    expect(request!.signatureValid).toBe(true);
    expect(request!.headers['x-trialflow-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(request!.headers['idempotency-key']).toBe(n.notificationId);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(Date.parse(String(request!.headers['x-trialflow-timestamp']))).not.toBeNaN();
    expect(JSON.parse(request!.body)).toEqual({
      type: 'trialflow.reminder',
      version: 1,
      notificationId: n.notificationId,
      reminderId: n.reminderId,
      participantCode: n.participantCode,
      trialId: 'ucart-cd19-bcma',
      siteId: 'DEMO-01',
      visitId: 'M3',
      subject: 'Month 3 visit in 7 day(s)',
      dueOn: '2026-06-09',
      timeZone: 'Asia/Shanghai',
      escalation: false,
      issuedAt: expect.any(String),
    });

    expect(result).toEqual({ notificationId: n.notificationId, outcomes: [{ channel: 'webhook', status: 'DELIVERED', attempts: 1, deliveredAt: expect.any(String) }] });
    expect((await outboxRow(dataSource, n.notificationId))?.status).toBe('DELIVERED');
    expect(await attemptRows(dataSource, n.notificationId)).toEqual([{ channel: 'webhook', attempt: 1, status: 'DELIVERED', response_code: 204, error: null }]);
  });

  it('signs with the shared secret: a receiver holding another secret finds the signature invalid', async () => {
    const other = await WebhookReceiver.start('another-secret-of-the-receiver-0001');
    try {
      await service({ url: other.url() }).deliverReminder(reminder());
      expect(other.requests.map((r) => r.signatureValid)).toEqual([false]);
    } finally {
      await other.close();
    }
  });

  it('retries after a 503 and succeeds, sending the identical body and key again; the log keeps both attempts', async () => {
    receiver.respondWith({ status: 503 });
    const n = reminder();
    const result = await service().deliverReminder(n);

    expect(receiver.requests).toHaveLength(2);
    const [first, second] = receiver.requests;
    expect(second!.body).toBe(first!.body);
    expect(second!.headers['idempotency-key']).toBe(n.notificationId);
    expect(second!.signatureValid).toBe(true);
    expect(result.outcomes).toEqual([{ channel: 'webhook', status: 'DELIVERED', attempts: 2, deliveredAt: expect.any(String) }]);
    expect(await attemptRows(dataSource, n.notificationId)).toEqual([
      { channel: 'webhook', attempt: 1, status: 'RETRYING', response_code: 503, error: 'HTTP 503' },
      { channel: 'webhook', attempt: 2, status: 'DELIVERED', response_code: 204, error: null },
    ]);
  });

  it('backs off exponentially and gives up after the bounded number of attempts (FAILED recorded)', async () => {
    receiver.respondWith({ status: 500 }, { status: 502 }, { status: 503 });
    const { waits, sleep } = recordingSleep();
    const n = reminder();
    const result = await service({ sleep }).deliverReminder(n);

    expect(receiver.requests).toHaveLength(FAST_RETRIES.maxAttempts);
    expect(waits).toEqual([100, 200]);
    expect(result.outcomes).toEqual([{ channel: 'webhook', status: 'FAILED', attempts: 3, error: 'HTTP 503' }]);
    expect((await outboxRow(dataSource, n.notificationId))?.status).toBe('FAILED');
    expect((await attemptRows(dataSource, n.notificationId)).map((a) => a.status)).toEqual(['RETRYING', 'RETRYING', 'FAILED']);
  });

  it('honours Retry-After on 429 and 503, capped', async () => {
    receiver.respondWith({ status: 429, headers: { 'Retry-After': '120' } }, { status: 503, headers: { 'Retry-After': '1' } });
    const { waits, sleep } = recordingSleep();
    const result = await service({ sleep }).deliverReminder(reminder());

    expect(waits).toEqual([FAST_RETRIES.maxRetryAfterMs, 1_000]);
    expect(result.outcomes[0]).toMatchObject({ status: 'DELIVERED', attempts: 3 });
  });

  it('stops retrying when the next wait and attempt would overrun the channel\'s time budget', async () => {
    receiver.respondWith({ status: 503, headers: { 'Retry-After': '2' } });
    const { waits, sleep } = recordingSleep();
    const policy = { ...FAST_RETRIES, maxElapsedMs: 3_000 };
    const result = await service({ sleep, policy }).deliverReminder(reminder());

    expect(receiver.requests).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(result.outcomes).toEqual([{ channel: 'webhook', status: 'FAILED', attempts: 1, error: 'HTTP 503' }]);
  });

  it('does not retry a 400: one request, FAILED recorded', async () => {
    receiver.respondWith({ status: 400 });
    const n = reminder();
    const result = await service().deliverReminder(n);

    expect(receiver.requests).toHaveLength(1);
    expect(result.outcomes).toEqual([{ channel: 'webhook', status: 'FAILED', attempts: 1, error: 'HTTP 400' }]);
    expect((await outboxRow(dataSource, n.notificationId))?.status).toBe('FAILED');
    expect(await attemptRows(dataSource, n.notificationId)).toEqual([{ channel: 'webhook', attempt: 1, status: 'FAILED', response_code: 400, error: 'HTTP 400' }]);
  });

  it('does not follow a redirect with the signed reminder', async () => {
    receiver.respondWith({ status: 307, headers: { Location: 'http://127.0.0.1:9/elsewhere' } });
    const result = await service().deliverReminder(reminder());

    expect(receiver.requests).toHaveLength(1);
    expect(result.outcomes[0]).toMatchObject({ status: 'FAILED', attempts: 1, error: 'HTTP 307 (redirects are not followed)' });
  });

  it('retries network errors (nothing listening) and reports them without the URL', async () => {
    const url = `http://127.0.0.1:${await freePort()}/hooks`;
    const result = await service({ url }).deliverReminder(reminder());

    expect(result.outcomes).toEqual([{ channel: 'webhook', status: 'FAILED', attempts: 3, error: 'network error: ECONNREFUSED' }]);
  });

  it('abandons an attempt that gets no answer within the per-attempt timeout, and retries it', async () => {
    receiver.respondWith({ status: 0, hang: true });
    const policy = { ...FAST_RETRIES, attemptTimeoutMs: 300 };
    const result = await service({ policy }).deliverReminder(reminder());

    expect(receiver.requests).toHaveLength(2);
    expect(result.outcomes).toEqual([{ channel: 'webhook', status: 'DELIVERED', attempts: 2, deliveredAt: expect.any(String) }]);
  });
});
