import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { LocalAuthConfig } from '@trialflow/config';
import type { AuthenticatedUser } from './authenticated-user.js';
import { AUTH_CLOCK, LOCAL_AUTH_CONFIG, type AuthClock } from './auth.tokens.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.js';
import { LoginAttempts } from './login-attempts.js';
import { hashPassword, verifyPassword } from './password-hash.js';

export type PasswordCheck =
  | { readonly status: 'ok'; readonly user: AuthenticatedUser }
  | { readonly status: 'invalid' }
  | { readonly status: 'locked'; readonly retryAfterSeconds: number };

interface StoredUser {
  readonly user: AuthenticatedUser;
  readonly passwordHash: string;
}

/** User names are matched without regard to case or surrounding blanks (one account, one lockout counter). */
const normalise = (username: string): string => username.trim().toLowerCase();

/**
 * The local issuer's user directory: the seeded demo users, their password hashes and the lockout counter.
 * Every password check (sign-in and e-signature) goes through `checkPassword`, so both count towards the
 * same lockout and both are logged.
 */
@Injectable()
export class LocalUsers {
  private readonly logger = new Logger('Authentication');
  private readonly attempts: LoginAttempts;
  /** Hashed once per process, in the background, so start-up is not delayed by eight scrypt runs. */
  private readonly users: Promise<ReadonlyMap<string, StoredUser>>;
  /** Compared against for unknown names, so they take as long to refuse as a wrong password does. */
  private readonly decoy: Promise<string>;

  constructor(@Inject(LOCAL_AUTH_CONFIG) config: LocalAuthConfig, @Inject(AUTH_CLOCK) clock: AuthClock) {
    this.attempts = new LoginAttempts(config.lockout, clock);
    this.users = Promise.all(
      DEMO_USERS.map(async ({ username, name, role, sites }) => [username, { user: { id: username, name, role, sites }, passwordHash: await hashPassword(DEMO_PASSWORD) }] as const),
    ).then((entries) => new Map(entries));
    this.decoy = hashPassword(randomUUID());
    // Surfaced on first use; never an unhandled rejection.
    this.users.catch(() => undefined);
    this.decoy.catch(() => undefined);
  }

  async find(username: string): Promise<AuthenticatedUser | undefined> {
    return (await this.users).get(normalise(username))?.user;
  }

  /** Seconds until the account unlocks, or undefined when it is not locked. */
  lockedFor(username: string): number | undefined {
    return this.attempts.lockedFor(normalise(username));
  }

  async checkPassword(username: string, password: string, purpose: 'sign-in' | 'e-signature'): Promise<PasswordCheck> {
    const key = normalise(username);
    const lockedFor = this.attempts.lockedFor(key);
    // A locked account is refused without looking at the password: no oracle while locked.
    if (lockedFor !== undefined) {
      this.logger.warn({ event: 'password-refused-locked', username: key, purpose });
      return { status: 'locked', retryAfterSeconds: lockedFor };
    }
    const stored = (await this.users).get(key);
    const matches = await verifyPassword(password, stored?.passwordHash ?? (await this.decoy));
    if (stored && matches) {
      this.attempts.recordSuccess(key);
      this.logger.log({ event: 'password-accepted', username: key, purpose });
      return { status: 'ok', user: stored.user };
    }
    const { locked } = this.attempts.recordFailure(key);
    this.logger.warn({ event: locked ? 'account-locked' : 'password-rejected', username: key, purpose });
    return { status: 'invalid' };
  }
}
