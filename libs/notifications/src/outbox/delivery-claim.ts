import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Queryable } from './outbox-store.js';

const POLL_MS = 200;

/** Another execution of the same notification holds the delivery lease; the activity is retried later. */
export class NotificationBusyError extends Error {
  override readonly name = 'NotificationBusy';
  constructor(readonly notificationId: string) {
    super(`Notification ${notificationId} is being delivered by another execution.`);
  }
}

export interface ClaimOptions {
  /** How long the lease lasts without renewal; renewed after every attempt. */
  readonly leaseMs: number;
  /** How long to wait for a lease held by another execution. */
  readonly waitMs: number;
  readonly signal?: AbortSignal;
  readonly heartbeat?: () => void;
}

/**
 * Runs `fn` while this execution holds the notification's delivery lease (outbox `claimed_by`/`claimed_until`,
 * compared on the database clock). Temporal may start a second execution while a slow first one still runs;
 * the lease makes the second wait, then find the channels settled instead of notifying again. A lease rather
 * than a lock held by a connection: nothing stays open across network calls, the attempts written meanwhile are
 * durable at once, and a worker that vanished (host lost, connection half-open) blocks nobody past its lease.
 */
export async function withDeliveryClaim<T>(db: Queryable, notificationId: string, options: ClaimOptions, fn: (renew: () => Promise<void>) => Promise<T>): Promise<T> {
  const token = randomUUID();
  const claim = async (): Promise<boolean> => {
    const [row] = (await db.query(
      `WITH claimed AS (
         UPDATE notification_outbox SET claimed_by = $2, claimed_until = now() + make_interval(secs => $3::double precision / 1000)
         WHERE notification_id = $1 AND (claimed_by = $2 OR claimed_until IS NULL OR claimed_until < now())
         RETURNING 1)
       SELECT count(*)::int AS claimed FROM claimed`,
      [notificationId, token, options.leaseMs],
    )) as { claimed: number }[];
    return row?.claimed === 1;
  };
  for (let polls = Math.ceil(options.waitMs / POLL_MS); !(await claim()); polls--) {
    if (polls <= 0) throw new NotificationBusyError(notificationId);
    options.heartbeat?.();
    await delay(POLL_MS, undefined, options.signal ? { signal: options.signal } : {});
  }
  try {
    return await fn(async () => {
      // Lost the lease (it expired and another execution took it): stop rather than deliver alongside it.
      if (!(await claim())) throw new NotificationBusyError(notificationId);
    });
  } finally {
    await db.query(`UPDATE notification_outbox SET claimed_by = NULL, claimed_until = NULL WHERE notification_id = $1 AND claimed_by = $2`, [notificationId, token]).catch(() => undefined);
  }
}
