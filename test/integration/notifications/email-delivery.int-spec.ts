import { EmailChannel, NotificationService } from '@trialflow/notifications';
import type { DataSource } from 'typeorm';
import { freePort } from '../../../infra/dev/net.mjs';
import { FAST_RETRIES, attemptRows, migratedDataSource, outboxRow, recordingSleep, reminder } from '../../support/notification-fixtures.js';
import { SmtpSink } from '../../support/smtp-sink.js';

let dataSource: DataSource;
let sink: SmtpSink;

const FROM = 'trialflow@trialflow.test';
const TO = ['site-demo-01@hospital.test', 'coordinators@hospital.test'];

beforeAll(async () => {
  dataSource = await migratedDataSource('notify_email');
  sink = await SmtpSink.start();
});

afterAll(async () => {
  await sink?.close();
  await dataSource?.destroy();
});

beforeEach(() => {
  sink.messages.length = 0;
  sink.refused.length = 0;
  sink.commands.length = 0;
});

function service(options: { smtpUrl?: string; clock?: () => Date } = {}) {
  const channel = new EmailChannel({ smtpUrl: options.smtpUrl ?? sink.url, from: FROM, to: TO, retryPolicy: FAST_RETRIES });
  return new NotificationService(dataSource, [channel], { sleep: recordingSleep().sleep, ...(options.clock ? { clock: options.clock } : {}) });
}

