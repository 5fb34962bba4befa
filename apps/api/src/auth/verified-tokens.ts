import type { JWTPayload } from 'jose';
import type { AuthenticatedUser } from './authenticated-user.js';

interface Verified {
  readonly user: AuthenticatedUser;
  /** The token's `exp` and `nbf` (seconds since the epoch): checked again on every use. */
  readonly expiresAt: number;
  readonly notBefore: number | undefined;
}

const MAX_ENTRIES = 10_000;

/**
 * Tokens whose signature and claims have been verified, with the user they speak for, until they expire. A
 * session sends the same token with every request, and checking its signature (ECDSA or RSA) is most of what
 * authenticating a request costs; everything else about a token is fixed once signed. Only successful
 * verifications are kept, keyed by the whole token (a token altered in any way is another key and is verified
 * in full). The time claims are checked again on each use, as the verifier checks them (`exp` and `nbf` with
 * the same clock and tolerance), so a remembered token stops working at the same instant as any other.
 * Bounded: past MAX_ENTRIES the oldest entries go (and are verified in full if they come back).
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, Verified>();

  constructor(private readonly toleranceSeconds = 0) {}

  /** The user of a token verified before and still within its validity at `nowMs`, else undefined. */
  find(token: string, nowMs: number): AuthenticatedUser | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    const now = Math.floor(nowMs / 1000);
    if (entry.expiresAt <= now - this.toleranceSeconds || (entry.notBefore !== undefined && entry.notBefore > now + this.toleranceSeconds)) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.user;
  }

  /** Remembers a token the verifier has just accepted (its payload as verified, `exp` required). */
  remember(token: string, payload: JWTPayload, user: AuthenticatedUser): void {
    if (payload.exp === undefined) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { user, expiresAt: payload.exp, notBefore: payload.nbf });
  }
}
