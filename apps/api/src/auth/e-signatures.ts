import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { AuthConfig } from '@trialflow/config';
import { z } from 'zod';
import { accountLocked, reauthenticationProblem } from './auth-problems.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { AUTH_CLOCK, AUTH_CONFIG, type AuthClock } from './auth.tokens.js';
import { LocalUsers } from './local-users.js';

/**
 * Fields every e-signed request body carries: the signer re-enters their password (21 CFR 11.200(a)(1):
 * each signing in a session re-establishes identity). Merge with `z.strictObject({ ...body.shape,
 * ...eSignatureFieldsSchema.shape })`. Never stored, never logged, never sent to the workflow.
 */
export const eSignatureFieldsSchema = z.object({
  password: z
    .string({ error: 'is required' })
    .min(1, 'is required')
    .max(1024, 'is too long')
    .describe('The signer re-enters their password to sign (local sign-in; with an OIDC provider, sign in there again instead and send any non-empty value).'),
});
export type ESignatureFields = z.infer<typeof eSignatureFieldsSchema>;

/**
 * Confirms that the person signing is the signed-in user, just before an e-signed command is sent. A
 * failure throws a problem and nothing may be sent: 401 REAUTHENTICATION_FAILED (wrong password, counted
 * towards lockout), 429 ACCOUNT_LOCKED, or for OIDC users 401 REAUTHENTICATION_REQUIRED when their last
 * sign-in at the provider (`auth_time`) is older than AUTH_ESIGN_MAX_AGE_SECONDS.
 */
@Injectable()
export class ESignatures {
  private readonly logger = new Logger('ESignature');

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(AUTH_CLOCK) private readonly clock: AuthClock,
    @Optional() private readonly localUsers?: LocalUsers,
  ) {}

  async confirm(user: AuthenticatedUser, fields: Pick<ESignatureFields, 'password'>): Promise<void> {
    if (this.config.mode === 'oidc') return this.confirmRecentSignIn(user, this.config.eSignatureMaxAgeSeconds);
    if (!this.localUsers) throw new Error('local users are not configured');
    const check = await this.localUsers.checkPassword(user.id, fields.password, 'e-signature');
    if (check.status === 'locked') throw accountLocked(check.retryAfterSeconds);
    if (check.status === 'invalid' || check.user.id !== user.id) {
      throw reauthenticationProblem('REAUTHENTICATION_FAILED', 'The password does not match: nothing was signed.');
    }
    this.logger.log({ event: 'e-signature-reauthenticated', signer: user.id });
  }

  private confirmRecentSignIn(user: AuthenticatedUser, maxAgeSeconds: number): void {
    const age = user.authTime === undefined ? undefined : Math.floor(this.clock() / 1000) - user.authTime;
    if (age === undefined || age > maxAgeSeconds) {
      this.logger.warn({ event: 'e-signature-stale-authentication', signer: user.id, ageSeconds: age ?? null });
      throw reauthenticationProblem('REAUTHENTICATION_REQUIRED', `Sign in again at the identity provider (within ${maxAgeSeconds} s) and resend with the new token: nothing was signed.`, maxAgeSeconds);
    }
    this.logger.log({ event: 'e-signature-reauthenticated', signer: user.id, ageSeconds: age });
  }
}
