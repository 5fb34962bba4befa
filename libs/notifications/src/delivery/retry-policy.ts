/**
 * Bounded retries inside one activity execution. The activity must finish inside the workflow's
 * start-to-close timeout, so every wait is capped; anything longer is the workflow's business (it records
 * the failure and may plan a new reminder).
 */
export interface RetryPolicy {
  /** Attempts per channel in one activity execution, the first included. */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly backoffCoefficient: number;
  readonly maxDelayMs: number;
  /** A receiver's Retry-After is honoured up to this. */
  readonly maxRetryAfterMs: number;
  /** Each attempt (connect, send, answer) is abandoned after this, and counts as a retryable failure. */
  readonly attemptTimeoutMs: number;
  /**
   * No wait and attempt is started that could end after this much time on the channel: the channel settles as
   * FAILED instead. Keeps the activity inside the workflow's start-to-close timeout (2 minutes).
   */
  readonly maxElapsedMs: number;
}

/** Channels are delivered in parallel, so one execution takes at most about `maxElapsedMs` (90 s) plus database time. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  initialDelayMs: 1_000,
  backoffCoefficient: 2,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 20_000,
  attemptTimeoutMs: 10_000,
  maxElapsedMs: 90_000,
};

/**
 * The wait after the `failedAttempt`-th attempt. Exponential with "equal jitter" (half fixed, half random), so
 * many reminders due at the same 08:00 do not hammer a recovering receiver in lockstep. A Retry-After from the
 * receiver replaces the backoff, capped.
 */
export function retryDelayMs(policy: RetryPolicy, failedAttempt: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(0, retryAfterMs), policy.maxRetryAfterMs);
  const exponential = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.backoffCoefficient ** Math.max(0, failedAttempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

/** HTTP Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Unparseable = absent. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
