import type { AttemptOutcome, NotificationChannel } from '../channel.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../delivery/retry-policy.js';
import { UnsupportedChannelConfigError } from '../errors.js';
import type { ReminderMessage } from '../reminder-message.js';
import { composeReminderEmail } from './reminder-email.js';
import { SmtpConnectionError, SmtpReplyError, sendMail, type SmtpTarget } from './smtp-client.js';
import { replyText } from './smtp-reply.js';

export interface EmailChannelOptions {
  readonly smtpUrl: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly retryPolicy?: RetryPolicy;
}

/**
 * `smtp://host[:port]` only. smtps:// (implicit TLS), STARTTLS and credentials are not implemented yet; the
 * configuration schema accepts them, so they are refused here, when the worker starts, rather than by failing
 * every reminder later.
 */
export function parseSmtpUrl(smtpUrl: string): SmtpTarget {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new UnsupportedChannelConfigError('NOTIFY_SMTP_URL is not a URL');
  }
  if (url.protocol !== 'smtp:') throw new UnsupportedChannelConfigError(`NOTIFY_SMTP_URL: ${url.protocol}// is not supported yet (plain smtp:// only; no TLS)`);
  if (url.username || url.password) throw new UnsupportedChannelConfigError('NOTIFY_SMTP_URL: SMTP authentication is not supported yet');
  if (!url.hostname) throw new UnsupportedChannelConfigError('NOTIFY_SMTP_URL has no host');
  return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: url.port ? Number(url.port) : 25 };
}

/** RFC 3463 enhanced status code ("5.1.1"), when the server gave one: precise, and free of addresses. */
const enhancedCode = (text: string | undefined): string => {
  const code = /^([245]\.\d{1,3}\.\d{1,3})\b/.exec(text ?? '')?.[1];
  return code ? ` ${code}` : '';
};

export class EmailChannel implements NotificationChannel {
  readonly name = 'email';
  readonly retryPolicy: RetryPolicy;
  private readonly target: SmtpTarget;

  constructor(private readonly options: EmailChannelOptions) {
    this.target = parseSmtpUrl(options.smtpUrl);
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
    if (options.to.length === 0) throw new UnsupportedChannelConfigError('NOTIFY_EMAIL_TO: at least one recipient is required');
  }

  async deliver(message: ReminderMessage, _idempotencyKey: string, signal?: AbortSignal): Promise<AttemptOutcome> {
    // The idempotency key reaches the receiver as the Message-ID (derived from the notification id).
    const email = composeReminderEmail(message, { from: this.options.from, to: this.options.to });
    try {
      const accepted = await sendMail(this.target, { from: this.options.from, to: this.options.to }, email.message, {
        timeoutMs: this.retryPolicy.attemptTimeoutMs,
        ...(signal ? { signal } : {}),
      });
      return { ok: true, retryable: false, responseCode: accepted.code, response: replyText(accepted) };
    } catch (error) {
      if (signal?.aborted) throw error;
      if (error instanceof SmtpReplyError) {
        const { code } = error.reply;
        // Reply texts often echo the recipient's address: they go to the attempts log only, not into the error.
        return { ok: false, retryable: code >= 400 && code < 500, responseCode: code, response: replyText(error.reply), error: `SMTP ${code}${enhancedCode(error.reply.lines[0])} after ${error.stage}` };
      }
      if (error instanceof SmtpConnectionError) return { ok: false, retryable: true, error: error.message };
      // Protocol violations (the peer is not an SMTP server) and refused envelopes will not fix themselves.
      return { ok: false, retryable: false, error: `${(error as Error).name}: ${(error as Error).message}` };
    }
  }
}
