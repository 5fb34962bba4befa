import { ApplicationFailure, cancellationSignal, heartbeat } from '@temporalio/activity';
import type { NotificationActivities, ReminderDeliveryResult, ReminderNotification } from '@trialflow/contracts';
import {
  InvalidNotificationError, NotificationIdReuseError, NotificationService, createNotificationChannels,
  type NotificationServiceOptions, type NotificationSettings, type RetryPolicy,
} from '@trialflow/notifications';
import type { DataSource } from 'typeorm';

export interface NotificationActivitiesOptions extends NotificationServiceOptions {
  readonly retryPolicy?: RetryPolicy;
}

/**
 * The reminder delivery activity. Building the channels here (at worker start) makes an unsupported setting
 * (smtps://, SMTP credentials) stop the worker with its name, like any other bad configuration.
 *
 * Delivery failures are not activity failures: they come back as FAILED outcomes for the workflow to record.
 * The activity itself fails (and Temporal retries it) only when the database or the process does; the outbox
 * then makes the retry finish the job without notifying twice.
 */
export function createNotificationActivities(dataSource: DataSource, settings: NotificationSettings, options: NotificationActivitiesOptions = {}): NotificationActivities {
  const channels = createNotificationChannels(settings, options.retryPolicy ? { retryPolicy: options.retryPolicy } : {});
  const service = new NotificationService(dataSource, channels, options);
  return {
    async deliverReminder(notification: ReminderNotification): Promise<ReminderDeliveryResult> {
      try {
        return await service.deliverReminder(notification, { signal: cancellationSignal(), heartbeat: () => heartbeat() });
      } catch (error) {
        // Retrying cannot change the notification: fail the activity for good (the message names ids only).
        if (error instanceof InvalidNotificationError || error instanceof NotificationIdReuseError) {
          throw ApplicationFailure.nonRetryable(error.message, error.name);
        }
        throw error;
      }
    },
  };
}
