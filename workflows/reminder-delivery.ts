import { log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { NotificationActivities } from '@trialflow/contracts';
import { findProtocol, SYSTEM_ACTOR, type ReminderDueV1 } from '@trialflow/domain';
import type { JourneyRun } from './journey-run.js';

const { deliverReminder } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '2 minutes',
  // The activity heartbeats after every attempt: a hung delivery is noticed in 30 s, not 2 minutes.
  heartbeatTimeout: '30 seconds',
  // The activity retries each channel itself and reports failures as data; Temporal retries only when the
  // activity could not run at all (database down). The outbox makes every retry idempotent.
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', maximumAttempts: 10 },
});

/**
 * Delivers a due reminder through the site's channels and records the outcome as an event. Only coded,
 * pseudonymous identifiers leave the system.
 */
export async function deliver(run: JourneyRun, reminder: ReminderDueV1): Promise<void> {
  const state = run.state;
  const site = findProtocol(state.trialId ?? '', state.protocolVersion)?.sites.find((s) => s.id === state.siteId);
  const notificationId = `${workflowInfo().workflowId}:${reminder.data.reminderId}`;
  let delivered: string[] = [];
  let failures: { channel: string; error: string; attempts: number }[] = [];
  try {
    const result = await deliverReminder({
      notificationId,
      reminderId: reminder.data.reminderId,
      participantCode: state.participantCode ?? '',
      trialId: state.trialId ?? '',
      siteId: state.siteId ?? '',
      ...(reminder.data.visitId === undefined ? {} : { visitId: reminder.data.visitId }),
      subject: reminder.data.subject,
      dueOn: reminder.data.dueOn,
      timeZone: site?.timeZone ?? 'UTC',
      escalation: reminder.data.escalation,
    });
    delivered = result.outcomes.filter((o) => o.status === 'DELIVERED').map((o) => o.channel);
    failures = result.outcomes.filter((o) => o.status === 'FAILED').map((o) => ({ channel: o.channel, error: o.error ?? 'failed', attempts: o.attempts }));
  } catch (error) {
    log.warn('reminder delivery activity failed', { reminderId: reminder.data.reminderId, error: String(error) });
    failures = [{ channel: 'orchestrator', error: 'delivery activity failed after retries', attempts: 10 }];
  }
  if (delivered.length === 0 && failures.length === 0) return; // no channel configured: the outbox keeps it
  run.record(
    {
      type: 'RecordReminderDelivery',
      commandId: `delivery:${reminder.data.reminderId}`,
      actor: SYSTEM_ACTOR,
      data: { reminderId: reminder.data.reminderId, notificationId, delivered, failures, at: new Date().toISOString() },
    },
    workflowInfo().workflowId,
  );
}
