import type { ChannelOutcome } from '@trialflow/contracts';
import { NotificationIdReuseError } from '../errors.js';
import { sameReminder, serializeReminderMessage, storedReminderMessage, type ReminderMessage } from '../reminder-message.js';

/** A DataSource or a QueryRunner: the SQL below runs on either (raw SQL, like the event store's write path). */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export type OutboxStatus = 'PENDING' | 'DELIVERED' | 'PARTIALLY_DELIVERED' | 'FAILED';
/** RETRYING: failed, another attempt follows. DELIVERED and FAILED are terminal: the channel is settled for good. */
export type AttemptStatus = 'DELIVERED' | 'RETRYING' | 'FAILED';

export interface AttemptRecord {
  readonly notificationId: string;
  readonly channel: string;
  readonly attempt: number;
  readonly status: AttemptStatus;
  readonly responseCode?: number;
  readonly response?: string;
  readonly error?: string;
  readonly attemptedAt: string;
  readonly durationMs: number;
}

/**
 * Writes the outbox row once and returns what is stored. A second call with the same id (a retried activity)
 * gets the first row back, issue time included; the same id with other content is refused.
 */
export async function enqueueReminder(db: Queryable, message: ReminderMessage): Promise<ReminderMessage> {
  await db.query(
    `INSERT INTO notification_outbox (notification_id, reminder_id, participant_code, trial_id, site_id, payload, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'PENDING', $7, $7)
     ON CONFLICT (notification_id) DO NOTHING`,
    [message.notificationId, message.reminderId, message.participantCode, message.trialId, message.siteId, serializeReminderMessage(message), message.issuedAt],
  );
  const [row] = (await db.query(`SELECT payload FROM notification_outbox WHERE notification_id = $1`, [message.notificationId])) as { payload: unknown }[];
  const stored = storedReminderMessage(row?.payload);
  if (!sameReminder(stored, message)) throw new NotificationIdReuseError(message.notificationId);
  return stored;
}

export async function recordAttempt(db: Queryable, a: AttemptRecord): Promise<void> {
  await db.query(
    `INSERT INTO notification_attempts (notification_id, channel, attempt, status, response_code, response, error, attempted_at, duration_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [a.notificationId, a.channel, a.attempt, a.status, a.responseCode ?? null, a.response ?? null, a.error ?? null, a.attemptedAt, a.durationMs],
  );
}

interface AttemptRow {
  notification_id: string;
  channel: string;
  attempt: number;
  status: AttemptStatus;
  response_code: number | null;
  response: string | null;
  error: string | null;
  attempted_at: Date;
  duration_ms: number;
}

export async function readAttempts(db: Queryable, notificationId: string): Promise<AttemptRecord[]> {
  const rows = (await db.query(
    `SELECT notification_id, channel, attempt, status, response_code, response, error, attempted_at, duration_ms
     FROM notification_attempts WHERE notification_id = $1 ORDER BY channel, attempt`,
    [notificationId],
  )) as AttemptRow[];
  return rows.map((r) => ({
    notificationId: r.notification_id,
    channel: r.channel,
    attempt: r.attempt,
    status: r.status,
    ...(r.response_code !== null ? { responseCode: r.response_code } : {}),
    ...(r.response !== null ? { response: r.response } : {}),
    ...(r.error !== null ? { error: r.error } : {}),
    attemptedAt: r.attempted_at.toISOString(),
    durationMs: r.duration_ms,
  }));
}

/**
 * The channel's outcome once settled (its attempts end in DELIVERED or FAILED), else undefined. The same
 * function builds the outcome after delivering and when a retried activity finds the channel settled, so both
 * report exactly the same thing.
 */
export function settledOutcome(channel: string, attempts: readonly AttemptRecord[]): ChannelOutcome | undefined {
  const own = attempts.filter((a) => a.channel === channel);
  const terminal = own.find((a) => a.status !== 'RETRYING');
  if (!terminal) return undefined;
  return terminal.status === 'DELIVERED'
    ? { channel, status: 'DELIVERED', attempts: own.length, deliveredAt: new Date(Date.parse(terminal.attemptedAt) + terminal.durationMs).toISOString() }
    : { channel, status: 'FAILED', attempts: own.length, error: terminal.error ?? 'failed' };
}

export function overallStatus(outcomes: readonly ChannelOutcome[]): OutboxStatus {
  if (outcomes.length === 0) return 'PENDING';
  if (outcomes.every((o) => o.status === 'DELIVERED')) return 'DELIVERED';
  return outcomes.some((o) => o.status === 'DELIVERED') ? 'PARTIALLY_DELIVERED' : 'FAILED';
}

export async function setOutboxStatus(db: Queryable, notificationId: string, status: OutboxStatus, at: Date): Promise<void> {
  await db.query(`UPDATE notification_outbox SET status = $2, updated_at = $3 WHERE notification_id = $1`, [notificationId, status, at.toISOString()]);
}
