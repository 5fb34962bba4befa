/**
 * Brute-force protection for passwords (21 CFR 11.300(d): safeguards against unauthorized use of
 * passwords). After `maxFailures` consecutive failures, by sign-in or by e-signature, the account is locked
 * for `lockMinutes`; failures older than that window are forgotten. Names that belong to nobody are counted
 * too, so the answers do not tell which accounts exist.
 *
 * Kept in the API process's memory: with several API instances each counts on its own (an attacker gets at
 * most maxFailures × instances tries per window); a shared store is the next step for such deployments.
 */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly lockMinutes: number;
}

interface Streak {
  count: number;
  lastFailureAt: number;
  lockedUntil?: number;
}

/** Bounds the memory an attacker can make us use by spraying made-up user names. */
const DEFAULT_CAPACITY = 10_000;

export class LoginAttempts {
  private readonly streaks = new Map<string, Streak>();

  constructor(
    private readonly policy: LockoutPolicy,
    private readonly now: () => number = Date.now,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  private get windowMs(): number {
    return this.policy.lockMinutes * 60_000;
  }

  private current(username: string): Streak | undefined {
    const streak = this.streaks.get(username);
    if (!streak) return undefined;
    const now = this.now();
    const expired = streak.lockedUntil !== undefined ? streak.lockedUntil <= now : now - streak.lastFailureAt >= this.windowMs;
    if (expired) {
      this.streaks.delete(username);
      return undefined;
    }
    return streak;
  }

  /** Seconds until the account unlocks, or undefined when it is not locked. */
  lockedFor(username: string): number | undefined {
    const until = this.current(username)?.lockedUntil;
    return until === undefined ? undefined : Math.ceil((until - this.now()) / 1000);
  }

  /** Counts one failure; answers whether the account is now locked. */
  recordFailure(username: string): { readonly locked: boolean } {
    const now = this.now();
    const streak = this.current(username) ?? { count: 0, lastFailureAt: now };
    streak.count += 1;
    streak.lastFailureAt = now;
    if (streak.count >= this.policy.maxFailures) streak.lockedUntil = now + this.windowMs;
    // Re-insert so the Map's order is least-recently-failed first.
    this.streaks.delete(username);
    this.streaks.set(username, streak);
    if (this.streaks.size > this.capacity) this.evictOne();
    return { locked: streak.lockedUntil !== undefined };
  }

  /** Forgets the oldest streak that has not locked an account (spraying names must not unlock one). */
  private evictOne(): void {
    for (const [name, streak] of this.streaks) {
      if (streak.lockedUntil === undefined) {
        this.streaks.delete(name);
        return;
      }
    }
    const oldest = this.streaks.keys().next();
    if (!oldest.done) this.streaks.delete(oldest.value);
  }

  /** A correct password ends the streak of failures. */
  recordSuccess(username: string): void {
    this.streaks.delete(username);
  }
}
