import type { RecordReminderDelivery } from '../commands.js';
import type { ParticipantState } from '../state.js';
import { error, firstFailure, registered, utc, validInstant } from './guards.js';
import { accepted, rejected, type ParticipantDecision } from './outcome.js';

/** Records how a due reminder was delivered (or why not), once per reminder. */
export function recordReminderDelivery(state: ParticipantState, command: RecordReminderDelivery, _now: Date): ParticipantDecision {
  const { reminderId, notificationId, delivered, failures, at } = command.data;
  const failure = firstFailure(
    () => registered(state),
    () => (!state.remindersSent.includes(reminderId) ? error('REMINDER_NOT_DUE', `Reminder ${reminderId} was never due.`, 'reminderId') : undefined),
    () => (state.remindersDelivered.some((r) => r.reminderId === reminderId) ? error('DELIVERY_ALREADY_RECORDED', `The delivery of ${reminderId} is already recorded.`, 'reminderId') : undefined),
    () => (delivered.length === 0 && failures.length === 0 ? error('NO_CHANNEL', 'No delivery channel was attempted.', 'delivered') : undefined),
    () => validInstant(at, 'at'),
  );
  if (failure) return rejected(failure);
  const occurredAt = utc(at);
  // At least one channel reached the site: delivered. Failures of other channels stay in the outbox log.
  return delivered.length > 0
    ? accepted({ type: 'ReminderDelivered', schemaVersion: 1, occurredAt, data: { reminderId, notificationId, channels: delivered, deliveredAt: occurredAt } })
    : accepted({ type: 'ReminderDeliveryFailed', schemaVersion: 1, occurredAt, data: { reminderId, notificationId, failures } });
}
