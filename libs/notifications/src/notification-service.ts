import { setTimeout as delay } from 'node:timers/promises';
import type { ChannelOutcome, ReminderDeliveryResult, ReminderNotification } from '@trialflow/contracts';
import type { DataSource } from 'typeorm';
import type { AttemptOutcome, NotificationChannel } from './channel.js';
import { retryDelayMs } from './delivery/retry-policy.js';
import { withDeliveryClaim } from './outbox/delivery-claim.js';
import { enqueueReminder, overallStatus, readAttempts, recordAttempt, setOutboxStatus, settledOutcome, type AttemptRecord } from './outbox/outbox-store.js';
import { toReminderMessage, type ReminderMessage } from './reminder-message.js';

export interface NotificationServiceOptions {
  readonly clock?: () => Date;
  /** The wait between attempts (tests record it instead of waiting). */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  /** How long a second execution of the same notification waits for the first one's lease (default 100 s). */
  readonly claimWaitMs?: number;
  /** Delivery lease, renewed after every attempt (default 2 min: well above one attempt plus one wait). */
  readonly leaseMs?: number;
}

export interface DeliveryHooks {
  /** Cancels waits and in-flight attempts (the activity's cancellation signal). */
  readonly signal?: AbortSignal;
  /** Called while waiting and after every attempt, so a long delivery keeps its activity alive. */
  readonly heartbeat?: () => void;
  /** Called after each attempt is logged. */
  readonly onAttempt?: (attempt: AttemptRecord) => void | Promise<void>;
}

/**
 * Delivers due reminders: outbox row first, then, in parallel, every configured channel that has not settled,
 * logging each attempt as it happens. A settled channel (DELIVERED or FAILED) is never attempted again for the
 * same notification id, so Temporal's at-least-once activity execution cannot notify the site twice, and a
 * retried activity returns the outcome the first one reached.
 */
export class NotificationService {
  private readonly clock: () => Date;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private readonly claimWaitMs: number;
  private readonly leaseMs: number;

  constructor(
    private readonly dataSource: DataSource,
    readonly channels: readonly NotificationChannel[],
    options: NotificationServiceOptions = {},
  ) {
    const names = channels.map((c) => c.name);
    if (new Set(names).size !== names.length) throw new Error(`Channel names must be unique: ${names.join(', ')}`);
    this.clock = options.clock ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, signal ? { signal } : {}));
    this.random = options.random ?? Math.random;
    this.claimWaitMs = options.claimWaitMs ?? 100_000;
    this.leaseMs = options.leaseMs ?? 120_000;
  }

  /**
   * One outcome per configured channel, in configuration order. With no channel configured the reminder stays
   * PENDING in the outbox and the outcomes are empty: nothing reached the site; the caller decides what to record.
   */
  async deliverReminder(notification: ReminderNotification, hooks: DeliveryHooks = {}): Promise<ReminderDeliveryResult> {
    const db = this.dataSource;
    const message = await enqueueReminder(db, toReminderMessage(notification, this.clock()));
    const notificationId = message.notificationId;
    if (this.channels.length === 0) return { notificationId, outcomes: [] };
    return withDeliveryClaim(db, notificationId, { leaseMs: this.leaseMs, waitMs: this.claimWaitMs, ...hooks }, async (renew) => {
      const history = await readAttempts(db, notificationId);
      // All channels run to the end even if one fails (as when its database write fails): none may still be
      // sending once the lease is released.
      const results = await Promise.allSettled(
        this.channels.map((channel) => settledOutcome(channel.name, history) ?? this.deliverOn(channel, message, history, hooks, renew)),
      );
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      const outcomes = results.map((r) => (r as PromiseFulfilledResult<ChannelOutcome>).value);
      await setOutboxStatus(db, notificationId, overallStatus(outcomes), this.clock());
      return { notificationId, outcomes };
    });
  }

  private async deliverOn(channel: NotificationChannel, message: ReminderMessage, history: readonly AttemptRecord[], hooks: DeliveryHooks, renew: () => Promise<void>): Promise<ChannelOutcome> {
    const policy = channel.retryPolicy;
    const begun = performance.now();
    // Numbering continues after an earlier, interrupted execution, so the log shows every attempt ever made.
    const attempts = history.filter((a) => a.channel === channel.name);
    for (let attempt = 1; ; attempt++) {
      const attemptedAt = this.clock();
      const started = performance.now();
      const outcome = await this.attempt(channel, message, hooks.signal);
      const ended = performance.now();
      const wait = retryDelayMs(policy, attempt, outcome.retryAfterMs, this.random);
      const again = !outcome.ok && outcome.retryable && attempt < policy.maxAttempts && ended - begun + wait + policy.attemptTimeoutMs <= policy.maxElapsedMs;
      const record: AttemptRecord = {
        notificationId: message.notificationId,
        channel: channel.name,
        attempt: attempts.length + 1,
        status: outcome.ok ? 'DELIVERED' : again ? 'RETRYING' : 'FAILED',
        ...(outcome.responseCode !== undefined ? { responseCode: outcome.responseCode } : {}),
        ...(outcome.response !== undefined ? { response: outcome.response } : {}),
        ...(outcome.error !== undefined ? { error: outcome.error } : {}),
        attemptedAt: attemptedAt.toISOString(),
        durationMs: Math.max(0, Math.round(ended - started)),
      };
      await recordAttempt(this.dataSource, record);
      attempts.push(record);
      hooks.heartbeat?.();
      await hooks.onAttempt?.(record);
      const settled = settledOutcome(channel.name, attempts);
      if (settled) return settled;
      await this.sleep(wait, hooks.signal);
      await renew();
    }
  }

  /** Channels report failures as outcomes; a throw is a bug in one, logged as a retryable failure (cancellation aside). */
  private async attempt(channel: NotificationChannel, message: ReminderMessage, signal: AbortSignal | undefined): Promise<AttemptOutcome> {
    try {
      return await channel.deliver(message, message.notificationId, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      return { ok: false, retryable: true, error: `channel error: ${error instanceof Error ? error.name : 'unknown'}` };
    }
  }
}
