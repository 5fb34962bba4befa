import type { AppConfig } from '@trialflow/config';
import type { NotificationChannel } from './channel.js';
import type { RetryPolicy } from './delivery/retry-policy.js';
import { EmailChannel } from './email/email-channel.js';
import { WebhookChannel } from './webhook/webhook-channel.js';

export type NotificationSettings = AppConfig['notifications'];

/**
 * The configured channels, webhook first (it is the faster, machine-readable one). Throws
 * UnsupportedChannelConfigError for settings the channels cannot honour yet (smtps://, SMTP credentials), so
 * the worker refuses to start instead of failing every reminder.
 */
export function createNotificationChannels(settings: NotificationSettings, options: { retryPolicy?: RetryPolicy; clock?: () => Date } = {}): NotificationChannel[] {
  const shared = { ...(options.retryPolicy ? { retryPolicy: options.retryPolicy } : {}) };
  return [
    ...(settings.webhook ? [new WebhookChannel({ ...settings.webhook, ...shared, ...(options.clock ? { clock: options.clock } : {}) })] : []),
    ...(settings.email ? [new EmailChannel({ ...settings.email, ...shared })] : []),
  ];
}
