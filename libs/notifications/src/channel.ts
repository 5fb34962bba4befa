import type { ReminderMessage } from './reminder-message.js';
import type { RetryPolicy } from './delivery/retry-policy.js';

/** The result of one delivery attempt on one channel. Channels report failures here; they do not throw. */
export interface AttemptOutcome {
  readonly ok: boolean;
  /** Worth another attempt: network error, timeout, HTTP 5xx/429, SMTP 4xx. */
  readonly retryable: boolean;
  /** The receiver asked to wait this long (HTTP Retry-After); honoured up to the policy's cap. */
  readonly retryAfterMs?: number;
  /** HTTP status or SMTP reply code of the answer that decided the attempt, when there was one. */
  readonly responseCode?: number;
  /** Short protocol answer (HTTP reason phrase, SMTP reply text). Never the receiver's body: it is not ours to log. */
  readonly response?: string;
  /** Why the attempt failed. Goes into events and Temporal failures, so it must never carry personal data. */
  readonly error?: string;
}

/**
 * A way of getting a reminder to the site. `idempotencyKey` is the notification id: every channel passes it on
 * (Idempotency-Key header, Message-ID) so a receiver can recognise a copy re-sent after an ambiguous failure.
 */
export interface NotificationChannel {
  /** Stable name, recorded in the attempts log and in the delivery events (e.g. 'webhook', 'email'). */
  readonly name: string;
  readonly retryPolicy: RetryPolicy;
  deliver(message: ReminderMessage, idempotencyKey: string, signal?: AbortSignal): Promise<AttemptOutcome>;
}
