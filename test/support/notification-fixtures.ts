import { randomUUID } from 'node:crypto';
import type { ReminderNotification } from '@trialflow/contracts';
import { migrateWithLock } from '@trialflow/event-store';
import type { RetryPolicy } from '@trialflow/notifications';
import { createTrialflowDataSource } from '@trialflow/read-models';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from './test-database.js';

export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789abcdef';

/** Short waits and timeouts so failure paths finish quickly; tests that check the waits inject a recording sleep. */
export const FAST_RETRIES: RetryPolicy = {
  maxAttempts: 3,
  initialDelayMs: 100,
  backoffCoefficient: 2,
  maxDelayMs: 1_000,
  maxRetryAfterMs: 2_000,
  attemptTimeoutMs: 2_000,
  maxElapsedMs: 30_000,
};

/** A due reminder of a synthetic participant; ids are unique per call, so tests never share outbox rows. */
export function reminder(overrides: Partial<ReminderNotification> = {}): ReminderNotification {
  const code = `UC-SLE-${randomUUID().slice(0, 8).toUpperCase()}`;
  const reminderId = 'visit:M3:reminder:-7';
  return {
    notificationId: `participant-${code}:${reminderId}`,
    reminderId,
    participantCode: code,
    trialId: 'ucart-cd19-bcma',
    siteId: 'DEMO-01',
    visitId: 'M3',
    subject: 'Month 3 visit in 7 day(s)',
    dueOn: '2026-06-09',
    timeZone: 'Asia/Shanghai',
    escalation: false,
    ...overrides,
  };
}

/** A fresh database with every migration applied (the same list the API and the worker run). */
export async function migratedDataSource(prefix: string): Promise<DataSource> {
  const dataSource = createTrialflowDataSource(await createTestDatabase(prefix), { poolSize: 4 });
  await dataSource.initialize();
  await migrateWithLock(dataSource);
  return dataSource;
}

/** A sleep that records what it was asked to wait and returns at once. */
export function recordingSleep(): { readonly waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

export async function outboxRow(dataSource: DataSource, notificationId: string): Promise<{ status: string; payload: Record<string, unknown>; created_at: Date } | undefined> {
  const [row] = (await dataSource.query(`SELECT status, payload, created_at FROM notification_outbox WHERE notification_id = $1`, [notificationId])) as { status: string; payload: Record<string, unknown>; created_at: Date }[];
  return row;
}

export async function attemptRows(dataSource: DataSource, notificationId: string): Promise<{ channel: string; attempt: number; status: string; response_code: number | null; error: string | null }[]> {
  return (await dataSource.query(
    `SELECT channel, attempt, status, response_code, error FROM notification_attempts WHERE notification_id = $1 ORDER BY channel, attempt`,
    [notificationId],
  )) as { channel: string; attempt: number; status: string; response_code: number | null; error: string | null }[];
}
