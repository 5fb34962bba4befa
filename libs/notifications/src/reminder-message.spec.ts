import type { ReminderNotification } from '@trialflow/contracts';
import { InvalidNotificationError } from './errors.js';
import { sameReminder, serializeReminderMessage, storedReminderMessage, toReminderMessage } from './reminder-message.js';

const notification: ReminderNotification = {
  notificationId: 'participant-UC-SLE-0001:visit:M3:reminder:-7',
  reminderId: 'visit:M3:reminder:-7',
  participantCode: 'UC-SLE-0001',
  trialId: 'ucart-cd19-bcma',
  siteId: 'DEMO-01',
  visitId: 'M3',
  subject: 'Month 3 visit in 7 day(s)',
  dueOn: '2026-06-09',
  timeZone: 'Asia/Shanghai',
  escalation: false,
};
const issuedAt = new Date('2026-06-02T00:00:00Z');

describe('reminder message', () => {
  it('keeps only the allow-listed, pseudonymous fields', () => {
    const message = toReminderMessage({ ...notification, participantName: 'Jane Doe' } as ReminderNotification, issuedAt);
    expect(serializeReminderMessage(message)).not.toContain('Jane');
    expect(message).toEqual({ type: 'trialflow.reminder', version: 1, ...notification, issuedAt: '2026-06-02T00:00:00.000Z' });
  });

  it('serialises a stored (key-reordered) payload to the same bytes, so re-sends stay identical', () => {
    const message = toReminderMessage(notification, issuedAt);
    const reordered = Object.fromEntries(Object.entries(JSON.parse(serializeReminderMessage(message)) as object).reverse());
    expect(serializeReminderMessage(storedReminderMessage(reordered))).toBe(serializeReminderMessage(message));
  });

  it('tells a retry (same content, later issue time) from a reused id', () => {
    const first = toReminderMessage(notification, issuedAt);
    expect(sameReminder(first, toReminderMessage(notification, new Date()))).toBe(true);
    expect(sameReminder(first, toReminderMessage({ ...notification, escalation: true }, issuedAt))).toBe(false);
  });

  it('refuses codes with control characters and dates that are not dates', () => {
    expect(() => toReminderMessage({ ...notification, participantCode: 'UC\r\nBcc: x' }, issuedAt)).toThrow(InvalidNotificationError);
    expect(() => toReminderMessage({ ...notification, dueOn: '9 June' }, issuedAt)).toThrow(InvalidNotificationError);
    expect(() => toReminderMessage({ ...notification, notificationId: '' }, issuedAt)).toThrow(InvalidNotificationError);
  });
});
