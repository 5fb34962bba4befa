import type { UserRole } from './roles.decorator.js';

/** The person behind a request, from a verified token: who, in which role, for which sites. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly name: string;
  readonly role: UserRole;
  /** Sites the user is bound to: every query and command is scoped to them. */
  readonly sites: readonly string[];
  /**
   * When the person last proved who they are (the token's `auth_time`, seconds since the epoch). An
   * e-signature by an OIDC user needs it to be recent (21 CFR 11.200: signing re-establishes identity).
   */
  readonly authTime?: number;
}
