import type { ReminderNotification } from '@trialflow/contracts';
import { InvalidNotificationError } from './errors.js';

/**
 * The reminder as it leaves the system (webhook body, e-mail, outbox payload). Built field by field from an
 * allow-list, so whatever else a caller's object carries (names, birth dates…) can never reach a channel:
 * only pseudonymous codes and coded values do.
 */
export interface ReminderMessage {
  readonly type: 'trialflow.reminder';
  readonly version: 1;
  readonly notificationId: string;
  readonly reminderId: string;
  readonly participantCode: string;
  readonly trialId: string;
  readonly siteId: string;
  readonly visitId: string | null;
  readonly subject: string;
  /** The site-local calendar date the reminder is about (YYYY-MM-DD, no zone: it is already the site's date). */
  readonly dueOn: string;
  /** The site's IANA zone, for rendering instants in site time. */
  readonly timeZone: string;
  readonly escalation: boolean;
  /** When the outbox row was first written; stable across re-sends, so every re-sent copy is byte-identical. */
  readonly issuedAt: string;
}

const CODE = /^\P{Cc}{1,200}$/u;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function code(value: unknown, field: string): string {
  if (typeof value !== 'string' || !CODE.test(value)) throw new InvalidNotificationError(`${field} must be 1-200 printable characters`);
  return value;
}

export function toReminderMessage(n: ReminderNotification, issuedAt: Date): ReminderMessage {
  if (typeof n.subject !== 'string' || n.subject.length === 0 || n.subject.length > 500) throw new InvalidNotificationError('subject must be 1-500 characters');
  if (typeof n.dueOn !== 'string' || !DATE.test(n.dueOn) || Number.isNaN(Date.parse(`${n.dueOn}T00:00:00Z`))) throw new InvalidNotificationError('dueOn must be a YYYY-MM-DD date');
  if (typeof n.escalation !== 'boolean') throw new InvalidNotificationError('escalation must be a boolean');
  return {
    type: 'trialflow.reminder',
    version: 1,
    notificationId: code(n.notificationId, 'notificationId'),
    reminderId: code(n.reminderId, 'reminderId'),
    participantCode: code(n.participantCode, 'participantCode'),
    trialId: code(n.trialId, 'trialId'),
    siteId: code(n.siteId, 'siteId'),
    visitId: n.visitId === undefined ? null : code(n.visitId, 'visitId'),
    subject: n.subject,
    dueOn: n.dueOn,
    timeZone: code(n.timeZone, 'timeZone'),
    escalation: n.escalation,
    issuedAt: issuedAt.toISOString(),
  };
}

/** Re-reads a stored payload through the same allow-list (jsonb reorders keys; serialisation must not change). */
export function storedReminderMessage(payload: unknown): ReminderMessage {
  const p = payload as Record<string, unknown>;
  return toReminderMessage(
    {
      notificationId: p.notificationId as string,
      reminderId: p.reminderId as string,
      participantCode: p.participantCode as string,
      trialId: p.trialId as string,
      siteId: p.siteId as string,
      ...(typeof p.visitId === 'string' ? { visitId: p.visitId } : {}),
      subject: p.subject as string,
      dueOn: p.dueOn as string,
      timeZone: p.timeZone as string,
      escalation: p.escalation as boolean,
    },
    new Date(p.issuedAt as string),
  );
}

/** Same reminder content (the issue time aside): a second call with the same id is a retry, not a new reminder. */
export function sameReminder(a: ReminderMessage, b: ReminderMessage): boolean {
  return serializeReminderMessage({ ...a, issuedAt: '' }) === serializeReminderMessage({ ...b, issuedAt: '' });
}

/** The exact bytes sent by webhook and signed: key order is fixed by `toReminderMessage`. */
export function serializeReminderMessage(message: ReminderMessage): string {
  return JSON.stringify(message);
}