/** Headers (unfolded) and body of a received message. */
function parse(data: string): { headers: Map<string, string>; body: string } {
  const [head = '', ...rest] = data.split('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: rest.join('\r\n\r\n') };
}

describe('reminder delivery by e-mail over SMTP', () => {
  it('sends one message with the envelope, headers and a plain-text body; Message-ID derived from the notification id', async () => {
    const n = reminder({ subject: 'Month 3 visit in 7 day(s)' });
    const result = await service().deliverReminder(n);

    expect(sink.messages).toHaveLength(1);
    const [mail] = sink.messages;
    expect(mail!.mailFrom).toBe(FROM);
    expect(mail!.rcptTo).toEqual(TO);
    expect(mail!.clientName).toBe('[127.0.0.1]');
    const { headers, body } = parse(mail!.data);
    expect(headers.get('subject')).toBe(`Month 3 visit in 7 day(s) - ${n.participantCode}`);
    expect(headers.get('from')).toBe(`<${FROM}>`);
    expect(headers.get('to')).toBe(TO.map((t) => `<${t}>`).join(', '));
    expect(headers.get('message-id')).toBe(`<${n.notificationId.replaceAll(':', '%3A')}@trialflow.test>`);
    expect(headers.get('auto-submitted')).toBe('auto-generated');
    expect(headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(headers.get('x-trialflow-notification-id')).toBe(n.notificationId);
    expect(body).toContain(`Participant: ${n.participantCode}\r\nVisit: M3\r\nDue on: Tuesday, 9 June 2026 (site date)`);
    expect(sink.commands.filter((c) => c.startsWith('RCPT TO:'))).toEqual(TO.map((t) => `RCPT TO:<${t}>`));
    expect(sink.commands.at(-1)).toBe('QUIT');

    expect(result.outcomes).toEqual([{ channel: 'email', status: 'DELIVERED', attempts: 1, deliveredAt: expect.any(String) }]);
    expect((await outboxRow(dataSource, n.notificationId))?.status).toBe('DELIVERED');
    expect(await attemptRows(dataSource, n.notificationId)).toEqual([{ channel: 'email', attempt: 1, status: 'DELIVERED', response_code: 250, error: null }]);
  });

  it('dot-stuffs lines that start with "." and keeps CR/LF in the subject from ending the data or starting commands', async () => {
    const n = reminder({ subject: '.M3 visit\r\n.\r\nMAIL FROM:<attacker@evil.test>\n.\nRCPT TO:<x@evil.test>' });
    await service().deliverReminder(n);

    expect(sink.messages).toHaveLength(1);
    const [mail] = sink.messages;
    const rawBody = mail!.rawData.split('\r\n\r\n')[1]!;
    expect(rawBody.split('\r\n')[0]).toBe('..M3 visit . MAIL FROM:<attacker@evil.test> . RCPT TO:<x@evil.test>');
    expect(parse(mail!.data).body.split('\r\n')[0]).toBe('.M3 visit . MAIL FROM:<attacker@evil.test> . RCPT TO:<x@evil.test>');
    expect(sink.commands.filter((c) => c.startsWith('MAIL FROM:'))).toEqual([`MAIL FROM:<${FROM}>`]);
    expect(mail!.rcptTo).toEqual(TO);
  });

  it('renders the issue time in the site time zone (Asia/Shanghai) and keeps the due date the site date', async () => {
    const n = reminder({ timeZone: 'Asia/Shanghai', dueOn: '2026-06-09' });
    await service({ clock: () => new Date('2026-06-02T00:00:00.000Z') }).deliverReminder(n);

    const { headers, body } = parse(sink.messages[0]!.data);
    expect(body).toContain('Reminder issued: Tuesday, 2 June 2026, 08:00 Asia/Shanghai time (UTC+08:00)');
    expect(body).toContain('Due on: Tuesday, 9 June 2026 (site date)');
    expect(headers.get('date')).toBe('Tue, 02 Jun 2026 08:00:00 +0800');
  });

  it('renders a site west of UTC with its daylight-saving offset, without moving the due date a day', async () => {
    const n = reminder({ timeZone: 'America/Los_Angeles', dueOn: '2026-06-09' });
    await service({ clock: () => new Date('2026-06-02T15:00:00.000Z') }).deliverReminder(n);

    const { headers, body } = parse(sink.messages[0]!.data);
    expect(body).toContain('Reminder issued: Tuesday, 2 June 2026, 08:00 America/Los_Angeles time (UTC-07:00)');
    expect(body).toContain('Due on: Tuesday, 9 June 2026 (site date)');
    expect(headers.get('date')).toBe('Tue, 02 Jun 2026 08:00:00 -0700');
  });

  it('encodes a non-ASCII subject (RFC 2047) and body (base64), so no 8-bit data crosses the wire', async () => {
    const n = reminder({ subject: '第3个月随访 in 7 day(s)' });
    await service().deliverReminder(n);

    const [mail] = sink.messages;
    expect(/^\p{ASCII}*$/u.test(mail!.rawData)).toBe(true);
    const { headers, body } = parse(mail!.data);
    const subject = (headers.get('subject') ?? '').replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
    expect(subject).toBe(`第3个月随访 in 7 day(s) - ${n.participantCode}`);
    expect(headers.get('content-transfer-encoding')).toBe('base64');
    expect(Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8').split('\r\n')[0]).toBe('第3个月随访 in 7 day(s)');
  });

  it('retries after a transient 451 at the end of DATA with a byte-identical copy (same Message-ID)', async () => {
    sink.failNext('END_OF_DATA', '451 4.3.0 temporary local problem');
    const n = reminder();
    const result = await service().deliverReminder(n);

    expect(sink.messages).toHaveLength(1);
    expect(sink.refused).toHaveLength(1);
    expect(sink.messages[0]!.rawData).toBe(sink.refused[0]!.rawData);
    expect(parse(sink.messages[0]!.data).headers.get('message-id')).toContain('%3Avisit%3AM3%3Areminder%3A-7@');
    expect(result.outcomes).toEqual([{ channel: 'email', status: 'DELIVERED', attempts: 2, deliveredAt: expect.any(String) }]);
    expect(await attemptRows(dataSource, n.notificationId)).toEqual([
      { channel: 'email', attempt: 1, status: 'RETRYING', response_code: 451, error: 'SMTP 451 4.3.0 after end of data' },
      { channel: 'email', attempt: 2, status: 'DELIVERED', response_code: 250, error: null },
    ]);
  });

  it('fails for good, before DATA, when a recipient is refused (5xx): nobody gets a partial copy', async () => {
    sink.failNext('RCPT', '550 5.1.1 <coordinators@hospital.test>: mailbox unknown');
    const n = reminder();
    const result = await service().deliverReminder(n);

    expect(sink.messages).toHaveLength(0);
    expect(sink.commands).not.toContain('DATA');
    expect(result.outcomes).toEqual([{ channel: 'email', status: 'FAILED', attempts: 1, error: 'SMTP 550 5.1.1 after RCPT TO' }]);
    expect((await outboxRow(dataSource, n.notificationId))?.status).toBe('FAILED');
  });

  it('falls back to HELO when the server does not speak ESMTP', async () => {
    const old = await SmtpSink.start({ heloOnly: true });
    try {
      const result = await service({ smtpUrl: old.url }).deliverReminder(reminder());
      expect(old.commands.slice(0, 2)).toEqual(['EHLO [127.0.0.1]', 'HELO [127.0.0.1]']);
      expect(old.messages).toHaveLength(1);
      expect(result.outcomes[0]?.status).toBe('DELIVERED');
    } finally {
      await old.close();
    }
  });

  it('retries when nothing listens and reports a connection error', async () => {
    const result = await service({ smtpUrl: `smtp://127.0.0.1:${await freePort()}` }).deliverReminder(reminder());
    expect(result.outcomes).toEqual([{ channel: 'email', status: 'FAILED', attempts: 3, error: 'connection error: ECONNREFUSED' }]);
  });
});
