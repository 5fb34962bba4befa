import type { AttemptOutcome, NotificationChannel } from '../channel.js';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy } from '../delivery/retry-policy.js';
import { serializeReminderMessage, type ReminderMessage } from '../reminder-message.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signBody } from './signature.js';
import { describeNetworkError } from './network-error.js';

export interface WebhookChannelOptions {
  readonly url: string;
  readonly secret: string;
  readonly retryPolicy?: RetryPolicy;
  readonly clock?: () => Date;
}

/**
 * HTTP POST of the reminder as JSON. The body is identical on every attempt (and every re-send): receivers that
 * implement the Idempotency-Key draft compare payloads under one key, and the HMAC covers exactly those bytes.
 */
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook';
  readonly retryPolicy: RetryPolicy;
  private readonly clock: () => Date;

  constructor(private readonly options: WebhookChannelOptions) {
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
    this.clock = options.clock ?? (() => new Date());
  }

  async deliver(message: ReminderMessage, idempotencyKey: string, signal?: AbortSignal): Promise<AttemptOutcome> {
    const body = serializeReminderMessage(message);
    const timeout = AbortSignal.timeout(this.retryPolicy.attemptTimeoutMs);
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'trialflow-notifications/1',
          'Idempotency-Key': idempotencyKey,
          [SIGNATURE_HEADER]: signBody(body, this.options.secret),
          [TIMESTAMP_HEADER]: this.clock().toISOString(),
        },
        body,
        // A redirected POST may turn into a GET, or carry the signed reminder somewhere unconfigured: refuse.
        redirect: 'manual',
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      return { ok: false, retryable: true, error: timeout.aborted ? `no answer within ${this.retryPolicy.attemptTimeoutMs} ms` : describeNetworkError(error) };
    }
    // The receiver's body is not read into logs or events (it is theirs and may say anything); drain it so the
    // connection can be reused.
    await response.body?.cancel().catch(() => undefined);
    const status = response.status;
    const answer = { responseCode: status, response: response.statusText || undefined };
    if (status >= 200 && status < 300) return { ok: true, retryable: false, ...answer };
    const error = `HTTP ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`;
    if (status === 429 || status >= 500) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.clock());
      return { ok: false, retryable: true, error, ...answer, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    }
    return { ok: false, retryable: false, error, ...answer };
  }
}
