import type { ReminderMessage } from '../reminder-message.js';
import { formatSiteDate, formatSiteInstant, rfc5322Date } from '../render/site-time.js';
import { encodeHeaderValue, messageIdFor, wrapBase64 } from './mime.js';

export interface ReminderEmail {
  readonly subject: string;
  readonly messageId: string;
  /** The RFC 5322 message (headers and body, CRLF line ends), before dot-stuffing. */
  readonly message: string;
}

/** Control characters (CR/LF above all) become spaces: a value must never start a new header or SMTP line. */
const oneLine = (value: string): string => value.replace(/\p{Cc}+/gu, ' ').trim();

/**
 * The plain-text reminder e-mail. Derived only from the outbox payload (pseudonymous codes, coded values) and
 * its issue time, so a re-sent copy is byte-identical, with the same Message-ID: mail clients and the site can
 * recognise it as the same reminder.
 */
export function composeReminderEmail(message: ReminderMessage, sender: { from: string; to: readonly string[] }): ReminderEmail {
  const subjectText = oneLine(message.subject);
  const subject = `${message.escalation ? '[ESCALATION] ' : ''}${subjectText} - ${message.participantCode}`;
  const messageId = messageIdFor(message.notificationId, sender.from);
  const body = [
    subjectText,
    '',
    `Participant: ${message.participantCode}`,
    `Visit: ${message.visitId ?? '-'}`,
    `Due on: ${formatSiteDate(message.dueOn)} (site date)`,
    `Reminder issued: ${formatSiteInstant(message.issuedAt, message.timeZone)}`,
    `Trial: ${message.trialId}`,
    `Site: ${message.siteId}`,
    `Escalation: ${message.escalation ? 'yes' : 'no'}`,
    '',
    'This reminder was sent automatically by trialflow and carries pseudonymous codes only.',
    `Reference: ${message.notificationId}`,
  ].join('\r\n');
  // 7-bit text goes as is; anything else as base64, so no server needs 8BITMIME and no line can exceed the limit.
  const ascii = /^\p{ASCII}*$/u.test(body);
  const headers = [
    `From: <${sender.from}>`,
    `To: ${sender.to.map((address) => `<${address}>`).join(', ')}`,
    `Subject: ${encodeHeaderValue(subject)}`,
    `Date: ${rfc5322Date(message.issuedAt, message.timeZone)}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Transfer-Encoding: ${ascii ? '7bit' : 'base64'}`,
    // RFC 3834: no out-of-office replies or bounces-by-autoresponder to an automated reminder.
    'Auto-Submitted: auto-generated',
    `X-Trialflow-Notification-Id: ${encodeHeaderValue(message.notificationId)}`,
  ];
  const encodedBody = ascii ? body : wrapBase64(Buffer.from(body, 'utf8').toString('base64'));
  return { subject, messageId, message: `${headers.join('\r\n')}\r\n\r\n${encodedBody}\r\n` };
}
