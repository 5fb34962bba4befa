import { JourneyScenario } from '../../testing/journey-scenario.js';

const withReminder = () => {
  const s = JourneyScenario.for('ucart-cd19-bcma', 'SLE').toEnrolled().lymphodeplete();
  s.advanceDays(3);
  s.infuse();
  s.advanceDays(5); // the D7 reminders 3 days before and at window opening are due
  return s;
};
const report = (s: JourneyScenario, data: Record<string, unknown>) =>
  s.try({ type: 'RecordReminderDelivery', actor: { id: 'trialflow-orchestrator', role: 'system' }, data: { reminderId: 'visit:D7:reminder:-3', notificationId: 'n-1', delivered: [], failures: [], at: s.now.toISOString(), ...data } as never });

describe('RecordReminderDelivery', () => {
  it('records a delivery through at least one channel', () => {
    expect(report(withReminder(), { delivered: ['webhook', 'email'] })).toMatchObject({ ok: true, events: [{ type: 'ReminderDelivered', data: { reminderId: 'visit:D7:reminder:-3', channels: ['webhook', 'email'] } }] });
  });

  it('records a failure when every channel failed', () => {
    expect(report(withReminder(), { failures: [{ channel: 'webhook', error: 'HTTP 503', attempts: 4 }] })).toMatchObject({ ok: true, events: [{ type: 'ReminderDeliveryFailed', data: { failures: [{ channel: 'webhook' }] } }] });
  });

  it('rejects a reminder that was never due, a second report, and a report with no channel', () => {
    const s = withReminder();
    expect(report(s, { reminderId: 'visit:M24:target', delivered: ['webhook'] })).toMatchObject({ ok: false, error: { code: 'REMINDER_NOT_DUE' } });
    expect(report(s, {})).toMatchObject({ ok: false, error: { code: 'NO_CHANNEL' } });
    const decision = report(s, { delivered: ['webhook'] });
    if (decision.ok) s.apply(decision.events);
    expect(report(s, { delivered: ['webhook'] })).toMatchObject({ ok: false, error: { code: 'DELIVERY_ALREADY_RECORDED' } });
  });
});
