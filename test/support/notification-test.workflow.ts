// A minimal workflow for the notification integration tests: it calls the delivery activity exactly as the
// journey workflow does (through proxyActivities, with Temporal's retries), and nothing else.
import { proxyActivities } from '@temporalio/workflow';
import type { NotificationActivities, ReminderDeliveryResult, ReminderNotification } from '@trialflow/contracts';

const { deliverReminder } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '100 milliseconds', backoffCoefficient: 1, maximumAttempts: 3 },
});

export async function deliverReminderWorkflow(notification: ReminderNotification): Promise<ReminderDeliveryResult> {
  return deliverReminder(notification);
}
